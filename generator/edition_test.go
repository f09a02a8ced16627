package main

// Assertions about this repository's own edition (the 朔州 report, its
// content/ and its figures) live here, in one place; the library packages
// test small fixtures.

import (
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/report"
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

// Charts label the paragraphs they cite from the paragraph ID (chart.Cite,
// needed before every page is parsed: a chart may cite a later page);
// the page labels them by counting (markup). Until charts are drawn after
// every page is parsed, the two must agree on every paragraph.
func TestChartCitationsMatchThePage(t *testing.T) {
	t.Parallel()
	c, err := content.Load(os.DirFS(repo("content")), "content")
	if err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(markup.New(markup.Config{})))
	n := 0
	for _, p := range c.Pages {
		pc := markup.NewContext(p.Meta.Cite)
		md.Parser().Parse(text.NewReader(p.Source), parser.WithContext(pc))
		for _, para := range markup.Paras(pc) {
			if para.Heading {
				continue
			}
			n++
			if got := chart.Cite(para.ID); got != para.Cite {
				t.Errorf("%s:%d: %s: the page says %s, a chart would say %s", p.Path, para.Line, para.ID, para.Cite, got)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d paragraphs compared", n)
	}
}
