package site

import (
	"bytes"
	"crypto/sha256"
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
	src := DirSources("testdata/edition", "../../../templates", "../../../static")
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

// TestDiskCacheAfterEdit: the build command (a new Builder with Once, as
// every process) after a one-paragraph edit takes every other template
// output from the disk cache's render memo, and gives the bytes of a
// build without a cache.
func TestDiskCacheAfterEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("three whole-edition builds")
	}
	src := fixtureSources(t)
	c, err := buildcache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	imgs := &memCache{}
	if _, err := (&Builder{Cache: c, Once: true, Images: imgs}).Render(src); err != nil {
		t.Fatal(err)
	}
	editFile(t, src.Content, "02-part-2.md", "办好人民满意的教育", "办好人民更加满意的教育")
	bl := Builder{Cache: c, Once: true, Images: imgs}
	got, err := bl.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := (&Builder{Images: imgs}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	sameOutput(t, "after an edit", got, want)
	if n := len(bl.renders.executed); n != 6 {
		t.Errorf("%d templates executed after a one-paragraph edit, want 6 (its page, its embed page and 全文, in each script): %v", n, bl.renders.executed)
	}
}

// TestDiskCacheFigures: the build command takes the figures page's data
// and downloads from the disk cache while what they read is unchanged,
// and makes them again when a figure's measure changes, giving the bytes
// of a build without a cache each time.
func TestDiskCacheFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("five whole-edition builds")
	}
	src := fixtureSources(t)
	c, err := buildcache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	imgs := &memCache{}
	build := func(name string) {
		t.Helper()
		got, err := (&Builder{Cache: c, Once: true, Images: imgs}).Render(src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := (&Builder{Once: true, Images: imgs}).Render(src)
		if err != nil {
			t.Fatal(err)
		}
		sameOutput(t, name, got, want)
	}
	build("filling the cache")
	if n := memoSize(t, c, figureMemo); n != 2 {
		t.Fatalf("%d figures pages in the cache, want one per script", n)
	}
	build("reading the cache")
	editFile(t, src.Content, "figures.tsv", "\t地区生产总值\t5.2\t", "\t全市地区生产总值\t5.2\t")
	build("after a figure's measure changed")
	if n := memoSize(t, c, figureMemo); n != 2 {
		t.Errorf("%d figures pages in the cache after an edit, want the 2 this build used", n)
	}
}

// memoSize is how many results stage's memo holds in cache c.
func memoSize(t *testing.T, c *buildcache.Cache, stage string) int {
	t.Helper()
	bl := Builder{Cache: c, exe: buildcache.ExecutableID()}
	e, ok := c.Open(bl.memoKey(stage))
	if !ok {
		return 0
	}
	defer e.Close()
	m := map[[sha256.Size]byte]memoValue{}
	decodeMemo(e, m)
	return len(m)
}
