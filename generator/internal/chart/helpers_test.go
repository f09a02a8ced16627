package chart

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/content"
	"edition/generator/internal/figures"
	"edition/generator/internal/report"
)

const root = "../../.."

// realReport returns the repaired report's paragraphs and the committed
// dataset (content/figures.tsv).
func realReport(t testing.TB) ([]figures.Para, *figures.Dataset) {
	t.Helper()
	res, err := report.ReadFiles(filepath.Join(root, "seeds", "000_cdd563ffef68d5a8.txt"), filepath.Join(root, "content", "corrections.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var paras []figures.Para
	for _, p := range content.Body(res.Report) {
		paras = append(paras, figures.Para{ID: p.ID, Text: p.Text})
	}
	data, err := os.ReadFile(filepath.Join(root, "content", "figures.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := figures.Parse("content/figures.tsv", data)
	if err != nil {
		t.Fatal(err)
	}
	return paras, ds
}

// realCharts returns the edition's ```chart blocks by the paragraph each
// follows, and their specs in page order.
func realCharts(t testing.TB) (map[string][]string, []*Spec) {
	t.Helper()
	after, err := content.ChartBlocks(os.DirFS(filepath.Join(root, "content")))
	if err != nil {
		t.Fatal(err)
	}
	paras, _ := realReport(t)
	var specs []*Spec
	for _, p := range paras {
		for _, b := range after[p.ID] {
			body := strings.TrimSuffix(strings.TrimPrefix(b, "```chart\n"), "```")
			s, err := ParseSpec(body)
			if err != nil {
				t.Fatalf("chart after %s: %v", p.ID, err)
			}
			specs = append(specs, s)
		}
	}
	if len(specs) == 0 {
		t.Fatal("no ```chart blocks in content/")
	}
	return after, specs
}

// paraIDs stands in for the lead's markup extension: a paragraph line
// ending in " {#id}" gets that id.
type paraIDs struct{}

var reTrailingID = regexp.MustCompile(` \{#([a-z0-9-]+)\}$`)

func (paraIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		p, ok := n.(*ast.Paragraph)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		last, ok := p.LastChild().(*ast.Text)
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		v := last.Segment.Value(src)
		if m := reTrailingID.FindSubmatchIndex(v); m != nil {
			p.SetAttributeString("id", v[m[2]:m[3]])
			last.Segment = last.Segment.WithStop(last.Segment.Start + m[0])
		}
		return ast.WalkSkipChildren, nil
	})
}

type paraIDsExt struct{}

func (paraIDsExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(paraIDs{}, 1000)))
}

func convert(t testing.TB, cfg Config, md string) (string, parser.Context) {
	t.Helper()
	gm := goldmark.New(goldmark.WithExtensions(paraIDsExt{}, New(cfg)))
	pc := parser.NewContext()
	var b bytes.Buffer
	if err := gm.Convert([]byte(md), &b, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	return b.String(), pc
}

// fixturePage is the report's paragraphs with the default charts after
// them, as a whole HTML page with the chart stylesheet.
func fixturePage(t testing.TB) string {
	paras, ds := realReport(t)
	after, _ := realCharts(t)
	var md bytes.Buffer
	for _, p := range paras {
		if _, ok := after[p.ID]; !ok {
			continue
		}
		md.WriteString(p.Text + " {#" + p.ID + "}\n\n")
		for _, b := range after[p.ID] {
			md.WriteString(b + "\n\n")
		}
	}
	html, pc := convert(t, Config{Data: ds, Source: testSource}, md.String())
	if errs := Errors(pc); len(errs) > 0 {
		t.Fatal(errs)
	}
	css, err := os.ReadFile(filepath.Join(root, "static", "css", "chart.css"))
	if err != nil {
		t.Fatal(err)
	}
	// The lead's 00-base.css defines these; a stand-in keeps the fixture
	// honest about dark mode until it is merged.
	base, err := os.ReadFile(filepath.Join(root, "static", "css", "00-base.css"))
	if err != nil {
		base = []byte(`:root{--fg:#1b1b1b;--bg:#fdfcf9;--muted:#5f5f5f;--link:#1d4f91;--rule:#d9d6cf;color-scheme:light dark}
@media (prefers-color-scheme: dark){:root{--fg:#e8e6e1;--bg:#161616;--muted:#a9a59c;--link:#8fb8f0;--rule:#3a3a38}}
body{color:var(--fg);background:var(--bg)} a{color:var(--link)}`)
	}
	return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>charts</title><style>` +
		string(base) + "\nbody{margin:0 auto;padding:0 16px;max-width:40rem;font-family:var(--font,sans-serif);line-height:1.8}\n" + string(css) + `</style></head><body>` + html + `</body></html>`
}

// testSource is the report the fixtures' figures come from.
const testSource = "朔州市2024年政府工作報告"

// labels stands for the citation labels the site takes from the pages.
type labels map[string]string

// testLabels labels the test datasets' paragraphs as their pages would.
var testLabels = labels{"p1-2": "一¶2", "p1-3": "一¶3", "p1-6": "一¶6", "p2-1-1": "二（一）¶1", "p2-2-1": "二（二）¶1", "p2-3": "二¶3", "p2-7-1": "二（七）¶1"}

func (l labels) cite(p string) string {
	if c, ok := l[p]; ok {
		return c
	}
	return p
}
