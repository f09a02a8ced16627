package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var site1 = map[string][]byte{"index.html": []byte("<p>one"), "a/b.css": []byte("b{}"), "old.txt": []byte("gone next")}
var site2 = map[string][]byte{"index.html": []byte("<p>two"), "a/b.css": []byte("b{}"), "new/x.js": []byte("x")}

// project makes a project with sources and a built public/, and returns it.
func project(t *testing.T) (string, Config) {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "static", "seeds"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, d, "keep"), []byte(d), 0o644)
	}
	in := func(p string) string { return filepath.Join(dir, p) }
	cfg := Config{Dir: in("public"), Projects: []string{dir}, Sources: []string{in("content"), in("templates"), in("static"), in("seeds")}}
	return dir, cfg
}

func read(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return m
}

// TestRefused: every output directory build did not make is refused with
// its name, and nothing in the project changes.
func TestRefused(t *testing.T) {
	cases := []struct {
		name  string
		out   string // relative to the project; ABS for an absolute path
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"content", "content", nil, "it is the source directory"},
		{"inside templates", "templates/out", nil, "it is inside the source directory"},
		{"static", "static", nil, "it is the source directory"},
		{"seeds", "seeds", nil, "it is the source directory"},
		{"the project", ".", nil, "it holds the project"},
		{"an ancestor", "..", nil, "it holds the project"},
		{"a file", "README.md", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "README.md"), []byte("read me"), 0o644)
		}, "it is not a directory (a file)"},
		{"a device", "ABS/dev/null", nil, "it is not a directory (a device)"},
		{"a directory of something else", "docs", func(t *testing.T, dir string) {
			os.Mkdir(filepath.Join(dir, "docs"), 0o755)
			os.WriteFile(filepath.Join(dir, "docs", "notes.txt"), []byte("mine"), 0o644)
		}, "it is not empty and was not made by build (it has no .generator-output file)"},
		{"a marker that is a directory", "docs", func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, "docs", Marker), 0o755)
		}, "it has no .generator-output file"},
		{"a link to content", "pub", func(t *testing.T, dir string) {
			os.Symlink("content", filepath.Join(dir, "pub"))
		}, "it is the source directory"},
		{"a dangling link", "pub", func(t *testing.T, dir string) {
			os.Symlink("nowhere", filepath.Join(dir, "pub"))
		}, "is a symlink to a missing directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, cfg := project(t)
			if c.setup != nil {
				c.setup(t, dir)
			}
			cfg.Dir = filepath.Join(dir, c.out)
			if rest, ok := strings.CutPrefix(c.out, "ABS"); ok {
				cfg.Dir = rest
			}
			before := read(t, dir)
			_, err := Write(site1, cfg)
			var r *Refused
			if !errors.As(err, &r) {
				t.Fatalf("Write = %v, want refused", err)
			}
			if !strings.HasPrefix(err.Error(), cfg.Dir+": refusing to write the site here: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to name %s and say %q", err, cfg.Dir, c.want)
			}
			after := read(t, dir)
			if len(after) != len(before) {
				t.Errorf("the project changed: %d files, was %d", len(after), len(before))
			}
			for n, b := range before {
				if after[n] != b {
					t.Errorf("%s changed", n)
				}
			}
		})
	}
}

// TestUpdate: a second build writes what changed, keeps unchanged files
// (same inode), removes what is gone, and says so.
func TestUpdate(t *testing.T) {
	_, cfg := project(t)
	if st, err := Write(site1, cfg); err != nil || st != (Stats{Written: 3}) {
		t.Fatalf("first Write = %+v, %v", st, err)
	}
	css := filepath.Join(cfg.Dir, "a", "b.css")
	before, _ := os.Stat(css)
	st, err := Write(site2, cfg)
	if err != nil || st != (Stats{Written: 2, Kept: 1, Removed: 1}) {
		t.Fatalf("second Write = %+v, %v; want 2 written, 1 kept, 1 removed", st, err)
	}
	after, _ := os.Stat(css)
	if !os.SameFile(before, after) {
		t.Errorf("the unchanged a/b.css was rewritten")
	}
	got := read(t, cfg.Dir)
	want := map[string]string{"index.html": "<p>two", "a/b.css": "b{}", "new/x.js": "x", Marker: markerText}
	if len(got) != len(want) {
		t.Errorf("output has %v, want %v", got, want)
	}
	for n, b := range want {
		if got[n] != b {
			t.Errorf("%s = %q, want %q", n, got[n], b)
		}
	}
}

// TestSymlinkedOutput: a linked output directory is updated through the
// link, which stays a link.
func TestSymlinkedOutput(t *testing.T) {
	dir, cfg := project(t)
	real := filepath.Join(dir, "www")
	os.Mkdir(real, 0o755)
	if err := os.Symlink("www", cfg.Dir); err != nil {
		t.Fatal(err)
	}
	for _, s := range []map[string][]byte{site1, site2} {
		if _, err := Write(s, cfg); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Lstat(cfg.Dir); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer a symlink: %v %v", fi, err)
	}
	if b, _ := os.ReadFile(filepath.Join(real, "index.html")); string(b) != "<p>two" {
		t.Errorf("the link's target has index.html %q, want the second build", b)
	}
}

// TestAbandonedTemp: the next build removes temporary directories left by
// a killed build, and none of its own.
func TestAbandonedTemp(t *testing.T) {
	dir, cfg := project(t)
	left := filepath.Join(dir, ".public-new-123")
	os.MkdirAll(filepath.Join(left, "a"), 0o755)
	os.WriteFile(filepath.Join(left, "a", "x"), []byte("half a site"), 0o644)
	if _, err := Write(site1, cfg); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".public-new-*")); len(m) > 0 {
		t.Errorf("left behind: %v", m)
	}
}

// TestLockedTempKept: a temporary directory another build holds is left alone.
func TestLockedTempKept(t *testing.T) {
	dir, cfg := project(t)
	busy, unlock, err := makeTemp(dir, ".public-new-")
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := Write(site1, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("a running build's directory was removed: %v", err)
	}
}
