// Package markup is the goldmark setup for report text: every paragraph
// and heading of the report carries an ID written at the end of its line
// ("… {#p2-1-3}"), is marked as report text (data-seed) for the fidelity
// check, and shows a citation mark (二（一）¶3) that links to itself.
// A bold lead-in closes even when a Chinese character follows it
// (**改造提升能源產業。**抓好…), which CommonMark's flanking rules forbid.
//
// Per page, Parse results are read from the parser.Context: Paras(pc) lists
// the page's paragraphs with IDs, citations and plain text; Errors(pc) lists
// problems with their lines.
package markup

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/diag"
)

// Para is one report paragraph (or heading) of a page.
type Para struct {
	ID      string
	Cite    string // 二（一）¶3; "" for headings
	Heading bool
	Level   int    // a heading's level as written (# is 1); 0 for paragraphs
	Line    int    // line in the page source
	Text    string // plain text as rendered
	Lead    string // bold lead-in, if the paragraph opens with one
}

// Config is what the extension needs to know about a page's site: as
// yet nothing (a figure's link to its chart is package chart's).
type Config struct{}

var (
	parasKey  = parser.NewContextKey()
	errorsKey = parser.NewContextKey()
	citeKey   = parser.NewContextKey()
)

// NewContext returns a parser context for one page whose citations start
// with cite (二（一）).
func NewContext(cite string) parser.Context {
	pc := parser.NewContext()
	pc.Set(citeKey, cite)
	return pc
}

// Paras returns the page's report paragraphs and headings in order.
func Paras(pc parser.Context) []Para {
	v, _ := pc.Get(parasKey).([]Para)
	return v
}

// Errors returns the problems found while parsing a page, with Line set
// and Path empty.
func Errors(pc parser.Context) diag.List {
	v, _ := pc.Get(errorsKey).(diag.List)
	return v
}

func addError(pc parser.Context, line int, format string, args ...any) {
	l := Errors(pc)
	pc.Set(errorsKey, append(l, &diag.Error{Line: line, Msg: fmt.Sprintf(format, args...)}))
}

// New returns the extension.
func New(cfg Config) goldmark.Extender { return &ext{cfg} }

// Priority is the ID transformer's goldmark priority. goldmark runs lower
// priorities first, and every other extension reads the IDs it sets.
const Priority = 100

type ext struct{ cfg Config }

func (e *ext) Extend(m goldmark.Markdown) {
	// What goldmark's CJK extension does with WithEastAsianLineBreaks, set
	// directly: importing goldmark/extension for it would compile its
	// other extensions' tables and regexps at every process start.
	m.Renderer().AddOptions(html.WithEastAsianLineBreaks(html.EastAsianLineBreaksSimple))
	m.Parser().AddOptions(
		parser.WithAttribute(),
		parser.WithInlineParsers(util.Prioritized(strongLead{}, 50)),
		parser.WithBlockParsers(util.Prioritized(nestingGuard{}, 0)), // nesting.go
		parser.WithASTTransformers(util.Prioritized(ids{}, Priority)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newParaRenderer(e.cfg), 50)))
}

