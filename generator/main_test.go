package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"edition/generator/internal/publish"
	"edition/generator/internal/site"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// The tests run in generator/; the repository root is one up.
const root = ".."

func repo(p string) string { return filepath.Join(root, p) }

// runCmd runs the command line as a user would and returns its exit code
// and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPublicIsBuiltFromSources: the committed public/ is exactly what
// build makes of the committed sources.
func TestPublicIsBuiltFromSources(t *testing.T) {
	t.Parallel()
	out, err := site.Render(site.DirSources(repo("content"), repo("templates"), repo("static")))
	if err != nil {
		t.Fatal(err)
	}
	have := readTree(t, repo("public"))
	for _, n := range out.Names() {
		if b, ok := have[n]; !ok {
			t.Errorf("public/%s is missing: run go run ./generator build", n)
		} else if !bytes.Equal(b, out[n]) {
			t.Errorf("public/%s is stale: run go run ./generator build", n)
		}
	}
	for n := range have {
		if _, ok := out[n]; !ok && n != publish.Marker {
			t.Errorf("public/%s is not built from the sources any more: run go run ./generator build", n)
		}
	}
}

// TestBuildIsDeterministic: the same sources give byte-identical output.
func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	src := site.DirSources(repo("content"), repo("templates"), repo("static"))
	a, err := site.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := site.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for n := range a {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
}

// TestCheckSeed: the built edition holds the report, every line once, in
// order, with the 17 recorded repairs.
func TestCheckSeed(t *testing.T) {
	t.Parallel()
	code, out, errs := runCmd(t, "check", "-seed", repo("seeds/000_cdd563ffef68d5a8.txt"), "-content", repo("content"), "-out", repo("public"))
	if code != 0 {
		t.Fatalf("check failed (%d):\n%s%s", code, out, errs)
	}
	want := "check: 111 report lines compared; 0 unexplained differences; 17 repairs, 1 restored lines, 20 conversion errors (Traditional) and 689 punctuation marks"
	if !strings.Contains(out, want) {
		t.Errorf("check said %q, want it to contain %q", out, want)
	}
}

// tempProject copies the repository's content, templates and static into a
// temporary project so a test can break it.
func tempProject(t testing.TB) string {
	t.Helper()
	return copyDirs(t, root, "content", "templates", "static", "seeds")
}

// copyProject copies a temporary project, its built public/ included.
func copyProject(t testing.TB, from string) string {
	t.Helper()
	return copyDirs(t, from, "content", "templates", "static", "seeds", "public")
}

