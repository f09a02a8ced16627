//go:build unix

package srcfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// TestRefused: what must not be read is refused with its name and why,
// and a FIFO is never opened for a blocking read.
func TestRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, []byte("secret"), 0o644)
	cases := []struct {
		name string
		make func(dir string) error
		open string
		want string
	}{
		{"symlink out", func(d string) error { return os.Symlink(outside, filepath.Join(d, "x.md")) }, "x.md", "x.md is a symlink that leads out of content"},
		{"relative symlink up", func(d string) error { return os.Symlink("../secret", filepath.Join(d, "x.md")) }, "x.md", "x.md is a symlink that leads out of content"},
		{"directory symlink out", func(d string) error { return os.Symlink(filepath.Dir(outside), filepath.Join(d, "sub")) }, "sub/secret", "is outside content"},
		{"broken symlink", func(d string) error { return os.Symlink("missing.md", filepath.Join(d, "x.md")) }, "x.md", "x.md is a symlink to nothing"},
		{"fifo", func(d string) error { return syscall.Mkfifo(filepath.Join(d, "x.md"), 0o644) }, "x.md", "x.md is a named pipe (FIFO), not a file"},
		{"too big", func(d string) error { return os.WriteFile(filepath.Join(d, "x.md"), make([]byte, 101), 0o644) }, "x.md", "x.md is 0.0 MB, over the 0 MB limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.make(dir); err != nil {
				t.Fatal(err)
			}
			f := FS{Dir: dir, Name: "content", Limit: 100}
			_, err := f.ReadFile(c.open)
			var r *Refused
			if !errors.As(err, &r) || !strings.Contains(err.Error(), c.want) || !strings.HasSuffix(err.Error(), "; refused") {
				t.Errorf("ReadFile(%s) = %v, want refused: %q", c.open, err, c.want)
			}
		})
	}
}

// TestReadsWithin: files and symlinks inside the directory read as usual.
func TestReadsWithin(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "css"), 0o755)
	os.WriteFile(filepath.Join(dir, "css", "a.css"), []byte("a{}"), 0o644)
	os.Symlink("css/a.css", filepath.Join(dir, "b.css"))
	if err := fstest.TestFS(New(dir, "static"), "css/a.css", "b.css"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(dir, "static").ReadFile("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}
