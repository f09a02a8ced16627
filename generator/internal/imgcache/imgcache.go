// Package imgcache keeps the press images (chart PNGs, share cards, QR
// code SVGs)
// between builds in a directory, by the SHA-256 of everything an image
// depends on, so an unchanged image costs a file read instead of 50–100 ms
// of drawing. It is the small stand-in for a general build cache: it has
// the two methods site.ImageCache needs and nothing else.
//
// An entry is <dir>/<key in hex>, written to a temporary file and
// renamed, so a reader never sees half an entry. Entries are checked to
// be whole PNGs or SVGs on reading; anything else is a miss.
package imgcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
)

// DirName is the cache's directory below os.UserCacheDir.
const DirName = "edition-images"

// Dir is a cache directory.
type Dir struct{ path string }

// Open uses path as the cache, making it if needed.
func Open(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o777); err != nil {
		return nil, err
	}
	return &Dir{path}, nil
}

// Default opens os.UserCacheDir()/DirName.
func Default() (*Dir, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return nil, err
	}
	return Open(filepath.Join(d, DirName))
}

func (d *Dir) file(k [sha256.Size]byte) string {
	return filepath.Join(d.path, hex.EncodeToString(k[:]))
}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// Get returns the image stored under k.
func (d *Dir) Get(k [sha256.Size]byte) ([]byte, bool) {
	b, err := os.ReadFile(d.file(k))
	if err != nil || !whole(b) {
		return nil, false
	}
	return b, true
}

// whole reports whether b is a complete PNG (signature to IEND chunk) or
// SVG: a truncated or foreign entry is a miss, never a broken image.
func whole(b []byte) bool {
	png := bytes.HasPrefix(b, pngMagic) && bytes.HasSuffix(b, []byte("IEND\xaeB`\x82"))
	svg := bytes.HasPrefix(b, []byte("<svg")) && bytes.HasSuffix(b, []byte("</svg>"))
	return png || svg
}

// Put stores b under k.
func (d *Dir) Put(k [sha256.Size]byte, b []byte) error {
	f, err := os.CreateTemp(d.path, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), d.file(k))
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