func copyDirs(t testing.TB, from string, dirs ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range dirs {
		for n, b := range readTree(t, filepath.Join(from, d)) {
			p := filepath.Join(dir, d, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func flags(dir string) []string {
	return []string{"-seed", filepath.Join(dir, "seeds/000_cdd563ffef68d5a8.txt"), "-content", filepath.Join(dir, "content"),
		"-templates", filepath.Join(dir, "templates"), "-static", filepath.Join(dir, "static"), "-out", filepath.Join(dir, "public")}
}

func edit(t *testing.T, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", p, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadInput: each broken input gives path:line and a non-zero exit, and
// leaves public/ and content/ as they were.
func TestBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		cmd    string
		break_ func(t *testing.T, dir string)
		want   string // in stderr; DIR stands for the project
	}{
		{"missing seed", "import", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "seeds/000_cdd563ffef68d5a8.txt")) },
			"DIR/seeds/000_cdd563ffef68d5a8.txt: cannot read the seed: no such file or directory"},
		{"unreadable seed", "import", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "seeds/000_cdd563ffef68d5a8.txt")
			os.Remove(p)
			os.Mkdir(p, 0o755)
		}, "DIR/seeds/000_cdd563ffef68d5a8.txt: cannot read the seed"},
		{"empty seed", "import", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "seeds/000_cdd563ffef68d5a8.txt"), nil, 0o644)
		}, "DIR/seeds/000_cdd563ffef68d5a8.txt:1: the seed is empty"},
		{"seed with no structure", "import", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/corrections.tsv"))
			os.WriteFile(filepath.Join(dir, "seeds/000_cdd563ffef68d5a8.txt"), []byte("今天天氣很好。\n我們去公園。\n"), 0o644)
		}, "DIR/seeds/000_cdd563ffef68d5a8.txt:1: no recognisable structure"},
		{"damaged span no longer found", "import", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/corrections.tsv"), "?v\t", "?x\t")
		}, "DIR/seeds/000_cdd563ffef68d5a8.txt:38: recorded damaged text \"?x\" (DIR/content/corrections.tsv:14) is no longer found"},
		{"broken front matter", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "cite: 二（三）\n", "cite: 二: （三）\n")
		}, "DIR/content/05-part-2-3.md:3: invalid YAML: mapping values are not allowed in this context"},
		{"front matter not closed", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "parent: part-2\n---\n", "parent: part-2\n")
		}, "DIR/content/05-part-2-3.md:1: front matter is not closed"},
		{"unknown front matter key", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "kind: section\n", "kind: section\ntitel: x\n")
		}, "DIR/content/05-part-2-3.md:7: unknown key \"titel\""},
		{"duplicate slug", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "slug: part-2-3\n", "slug: part-2-2\n")
		}, "content/05-part-2-3.md:1: duplicate slug \"part-2-2\""},
		{"duplicate ID", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "{#p2-3-2}", "{#p2-3-1}")
		}, "DIR/content/05-part-2-3.md:13: duplicate ID \"p2-3-1\" (also DIR/content/05-part-2-3.md:11)"},
		{"paragraph without ID", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), " {#p2-3-2}", "")
		}, "DIR/content/05-part-2-3.md:13: paragraph has no ID"},
		{"unknown template", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content/05-part-2-3.md"), "kind: section\n", "kind: section\ntemplate: wide\n")
		}, "DIR/content/05-part-2-3.md:1: unknown template \"wide\""},
		{"template execution error", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "templates/page.html"), "<article class=\"report\">", "<article class=\"report\" data-x=\"{{.NoSuchField}}\">")
		}, "DIR/templates/page.html:3:34: executing \"main\" at <.NoSuchField>: can't evaluate field NoSuchField"},
		{"template syntax error", "build", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "templates/404.html"), "{{.Root}}", "{{.Root")
		}, "DIR/templates/404.html:4: bad character U+0022"},
	}
	// One good build, copied into each case's project: a build per case
	// would be most of the test's time.
	base := tempProject(t)
	if code, out, errs := runCmd(t, append([]string{"build"}, flags(base)...)...); code != 0 {
		t.Fatalf("first build failed: %s%s", out, errs)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := copyProject(t, base)
			fl := flags(dir)
			before := readTree(t, filepath.Join(dir, "public"))
			contentBefore := readTree(t, filepath.Join(dir, "content"))
			c.break_(t, dir)
			code, _, errs := runCmd(t, append([]string{c.cmd}, fl...)...)
			if code == 0 {
				t.Fatalf("%s succeeded on bad input", c.cmd)
			}
			want := strings.ReplaceAll(c.want, "DIR", dir)
			if !strings.Contains(errs, want) {
				t.Errorf("stderr:\n%s\nwant it to contain:\n%s", errs, want)
			}
			after := readTree(t, filepath.Join(dir, "public"))
			if len(after) != len(before) {
				t.Errorf("public/ changed: %d files, was %d", len(after), len(before))
			}
			for n, b := range before {
				if !bytes.Equal(after[n], b) {
					t.Errorf("public/%s changed", n)
				}
			}
			if c.cmd == "import" {
				contentAfter := readTree(t, filepath.Join(dir, "content"))
				for n, b := range contentAfter {
					if cb, ok := contentBefore[n]; ok && !bytes.Equal(b, cb) && n != "corrections.tsv" {
						t.Errorf("content/%s changed by a failed import", n)
					}
				}
			}
			if ents, _ := filepath.Glob(filepath.Join(dir, ".public-new-*")); len(ents) > 0 {
				t.Errorf("temporary directories left: %v", ents)
			}
		})
	}
}

