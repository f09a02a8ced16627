package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"edition/generator/internal/buildcache"
)

// TestDiskCacheSameOutput: a build that fills the disk cache, a build in
// a new Builder that reads it, and a build whose cache entries were all
// damaged give the same bytes as a build without a cache.
func TestDiskCacheSameOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("four whole-edition builds")
	}
	src := DirSources("../../../content", "../../../templates", "../../../static")
	want, err := Render(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	c, err := buildcache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	build := func(name string) {
		t.Helper()
		bl := Builder{Cache: c}
		got, err := bl.Render(src)
		if err != nil {
			t.Fatal(err)
		}
		sameOutput(t, name, got, want)
	}
	build("filling the cache")
	if n := countFiles(t, dir); n == 0 {
		t.Fatal("the build stored nothing in the cache")
	}
	build("reading the cache")
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b[len(b)-1] ^= 0xff
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	build("with damaged entries")
}

func sameOutput(t *testing.T, name string, got, want Output) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", name, len(got), len(want))
	}
	for n, b := range want {
		if !bytes.Equal(got[n], b) {
			t.Errorf("%s: %s differs from the build without a cache", name, n)
		}
	}
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
