package search

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edition/generator/internal/script"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const overridesPath = "../script/testdata/overrides.tsv" // a report's table, as a fixture

func converter(t testing.TB) *script.Converter {
	t.Helper()
	data, err := os.ReadFile(overridesPath)
	if err != nil {
		t.Fatal(err)
	}
	o, err := script.LoadOverrides(overridesPath, data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := script.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// parseDocs reads url<TAB>cite<TAB>kind<TAB>text lines.
func parseDocs(t testing.TB, data []byte) []Doc {
	t.Helper()
	var docs []Doc
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("bad docs line %q", line)
		}
		docs = append(docs, Doc{URL: f[0], Cite: f[1], Kind: f[2], Text: f[3]})
	}
	return docs
}

func TestBuildGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	c := converter(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var docs []byte
			want := -1
			for i, f := range a.Files {
				switch f.Name {
				case "docs.tsv":
					docs = f.Data
				case "index.js":
					want = i
				}
			}
			got, err := Build(parseDocs(t, docs), Config{Fold: c.FoldRune})
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				a.Files[want].Data = got
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, a.Files[want].Data) {
				t.Errorf("index differs from %s (run with -update and review):\ngot:\n%s\nwant:\n%s", file, got, a.Files[want].Data)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  Doc
		want string
	}{
		{"bad kind", Doc{URL: "#p-1", Kind: "heading", Text: "x"}, `kind "heading"`},
		{"empty text", Doc{URL: "#p-1", Kind: "para", Text: " "}, "empty URL or text"},
		{"empty URL", Doc{Kind: "para", Text: "x"}, "empty URL or text"},
		{"invalid UTF-8", Doc{URL: "#p-1", Kind: "para", Text: "\xff"}, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build([]Doc{tt.doc}, Config{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestBuildEscapesForHTML(t *testing.T) {
	out, err := Build([]Doc{{URL: "#p-1", Kind: "para", Text: "a</script>\u2028b"}}, Config{Global: "IDX"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "</script>") || strings.Contains(s, "\u2028") || !strings.Contains(s, "window.IDX=") {
		t.Errorf("output not safe to inline or wrong global:\n%s", s)
	}
}

// TestFoldedAgreesWithFold: listing the fold table from the converter's
// Folded gives the same index as asking Fold about every CJK character,
// for the whole report in both scripts, with the repository's override
// table and with rows that add, move and remove characters.
func TestFoldedAgreesWithFold(t *testing.T) {
	data, err := os.ReadFile(overridesPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := script.LoadOverrides(overridesPath, append(data, "\n甲\t乙\n減\t減\n中\t㐀\n"...))
	if err != nil {
		t.Fatal(err)
	}
	odd, err := script.New(rows)
	if err != nil {
		t.Fatal(err)
	}
	c := converter(t)
	trad := seedDocs(t)
	simp := make([]Doc, len(trad))
	for i, d := range trad {
		d.Text = c.T2S(d.Text)
		simp[i] = d
	}
	for _, cv := range []struct {
		name string
		c    *script.Converter
	}{{"override table", c}, {"odd rows", odd}} {
		for _, ed := range []struct {
			name string
			docs []Doc
		}{{"zh-Hans", simp}, {"zh-Hant", trad}} {
			t.Run(cv.name+"/"+ed.name, func(t *testing.T) {
				slow, err := Build(ed.docs, Config{Fold: cv.c.FoldRune})
				if err != nil {
					t.Fatal(err)
				}
				fast, err := Build(ed.docs, Config{Fold: cv.c.FoldRune, Folded: cv.c.Folded()})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(slow, fast) {
					t.Errorf("index with Folded differs:\n%.300s\nwithout:\n%.300s", fast, slow)
				}
			})
		}
	}
}

// TestBuildPageTitles: each page's title is in the index once, under the
// doc URL before its fragment, for results to name their section.
func TestBuildPageTitles(t *testing.T) {
	js, err := Build([]Doc{
		{URL: "part-2-1/index.html#p2-1-1", Cite: "二（一）¶1", Kind: "para", Text: "改造提升能源產業。", Title: "（一）以能源革命綜合改革為牽引"},
		{URL: "part-2-1/index.html#p2-1-2", Cite: "二（一）¶2", Kind: "para", Text: "推動產業鏈發展。", Title: "（一）以能源革命綜合改革為牽引"},
		{URL: "notes/index.html#n1", Cite: "注釋1", Kind: "note", Text: "兩個確立", Title: ""},
	}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(js)
	if want := `"pages":{"part-2-1/index.html":"（一）以能源革命綜合改革為牽引"}`; !strings.Contains(s, want) {
		t.Errorf("index has no %s:\n%s", want, s)
	}
	if n := strings.Count(s, "以能源革命"); n != 1 {
		t.Errorf("the title is in the index %d times, want once", n)
	}
}
