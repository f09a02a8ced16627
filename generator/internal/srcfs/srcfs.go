// Package srcfs reads a source directory (content/, templates/, static/)
// for the build, refusing what must never be read or published: a file
// reached through a symlink that leaves the directory (content/x.md →
// /etc/passwd), a named pipe, device or socket (opening a FIFO would hang
// the build), and a file over a size limit. os.Root confines every open to
// the directory; files are opened non-blocking and checked with fstat, so
// nothing is swapped in between the check and the read.
package srcfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"edition/generator/internal/diag"
)

// MaxFile is the largest source file read: the whole report is 60 kB, so
// 8 MB leaves room for any report while keeping a mistake (a video
// dropped into content/) from eating the machine's memory.
const MaxFile = 8 << 20

// FS is a source directory on disk.
type FS struct {
	Dir   string // on disk
	Name  string // for messages, e.g. "content"
	Limit int64  // largest file; MaxFile when zero
}

// New returns the source directory dir, named name in messages.
func New(dir, name string) FS { return FS{Dir: dir, Name: name} }

// Refused is the error for a source file that is not read.
type Refused struct {
	Dir    string // the directory's name for messages (FS.Name)
	Path   string // name inside the directory
	Reason string
}

func (e *Refused) Error() string { return e.Path + " " + e.Reason + "; refused" }

// Diag is the refusal as "dir/path: reason", for callers that pass the
// error on without naming the file.
func (e *Refused) Diag() *diag.Error {
	return &diag.Error{Path: path.Join(e.Dir, e.Path), Msg: e.Reason + "; refused"}
}

// Open opens name: a regular file within the limit or a directory.
func (f FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	r, err := os.OpenRoot(f.Dir)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	file, err := r.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, f.openError(name, err)
	}
	fi, err := file.Stat()
	if err == nil {
		err = f.check(name, fi)
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// openError says why name could not be opened; a symlink that leaves the
// directory is the usual reason beyond a missing file.
func (f FS) openError(name string, err error) error {
	fi, lerr := os.Lstat(filepath.Join(f.Dir, filepath.FromSlash(name)))
	link := lerr == nil && fi.Mode()&fs.ModeSymlink != 0
	switch {
	case link && errors.Is(err, fs.ErrNotExist):
		return &Refused{Dir: f.Name, Path: name, Reason: "is a symlink to nothing"}
	case link:
		return &Refused{Dir: f.Name, Path: name, Reason: "is a symlink that leads out of " + f.Name}
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission):
		return err
	}
	return &Refused{Dir: f.Name, Path: name, Reason: fmt.Sprintf("is outside %s (%v)", f.Name, err)}
}

func (f FS) check(name string, fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return nil
	case !m.IsRegular():
		return &Refused{Dir: f.Name, Path: name, Reason: "is " + Kind(m) + ", not a file, so it is not read"}
	case fi.Size() > f.limit():
		return &Refused{Dir: f.Name, Path: name, Reason: fmt.Sprintf("is %.1f MB, over the %d MB limit for a source file", float64(fi.Size())/(1<<20), f.limit()>>20)}
	}
	return nil
}

func (f FS) limit() int64 {
	if f.Limit > 0 {
		return f.Limit
	}
	return MaxFile
}

// ReadFile reads name, at most the limit even if it grows meanwhile.
func (f FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, f.limit()+1))
	if err == nil && int64(len(b)) > f.limit() {
		return nil, &Refused{Dir: f.Name, Path: name, Reason: fmt.Sprintf("is over the %d MB limit for a source file", f.limit()>>20)}
	}
	return b, err
}

// ReadDir lists the directory name, which must itself be within.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	d, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	ents, err := d.ReadDir(-1)
	sortEntries(ents)
	return ents, err
}

// Stat describes name as Open would find it.
func (f FS) Stat(name string) (fs.FileInfo, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return file.Stat()
}

// Kind names the kind of file m describes, for messages: "a file", "a
// named pipe (FIFO)", "a device", … (publish names an output path with it).
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a " + m.Type().String() + " entry"
}