// reID is the paragraph-ID grammar: a line of report text ends in {#id},
// the ID a letter then letters, digits, '_' or '-'. TrailingID is its only
// reader; the build, import and the chart placements all use it.
var reID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}$`) })

// TrailingID returns the ID a Markdown line ends in ("… {#p2-1-3}" →
// "p2-1-3") and the byte offset where the {#id} and the spaces before it
// start; "" and len(line) when the line has none. Trailing spaces and a CR
// after the braces are ignored.
func TrailingID(line string) (id string, at int) {
	line = strings.TrimRight(line, " \t\r")
	m := reID().FindStringSubmatchIndex(line)
	if m == nil {
		return "", len(line)
	}
	return line[m[2]:m[3]], m[0]
}

// ids moves the trailing {#id} of each paragraph into its attributes,
// numbers paragraphs for citation and records them.
type ids struct{}

func (ids) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	src := r.Source()
	lines := newLineIndex(src)
	base, _ := pc.Get(citeKey).(string)
	scope, n := base, 0
	var paras []Para
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Heading:
			line := lineOf(lines, src, node)
			id, ok := node.AttributeString("id")
			if !ok {
				addError(pc, line, "heading has no ID: end the line with {#id}")
				return ast.WalkSkipChildren, nil
			}
			node.SetAttributeString("data-seed", []byte(""))
			paras = append(paras, Para{ID: string(id.([]byte)), Heading: true, Level: node.Level, Line: line, Text: plain(node, src)})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			line := lineOf(lines, src, node)
			id := takeID(node, src)
			if id == "" {
				addError(pc, line, "paragraph has no ID: every paragraph of the report ends with {#id}, e.g. {#p2-1-9}")
				return ast.WalkSkipChildren, nil
			}
			node.SetAttributeString("id", []byte(id))
			node.SetAttributeString("data-seed", []byte(""))
			txt := plain(node, src)
			lead := ""
			e, ok := node.FirstChild().(*ast.Emphasis)
			if ok && e.Level == 2 {
				lead = plain(e, src)
			}
			if m := reMarker().FindString(lead); m != "" {
				scope, n = base+m, 0
				// A numbered theme's lead-in is a heading one level
				// below the page's title, for assistive technology.
				e.SetAttributeString(leadAttr, []byte{})
			}
			n++
			cite := fmt.Sprintf("%s¶%d", scope, n)
			node.SetAttributeString("data-cite", []byte(cite))
			paras = append(paras, Para{ID: id, Cite: cite, Line: line, Text: txt, Lead: lead})
			return ast.WalkSkipChildren, nil
		case *ast.Blockquote, *ast.List:
			addError(pc, lineOf(lines, src, node), "report text cannot be a quote or list here; escape the first character with \\ if it is text")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	pc.Set(parasKey, paras)
}

// reMarker finds an inline subsection heading such as （一） at the start.
var reMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^（[一二三四五六七八九十]+）`) })

// takeID strips a trailing {#id} from the paragraph's last text node.
func takeID(p *ast.Paragraph, src []byte) string {
	t, ok := p.LastChild().(*ast.Text)
	if !ok {
		return ""
	}
	seg := t.Segment
	id, at := TrailingID(string(seg.Value(src)))
	if id == "" {
		return ""
	}
	if at == 0 {
		p.RemoveChild(p, t)
	} else {
		t.Segment = text.NewSegment(seg.Start, seg.Start+at)
	}
	// A paragraph's last line keeps its trailing spaces out of the text.
	if prev, ok := p.LastChild().(*ast.Text); ok {
		prev.SetSoftLineBreak(false)
		prev.SetHardLineBreak(false)
	}
	return id
}

func lineOf(lines lineIndex, src []byte, n ast.Node) int {
	if pos := startOf(n); pos >= 0 {
		return lines.at(pos)
	}
	return 0
}

// startOf is the offset where n's text starts: its first line, or that of
// its first descendant that has one. A container (a quote in a quote in …,
// 100,000 deep) has no lines of its own; a loop, not recursion, finds them.
func startOf(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return -1
}

// plain returns the text a reader sees in n.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			unescape(&b, c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// unescape writes Markdown text as a reader sees it: a backslash-escaped
// punctuation mark is the mark, an entity reference its character. It goes
// left to right as goldmark's renderer does, so "\\&amp;" reads "&amp;".
func unescape(b *strings.Builder, v []byte) {
	for i := 0; i < len(v); {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if j := bytes.IndexByte(v[i:min(len(v), i+40)], ';'); j > 0 {
				ref := v[i : i+j+1]
				if r := util.ResolveNumericReferences(util.ResolveEntityNames(ref)); !bytes.Equal(r, ref) {
					b.Write(r)
					i += j + 1
					continue
				}
			}
		}
		b.WriteByte(c)
		i++
	}
}
