package content

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"testing/fstest"
)

// editionFS is the site package's fixture content directory, in memory.
func editionFS(t *testing.T) fstest.MapFS {
	t.Helper()
	dir := "../site/testdata/edition"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, e := range entries {
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

func contentJSON(t *testing.T, c *Content) []byte {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLoaderParsesOnlyChangedFiles: a Loader gives what Load gives, and
// on a second load shares what it parsed from unchanged files and parses
// the edited one again; a load that fails keeps nothing wrong.
func TestLoaderParsesOnlyChangedFiles(t *testing.T) {
	fsys := editionFS(t)
	var l Loader
	first, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(contentJSON(t, first), contentJSON(t, want)) {
		t.Fatal("a Loader's first load differs from Load")
	}
	fsys["02-part-2.md"].Data = bytes.Replace(fsys["02-part-2.md"].Data, []byte("办好人民满意的教育"), []byte("办好人民更加满意的教育"), 1)
	second, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if second.Notes != first.Notes || second.Figures != first.Figures || second.Pages[0] != first.Pages[0] {
		t.Error("unchanged files were parsed again")
	}
	if second.Pages[2] == first.Pages[2] || !bytes.Contains(second.Pages[2].Source, []byte("更加满意")) {
		t.Errorf("the edited page %s was not parsed again", second.Pages[2].Path)
	}
	want, err = Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(contentJSON(t, second), contentJSON(t, want)) {
		t.Error("after an edit, a Loader's load differs from Load")
	}
	good := fsys["notes.yaml"].Data
	fsys["notes.yaml"].Data = []byte("notes: [")
	if _, err := l.Load(fsys, "content"); err == nil {
		t.Fatal("broken notes.yaml loaded")
	}
	fsys["notes.yaml"].Data = good
	third, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if third.Notes != first.Notes {
		t.Error("after a failed load, the notes that came back were parsed again")
	}
}
