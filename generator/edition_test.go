package main

// Assertions about this repository's own edition (the 朔州 report, its
// content/ and its figures) live here, in one place; the library packages
// test small fixtures.

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/internal/content"
	"edition/generator/internal/figures"
	"edition/generator/internal/report"
	"edition/generator/internal/site"
)

const datasetPath = "content/figures.tsv"

// realDataset is the committed dataset and the report's paragraph texts by
// ID, as import gives them.
func realDataset(t *testing.T) (*figures.Dataset, map[string]string) {
	t.Helper()
	res, err := report.ReadFiles(repo("seeds/000_cdd563ffef68d5a8.txt"), repo("content/corrections.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, p := range content.Body(res.Report) {
		text[p.ID] = p.Text
	}
	data, err := os.ReadFile(repo(datasetPath))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := figures.Parse(datasetPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return ds, text
}

// Every figure in the committed dataset, read back from its paragraph, is
// the number the text prints: text and chart cannot drift.
func TestEveryFigureMatchesItsParagraph(t *testing.T) {
	t.Parallel()
	ds, text := realDataset(t)
	for _, f := range ds.Figures {
		p, ok := text[f.Para]
		if !ok {
			t.Errorf("%s:%d: %s: no paragraph %s", datasetPath, f.Line, f.ID, f.Para)
			continue
		}
		i := strings.Index(p, f.Phrase)
		if i < 0 {
			t.Errorf("%s:%d: %s: phrase %q not in %s", datasetPath, f.Line, f.ID, f.Phrase, f.Para)
			continue
		}
		// Parse the number back out of the paragraph at the phrase.
		var last figures.Token
		for _, tok := range figures.Tokens(p) {
			if tok.Start >= i && tok.End <= i+len(f.Phrase) {
				last = tok
			}
		}
		if last.Value != f.Value || last.Unit != f.Unit {
			t.Errorf("%s:%d: %s: paragraph %s says %s%s, dataset says %s%s", datasetPath, f.Line, f.ID, f.Para, last.Value, last.Unit, f.Value, f.Unit)
		}
	}
	if errs := figures.Validate(ds, func(id string) (string, bool) { s, ok := text[id]; return s, ok }); len(errs) > 0 {
		t.Error(errs)
	}
}

// Spot checks of the curated figures against the text, read by a person.
func TestKeyFigures(t *testing.T) {
	t.Parallel()
	ds, _ := realDataset(t)
	for _, c := range []struct{ id, para, label, typ, kind string }{
		{"coal-2023", "p1-2", "2.33億噸", figures.TypeLevel, figures.KindOutturn},
		{"coal-growth-2023", "p1-2", "7.2%", figures.TypeGrowth, figures.KindOutturn},
		{"power-export-2023", "p1-2", "558.7億千瓦時", figures.TypeLevel, figures.KindOutturn},
		{"gdp-2024", "p2-3", "5%以上", figures.TypeGrowth, figures.KindTarget},
		{"investment-2024", "p2-3", "10.5%以上", figures.TypeGrowth, figures.KindTarget},
		{"coal-2024", "p2-2-1", "2億噸左右", figures.TypeLevel, figures.KindTarget},
		{"capacity-2024", "p2-1-1", "突破2000萬千瓦", figures.TypeLevel, figures.KindTarget},
		{"rural-income-growth-2023", "p1-6", "8.7%", figures.TypeGrowth, figures.KindOutturn},
		{"grain-2024", "p2-5-3", "25.92億斤以上", figures.TypeLevel, figures.KindTarget},
		{"industry-project-investment-2024", "p2-2-2", "473.37億元", figures.TypeLevel, figures.KindTarget},
	} {
		f, ok := ds.Lookup(c.id)
		if !ok {
			t.Errorf("%s: missing", c.id)
			continue
		}
		if f.Para != c.para || f.Label() != c.label || f.Type != c.typ || f.Kind != c.kind {
			t.Errorf("%s: got %s %s %s %s, want %s %s %s %s", c.id, f.Para, f.Label(), f.Type, f.Kind, c.para, c.label, c.typ, c.kind)
		}
	}
}

// Every figure import extracts from the report is in the committed
// dataset, at its paragraph and phrase (editors give figures ids, measures
// and notes, and may add or drop rows with care; this catches an extractor
// change or a text change that would make a fresh import differ).
func TestDatasetHoldsEveryExtractedFigure(t *testing.T) {
	t.Parallel()
	ds, text := realDataset(t)
	have := map[string]bool{}
	for _, f := range ds.Figures {
		have[f.Para+"\x00"+f.Phrase] = true
	}
	var paras []figures.Para
	for id, s := range text {
		paras = append(paras, figures.Para{ID: id, Text: s})
	}
	for _, f := range figures.Extract(paras) {
		if !have[f.Para+"\x00"+f.Phrase] {
			t.Errorf("%s: extracted figure %q (%s) is not in %s", f.Para, f.Phrase, f.ID, datasetPath)
		}
	}
}

// A chart labels the paragraphs it cites with the label the paragraph's
// page gives it (markup counts paragraphs; the ID is only a name): with a
// paragraph inserted before 一¶3 of part 1, the chart on 二（三） that
// cites p1-4 says 一¶5, as part 1 itself does, in both scripts.
func TestChartsCiteThePagesLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole-edition build; skipped in -short mode")
	}
	t.Parallel()
	dir := func(name string) site.Dir {
		m := fstest.MapFS{}
		err := fs.WalkDir(os.DirFS(repo(name)), ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				var b []byte
				b, err = os.ReadFile(filepath.Join(repo(name), p))
				m[p] = &fstest.MapFile{Data: b}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return site.Dir{FS: m, Name: name}
	}
	src := site.Sources{Content: dir("content"), Templates: dir("templates"), Static: dir("static")}
	m := src.Content.FS.(fstest.MapFS)
	f := m["01-part-1.md"]
	before := "一年來，我們全力以赴建鏈條"
	if !strings.Contains(string(f.Data), before) {
		t.Fatalf("01-part-1.md no longer has %q", before)
	}
	f.Data = []byte(strings.Replace(string(f.Data), before, "新增一段。 {#p1-new}\n\n"+before, 1))
	out, err := site.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, want string }{
		{"part-1/index.html", `<a class="pin" href="#p1-4" data-ed>一¶5</a>`},
		{"part-2-3/index.html", `<a href="../part-1/#p1-4">一¶5</a>`},
		{"zh-hant/part-2-3/index.html", `<a href="../part-1/#p1-4">一¶5</a>`},
	} {
		if !strings.Contains(string(out[c.file]), c.want) {
			t.Errorf("%s: no %s", c.file, c.want)
		}
	}
}
