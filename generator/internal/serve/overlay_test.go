package serve

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"edition/generator/internal/diag"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/overlay/*.txtar with the current output")

// TestOverlayGolden renders build errors against source files. Each archive
// holds the sources (src/…), the errors (one "path|line|col|msg" per line in
// "errors"; a line without "|" is a plain error), and the expected terminal
// text and overlay sections.
func TestOverlayGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/overlay/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			write(t, dir, "outside.txt", "secret\n")
			root := filepath.Join(dir, "root")
			must(t, os.Mkdir(root, 0o755))
			var errs diag.List
			var plain error
			for _, f := range a.Files {
				if rel, ok := strings.CutPrefix(f.Name, "src/"); ok {
					write(t, root, rel, string(f.Data))
				}
				if f.Name == "errors" {
					errs, plain = parseErrors(t, string(f.Data))
				}
			}
			r, err := os.OpenRoot(root)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			o := &overlay{root: r}
			var got *failure
			if plain != nil {
				got = o.render(plain)
			} else {
				got = o.render(errs)
			}
			sections := got.html[strings.Index(got.html, `<section`):]
			sections = strings.ReplaceAll(sections, "</section>", "</section>\n")
			compare(t, file, a, map[string]string{"text": got.text, "html": sections + "\n"})
		})
	}
}

func parseErrors(t *testing.T, s string) (diag.List, error) {
	var l diag.List
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		f := strings.SplitN(line, "|", 4)
		if len(f) != 4 {
			return nil, errors.New(line)
		}
		n, _ := strconv.Atoi(f[1])
		c, _ := strconv.Atoi(f[2])
		l = append(l, &diag.Error{Path: f[0], Line: n, Col: c, Msg: f[3]})
	}
	return l, nil
}

func compare(t *testing.T, file string, a *txtar.Archive, got map[string]string) {
	t.Helper()
	changed := false
	for name, g := range got {
		i := -1
		for j, f := range a.Files {
			if f.Name == name {
				i = j
			}
		}
		if i >= 0 && string(a.Files[i].Data) == g {
			continue
		}
		if !*update {
			t.Errorf("%s differs (run with -update and review the diff); got:\n%s", name, g)
			continue
		}
		changed = true
		if i < 0 {
			a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(g)})
		} else {
			a.Files[i].Data = []byte(g)
		}
	}
	if changed {
		must(t, os.WriteFile(file, txtar.Format(a), 0o644))
	}
}