// TestImportTwiceAndForce: import over the committed content writes
// nothing (it is what import writes now, or editors' changes import has
// nothing new for), a second import changes nothing, and an editor's
// change is kept unless -force.
func TestImportTwiceAndForce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for n, b := range readTree(t, repo("content")) {
		p := filepath.Join(dir, "content", filepath.FromSlash(n))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, b, 0o644)
	}
	args := []string{"import", "-seed", repo("seeds/000_cdd563ffef68d5a8.txt"), "-content", filepath.Join(dir, "content")}
	for i := range 2 {
		before := readTree(t, filepath.Join(dir, "content"))
		code, out, errs := runCmd(t, args...)
		if code != 0 || !strings.Contains(out, "0 files written") {
			t.Fatalf("import %d over the committed content: code %d, %s%s\n(the generator now writes something else than content/.import.sum records; run go run ./generator import)", i+1, code, out, errs)
		}
		for n, b := range readTree(t, filepath.Join(dir, "content")) {
			if !bytes.Equal(b, before[n]) && n != ".import.sum" {
				t.Errorf("content/%s changed by import %d", n, i+1)
			}
		}
	}
	first := readTree(t, filepath.Join(dir, "content"))
	// An editor's change stays when import has nothing new for the file.
	page := filepath.Join(dir, "content", "05-part-2-3.md")
	edited := bytes.Replace(first["05-part-2-3.md"], []byte("title: "), []byte("title: 編者改過 "), 1)
	os.WriteFile(page, edited, 0o644)
	code, out, errs := runCmd(t, args...)
	if code != 0 || !strings.Contains(out, "0 files written") {
		t.Fatalf("import with nothing new: code %d, %s%s", code, out, errs)
	}
	if b, _ := os.ReadFile(page); !bytes.Equal(b, edited) {
		t.Fatal("the editor's change was overwritten")
	}
	// When the seed changes that page too, import refuses and says which
	// file, and writes nothing; -force replaces the editor's version.
	seed := filepath.Join(dir, "seed.txt")
	sb, _ := os.ReadFile(repo("seeds/000_cdd563ffef68d5a8.txt"))
	os.WriteFile(seed, bytes.Replace(sb, []byte("辦好人民滿意教育。"), []byte("辦好人民滿意的教育。"), 1), 0o644)
	args[2] = seed
	before := readTree(t, filepath.Join(dir, "content"))
	code, _, errs = runCmd(t, args...)
	if code == 0 || !strings.Contains(errs, page+": changed by an editor since the last import, and the seed or the generator now gives something else") {
		t.Fatalf("import over an edited file: code %d, stderr %q", code, errs)
	}
	for n, b := range readTree(t, filepath.Join(dir, "content")) {
		if !bytes.Equal(b, before[n]) {
			t.Errorf("%s changed by an import that refused", n)
		}
	}
	if code, out, errs := runCmd(t, append(args, "-force")...); code != 0 {
		t.Fatalf("import -force: %d %s%s", code, out, errs)
	}
	if b, _ := os.ReadFile(page); !bytes.Contains(b, []byte("辦好人民滿意的教育。")) || bytes.Contains(b, []byte("編者改過")) {
		t.Fatal("-force did not replace the editor's version with the new import")
	}
}

// TestOtherReports: synthetic reports of other cities build and check:
// no corrections file, no notes, Simplified script, （十一） subsections.
// The golden files hold the content import writes; review their diffs.
func TestOtherReports(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no synthetic reports in testdata/")
	}
	for _, seed := range files {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			fl := []string{"-seed", seed, "-content", filepath.Join(dir, "content"), "-out", filepath.Join(dir, "public"),
				"-templates", repo("templates"), "-static", repo("static")}
			for _, cmd := range []string{"import", "build", "check"} {
				if code, out, errs := runCmd(t, append([]string{cmd}, fl...)...); code != 0 {
					t.Fatalf("%s: %s%s", cmd, out, errs)
				}
			}
			got := readTree(t, filepath.Join(dir, "content"))
			delete(got, ".import.sum")
			golden := filepath.Join("testdata", "import", name+".txtar")
			var names []string
			for n := range got {
				names = append(names, n)
			}
			sort.Strings(names)
			ar := &txtar.Archive{Comment: []byte("content/ that import writes for ../reports/" + name + ".txt\n")}
			for _, n := range names {
				ar.Files = append(ar.Files, txtar.File{Name: n, Data: got[n]})
			}
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator -run TestOtherReports -update)", err)
			}
			if !bytes.Equal(txtar.Format(want), txtar.Format(ar)) {
				t.Errorf("import output differs from %s; run with -update and review the diff", golden)
			}
		})
	}
}
