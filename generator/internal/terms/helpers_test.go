package terms

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/content"
	"edition/generator/internal/report"
)

// readFixtureReport reads testdata/browser-report.txt, a short Traditional
// report made for the browser tests: two terms side by side
// (“揭榜掛帥”“包干制”, notes 1 and 2), each used twice, and a term used
// twice on one page (“三保”, note 3).
func readFixtureReport(t testing.TB) *report.Report {
	t.Helper()
	res, err := report.ReadFiles("testdata/browser-report.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	return res.Report
}

type para = content.Para

// paras returns the body paragraphs with the IDs import gives them.
func paras(r *report.Report) []para { return content.Body(r) }

func texts(ps []para) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// markdown writes paragraphs the way the site's content files do: one line
// each, ending in {#id}.
func markdown(ps []para) []byte {
	var b bytes.Buffer
	for _, p := range ps {
		fmt.Fprintf(&b, "%s {#%s}\n\n", p.Text, p.ID)
	}
	return b.Bytes()
}

// idMarkup stands in for the site's markup transformer (priority 1000): it
// strips a trailing " {#id}" from a paragraph and sets its id.
type idMarkup struct{}

var reID = regexp.MustCompile(` \{#([A-Za-z0-9-]+)\}$`)

func (idMarkup) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		p, ok := n.(*ast.Paragraph)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		last, ok := p.LastChild().(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		v := last.Segment.Value(src)
		if m := reID.FindSubmatchIndex(v); m != nil {
			p.SetAttributeString("id", v[m[2]:m[3]])
			last.Segment = last.Segment.WithStop(last.Segment.Start + m[0])
		}
		return ast.WalkSkipChildren, nil
	})
}

func newMarkdown(cfg Config) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(New(cfg)),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithASTTransformers(util.Prioritized(idMarkup{}, 1000))),
	)
}

// convert renders src and returns the HTML and the uses.
func convert(t testing.TB, md goldmark.Markdown, src []byte) (string, []Use) {
	t.Helper()
	pc := parser.NewContext()
	var out bytes.Buffer
	if err := md.Convert(src, &out, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	return out.String(), Uses(pc)
}

var reUnlink = regexp.MustCompile(`<a class="term" [^>]*>|<span class="vh" data-ed>（注釋\d+）</span></a>`)

// unlink removes what the extension adds to HTML.
func unlink(s string) string { return reUnlink.ReplaceAllString(s, "") }

func must(t testing.TB, ok bool, format string, args ...any) {
	t.Helper()
	if !ok {
		t.Errorf(format, args...)
	}
}

var _ = strings.Contains

func noteNums(ns []report.Note) []int {
	var out []int
	for _, n := range ns {
		out = append(out, n.Num)
	}
	return out
}
