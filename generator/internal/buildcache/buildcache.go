// Package buildcache is a disk cache of build outputs keyed by their
// inputs, in the manner of Go's build cache: a stage that turns inputs
// into bytes hashes everything the bytes depend on into a Key, asks Get,
// and on a miss computes the bytes and Puts them. Because the key names
// every input, an entry is never stale; the cache can be deleted at any
// time and the output is the same, only slower to make.
//
// Entries live in <dir>/<first two hex digits>/<key hex>, written to a
// temporary file and renamed into place, so a reader never sees half an
// entry and two builds may share a directory. Each entry starts with a
// header holding the SHA-256 of its bytes: a damaged or truncated entry
// is a miss, never wrong output.
package buildcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// DirName is the cache's directory below os.UserCacheDir.
const DirName = "edition-build"

// Key names one output by the hash of all its inputs.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from inputs. Each part is length-prefixed, so
// ("ab", "c") and ("a", "bc") give different keys.
type Hasher struct{ b []byte }

// NewHasher starts a key for the named kind of output ("embed-page",
// "chart-png"); the kind keeps different stages' keys apart, and bumping
// a version suffix in it ("chart-png/2") retires old entries.
func NewHasher(kind string) *Hasher {
	h := &Hasher{}
	return h.String(kind)
}

// Bytes adds one input.
func (h *Hasher) Bytes(b []byte) *Hasher {
	var n [8]byte
	l := uint64(len(b))
	for i := range n {
		n[i] = byte(l >> (8 * i))
	}
	h.b = append(append(h.b, n[:]...), b...)
	return h
}

// String adds one input.
func (h *Hasher) String(s string) *Hasher { return h.Bytes([]byte(s)) }

// Sum is the key of the inputs added so far.
func (h *Hasher) Sum() Key { return sha256.Sum256(h.b) }

// Cache is a cache directory. A nil *Cache caches nothing: Get always
// misses and Put does nothing, so a stage can take an optional cache.
type Cache struct {
	dir string
}

// Open uses dir as a cache, creating it if needed.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

// DefaultDir is os.UserCacheDir()/DirName.
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, DirName), nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

func (c *Cache) file(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, s[:2], s)
}

// magic starts every entry; it changes if the entry format does.
const magic = "edition-buildcache 2\n"

// Get returns the bytes stored under k. ok is false when there are none
// or the entry is damaged.
func (c *Cache) Get(k Key) (b []byte, ok bool) {
	if c == nil {
		return nil, false
	}
	data, err := os.ReadFile(c.file(k))
	if err != nil {
		return nil, false
	}
	rest, found := bytes.CutPrefix(data, []byte(magic))
	if !found || len(rest) < sha256.Size {
		return nil, false
	}
	body, sum := rest[:len(rest)-sha256.Size], rest[len(rest)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return body, true
}

// Entry is an entry opened to be read in place, for one too large to
// hold: its bytes are [0, Size) of ReadAt. Open has checked them whole.
type Entry struct {
	f    *os.File
	Size int64
}

// ReadAt reads the entry's bytes from off.
func (e *Entry) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > e.Size {
		return 0, io.ErrUnexpectedEOF
	}
	return e.f.ReadAt(p, off+int64(len(magic)))
}

// Close closes the entry's file.
func (e *Entry) Close() error { return e.f.Close() }

// Open returns the entry under k to read in place, having checked its
// hash by reading it through once; ok is false as for Get.
func (c *Cache) Open(k Key) (e *Entry, ok bool) {
	if c == nil {
		return nil, false
	}
	f, err := os.Open(c.file(k))
	if err != nil {
		return nil, false
	}
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	fi, err := f.Stat()
	if err != nil {
		return nil, false
	}
	size := fi.Size() - int64(len(magic)) - sha256.Size
	if size < 0 {
		return nil, false
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != magic {
		return nil, false
	}
	h := sha256.New()
	if _, err := io.CopyN(h, f, size); err != nil {
		return nil, false
	}
	sum := make([]byte, sha256.Size)
	if _, err := io.ReadFull(f, sum); err != nil || !bytes.Equal(h.Sum(nil), sum) {
		return nil, false
	}
	return &Entry{f: f, Size: size}, true
}

// Put stores b under k. An error means only that the entry was not
// stored; callers that can build without the cache may ignore it.
func (c *Cache) Put(k Key, b []byte) error {
	return c.PutFunc(k, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// PutFunc stores what write writes under k, without holding it all in
// memory: for large entries made of many parts.
func (c *Cache) PutFunc(k Key, write func(io.Writer) error) error {
	if c == nil {
		return nil
	}
	name := c.file(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	h := sha256.New()
	_, err = bw.WriteString(magic)
	if err == nil {
		err = write(io.MultiWriter(bw, h))
	}
	if err == nil {
		_, err = bw.Write(h.Sum(nil))
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// Do returns the bytes under k, or makes them with build and stores them.
// A build error is returned and nothing is stored.
func (c *Cache) Do(k Key, build func() ([]byte, error)) ([]byte, error) {
	if b, ok := c.Get(k); ok {
		return b, nil
	}
	b, err := build()
	if err != nil {
		return nil, err
	}
	_ = c.Put(k, b) // a full disk makes the build slower, not wrong
	return b, nil
}

// Clean removes the cache directory. It refuses, removing nothing, when
// the directory holds a file this package did not write (a -cache flag
// pointed at the wrong place must not delete someone's files).
func (c *Cache) Clean() error {
	if c == nil {
		return nil
	}
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !isEntryName(d.Name()) {
			return errors.New(p + ": not a cache entry; leaving the cache directory alone")
		}
		return nil
	})
	if err != nil {
		return err
	}
	return os.RemoveAll(c.dir)
}

// isEntryName reports whether name is one this package writes: a key in
// hex, or a temporary file left by an interrupted Put.
func isEntryName(name string) bool {
	if len(name) > 5 && name[:5] == ".tmp-" {
		return true
	}
	if len(name) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

// ExecutableID names the running program's build: a hash of its path,
// size and modification time. Keys include it so that a rebuilt program,
// whose code may render differently, never reads its predecessor's
// entries. (Go's build cache uses its compiler's build ID the same way.)
// It is "" when the executable cannot be found; callers then should not
// cache.
func ExecutableID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	k := NewHasher("exe").String(exe).String(fi.ModTime().UTC().Format("2006-01-02T15:04:05.999999999")).String(strconv.FormatInt(fi.Size(), 10)).Sum()
	return k.String()
}
