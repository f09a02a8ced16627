//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestModes: files are 0644 and directories 0755 under any umask.
func TestModes(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	_, cfg := project(t)
	if _, err := Write(site1, cfg); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(cfg.Dir, func(p string, d os.DirEntry, err error) error {
		fi, _ := d.Info()
		want := FileMode
		if d.IsDir() {
			want = DirMode
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s is %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
}
