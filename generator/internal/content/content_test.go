package content

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/internal/markup"
	"edition/generator/internal/report"
)

// fixtures reads the synthetic reports of generator/testdata/reports;
// generator/edition_test.go runs the same checks on the seed.
func fixtures(t *testing.T) map[string]*report.Result {
	t.Helper()
	names, _ := filepath.Glob("../../testdata/reports/*.txt")
	if len(names) == 0 {
		t.Fatal("no reports in generator/testdata/reports")
	}
	out := map[string]*report.Result{}
	for _, n := range names {
		res, err := report.ReadFiles(n, "")
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(n)] = res
	}
	return out
}

// TestBodyIsWhatImportWrites: Body, which other passes use to address
// paragraphs, gives the IDs and texts the generated pages carry, in order.
func TestBodyIsWhatImportWrites(t *testing.T) {
	for name, res := range fixtures(t) {
		t.Run(name, func(t *testing.T) { bodyIsWhatImportWrites(t, res) })
	}
}

func bodyIsWhatImportWrites(t *testing.T, res *report.Result) {
	files, err := Generate(res, GenerateConfig{SeedName: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".md") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	md := goldmark.New(goldmark.WithExtensions(markup.New(markup.Config{})))
	var got []Para
	for _, n := range names {
		p, err := ParsePage(n, files[n])
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p.Meta.Slug, "annex-") {
			continue // an annex is printed after the report, not its body
		}
		pc := markup.NewContext(p.Meta.Cite)
		md.Parser().Parse(text.NewReader(p.Source), parser.WithContext(pc))
		if errs := markup.Errors(pc); len(errs) > 0 {
			t.Fatalf("%s: %v", n, errs)
		}
		for _, para := range markup.Paras(pc) {
			if !para.Heading {
				got = append(got, Para{ID: para.ID, Text: para.Text})
			}
		}
	}
	want := Body(res.Report)
	if len(got) != len(want) {
		t.Fatalf("pages hold %d paragraphs, Body lists %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: pages have %s %.20q…, Body %s %.20q…", i, got[i].ID, got[i].Text, want[i].ID, want[i].Text)
		}
	}
}

// TestEscapeMD: text with Markdown's punctuation reads back exactly.
func TestEscapeMD(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(markup.New(markup.Config{})))
	for _, s := range []string{
		"1. 不是列表", "# 不是標題", "- 不是列表", "+ 不是列表", "> 不是引文", "=== 不是標題",
		"“鏈主+鏈核+專精特新”", "a*b*c、_x_、`code`、[鏈接](x)、<b>、&amp;、\\反斜線", "{#p1} 不是ID", "| 表 |",
	} {
		src := escapeMD(s) + " {#p1-1}\n"
		pc := markup.NewContext("一")
		md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		ps := markup.Paras(pc)
		if len(ps) != 1 || ps[0].Text != s {
			t.Errorf("%q written as %q reads back as %+v", s, src, ps)
		}
	}
}

func TestParsePageErrors(t *testing.T) {
	t.Parallel()
	page := func(fm string) string { return "---\n" + fm + "---\n# 標題 {#h}\n" }
	cases := []struct{ name, src, want string }{
		{"no front matter", "# 標題\n", "p.md:1: missing front matter"},
		{"not closed", "---\ntitle: x\n", "p.md:1: front matter is not closed"},
		{"bad YAML", page("title: a: b\n"), "p.md:2: invalid YAML"},
		{"unterminated quote", page("title: x\nkind: part\nslug: a\norder: 1\ncite: \"一（三）\nparent: a\n"), "p.md:6: invalid YAML"},
		{"unclosed bracket", page("title: x\nkind: [part\nslug: a\norder: 1\n"), "p.md:3: invalid YAML"},
		{"quote spanning lines is fine, the error after it is named", page("title: \"x\n  y\"\nkind: part\nslug: a\norder: 1: 2\n"), "p.md:6: invalid YAML"},
		{"unknown key", page("title: x\nkind: part\nslug: a\ncolour: red\n"), "p.md:5: unknown key \"colour\""},
		{"wrong type", page("title: x\nkind: part\nslug: a\norder: first\n"), "p.md:5: order: cannot unmarshal"},
		{"repeated key", page("title: x\ntitle: y\nkind: part\nslug: a\n"), "p.md:3: key \"title\" repeats line 2"},
		{"bad kind", page("title: x\nkind: chapter\nslug: a\n"), "p.md:3: kind \"chapter\""},
		{"empty title", page("title: \"\"\nkind: part\nslug: a\n"), "p.md:2: title is empty"},
		{"bad slug", page("title: x\nkind: part\nslug: 第一部分\n"), "p.md:4: slug \"第一部分\""},
		{"home with slug", page("title: x\nkind: home\nslug: home\n"), "p.md:4: the home page has no slug"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePage("p.md", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

func TestParseNotesErrors(t *testing.T) {
	note := func(n int, anchors string) string {
		return "  - number: " + string(rune('0'+n)) + "\n    term: 詞\n    text:\n      - 解釋。\n    anchors:" + anchors + "\n"
	}
	ok := "\n      - text: 詞\n        count: 1"
	cases := []struct{ name, src, want string }{
		{"repeated number", "heading: 注釋\nnotes:\n" + note(1, ok) + note(1, ok), "n.yaml:10: note number 1 repeats line 3"},
		{"missing number", "heading: 注釋\nnotes:\n" + note(1, ok) + note(3, ok), "note number 2 is missing"},
		{"count zero", "heading: 注釋\nnotes:\n" + note(1, "\n      - text: 詞\n        count: 0"), "n.yaml:8: note 1: anchor \"詞\": count must be 1 or more"},
		{"empty anchor", "heading: 注釋\nnotes:\n" + note(1, "\n      - text: \"\"\n        count: 1"), "n.yaml:8: note 1: anchor text is empty"},
		{"unknown key", "heading: 注釋\nnotes:\n  - number: 1\n    term: 詞\n    txt: [a]\n", "n.yaml:5: unknown key \"txt\""},
		{"no text", "heading: 注釋\nnotes:\n  - number: 1\n    term: 詞\n", "n.yaml:3: note 1 has no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseNotes("n.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestNotesRoundTrip: what import writes, ParseNotes reads back whole.
func TestNotesRoundTrip(t *testing.T) {
	for name, res := range fixtures(t) {
		if len(res.Report.Notes) > 0 {
			t.Run(name, func(t *testing.T) { notesRoundTrip(t, res) })
		}
	}
}

func notesRoundTrip(t *testing.T, res *report.Result) {
	ns := &Notes{Heading: res.Report.NotesHeading.Text}
	for _, n := range res.Report.Notes {
		ns.Notes = append(ns.Notes, Note{Number: n.Num, Marker: n.Marker, Sep: n.Sep, Term: n.Term, Text: n.Text, Anchors: []Anchor{{Text: "x", Count: 1}}})
	}
	back, err := ParseNotes("notes.yaml", ns.Format("comment"))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Notes) != len(res.Report.Notes) || back.Heading != res.Report.NotesHeading.Text {
		t.Fatalf("read back %d notes, heading %q", len(back.Notes), back.Heading)
	}
	for i, n := range back.Notes {
		want := res.Report.Notes[i].Lines()
		if got := n.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("note %d reads back as %q, want %q", n.Number, got, want)
		}
	}
}

func TestBaseURL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, in, want, err string }{
		{"with slash", "https://example.org/report/", "https://example.org/report/", ""},
		{"without slash gets one", "https://example.org/report", "https://example.org/report/", ""},
		{"host only", "https://example.org", "https://example.org/", ""},
		{"no scheme", "example.org/report", "", "must be an absolute http:// or https:// URL"},
		{"query", "https://example.org/?a=1", "", "must not have a query or fragment"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := BaseURL(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("BaseURL(%q) = %q, %v; want error %q", c.in, got, err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("BaseURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
	s, err := ParseSettings("site.yaml", []byte("base_url: https://example.org/report\n"))
	if err != nil || s.BaseURL != "https://example.org/report/" {
		t.Errorf("site.yaml base_url without a slash: %q, %v; want it with one", s.BaseURL, err)
	}
}
