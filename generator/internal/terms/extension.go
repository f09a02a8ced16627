package terms

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/model"
)

// Priority is the transformer's goldmark priority. goldmark runs lower
// numbers first; the site's markup transformer (1000) must run before this
// one so that paragraphs carry their id attributes.
const Priority = 2000

// Config configures the extension.
type Config struct {
	Anchors []Anchor
	// Href is the link target of note n; nil links to "#n{n}".
	Href func(note int) string
	// Label is the word screen readers hear before the note's number
	// (注釋5); "" means 注釋. The Simplified edition passes 注释.
	Label string
}

// Use is one linked occurrence of an anchor on a page.
type Use struct {
	Note    int
	Anchor  int    // index into Config.Anchors
	ParaID  string // id of the nearest enclosing block that has one
	RefID   string // id of the link
	Snippet string // Before + the anchor text + After: plain text context
	Before  string // context before the term, with a leading … when cut
	After   string // context after the term, with a trailing … when cut
}

// Ref is an inline node: a term linked to its note. Its children are the
// original text nodes.
type Ref struct {
	ast.BaseInline
	Note   int
	Anchor int
	Term   string // the anchor text
	ID     string
	use    Use
}

// KindRef is the NodeKind of Ref.
var KindRef = ast.NewNodeKind("Ref")

// Kind implements ast.Node.
func (n *Ref) Kind() ast.NodeKind { return KindRef }

// Dump implements ast.Node.
func (n *Ref) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Note": fmt.Sprint(n.Note), "ID": n.ID}, nil)
}

var (
	usesKey = parser.NewContextKey()
	offKey  = parser.NewContextKey()
)

// Uses returns the links made while parsing a page, in document order.
func Uses(pc parser.Context) []Use {
	u, _ := pc.Get(usesKey).([]Use)
	return u
}

// Disable turns linking off for the page parsed with pc (for a page that
// is itself notes).
func Disable(pc parser.Context) { pc.Set(offKey, true) }

// New returns the extension.
func New(cfg Config) goldmark.Extender { return &extender{cfg} }

type extender struct{ cfg Config }

func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&transformer{newMatcher(e.cfg.Anchors)}, Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&refRenderer{e.cfg.Href, e.cfg.Label}, 500)))
}

type transformer struct{ m matcher }

// Transform implements parser.ASTTransformer.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if off, _ := pc.Get(offKey).(bool); off {
		return
	}
	src := reader.Source()
	var containers []ast.Node
	blocks := map[ast.Node]*blockText{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if skipped(n) {
			return ast.WalkSkipChildren, nil
		}
		if hasText(n) {
			containers = append(containers, n)
			b := block(n)
			if blocks[b] == nil {
				blocks[b] = newBlockText(b, src)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, c := range containers {
		t.link(c, src, blocks[block(c)])
	}
	pc.Set(usesKey, collect(doc))
}

func skipped(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan, ast.KindCodeBlock,
		ast.KindFencedCodeBlock, ast.KindRawHTML, ast.KindHTMLBlock, ast.KindHeading, KindRef:
		return true
	}
	return false
}

func hasText(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindText || c.Kind() == ast.KindString {
			return true
		}
	}
	return false
}

// block returns the nearest block node at or above n.
func block(n ast.Node) ast.Node {
	for n.Parent() != nil && n.Type() != ast.TypeBlock {
		n = n.Parent()
	}
	return n
}

// blockText is the plain text of a block, for snippets, with where each of
// its text nodes starts in it.
type blockText struct {
	text string
	at   map[ast.Node]int
	id   string
}

func newBlockText(b ast.Node, src []byte) *blockText {
	bt := &blockText{at: map[ast.Node]int{}, id: blockID(b)}
	var sb strings.Builder
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if v, ok := value(n, src); ok {
			bt.at[n] = sb.Len()
			sb.Write(v)
		}
		return ast.WalkContinue, nil
	})
	bt.text = sb.String()
	return bt
}

// blockID returns the id attribute of b or of its nearest ancestor with one.
func blockID(n ast.Node) string {
	for ; n != nil; n = n.Parent() {
		if v, ok := n.AttributeString("id"); ok {
			switch v := v.(type) {
			case []byte:
				return string(v)
			case string:
				return v
			}
		}
	}
	return ""
}

// value returns the text of a Text or String node.
func value(n ast.Node, src []byte) ([]byte, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Value(src), true
	case *ast.String:
		return n.Value, true
	}
	return nil, false
}

// link replaces the anchors found in the runs of text children of c.
func (t *transformer) link(c ast.Node, src []byte, bt *blockText) {
	var run []ast.Node
	flush := func() {
		if len(run) > 0 {
			t.linkRun(c, run, src, bt)
			run = nil
		}
	}
	for n := c.FirstChild(); n != nil; {
		next := n.NextSibling()
		switch x := n.(type) {
		case *ast.Text:
			if x.Segment.Padding != 0 {
				flush()
				break
			}
			run = append(run, n)
			if x.SoftLineBreak() || x.HardLineBreak() {
				flush()
			}
		case *ast.String:
			if x.IsCode() {
				flush()
				break
			}
			run = append(run, n)
		default:
			flush()
		}
		n = next
	}
	flush()
}

// linkRun links the matches in one run of adjacent text nodes, last first,
// so that the offsets of earlier ones stay valid.
func (t *transformer) linkRun(parent ast.Node, run []ast.Node, src []byte, bt *blockText) {
	var sb strings.Builder
	starts := make([]int, len(run))
	for i, n := range run {
		starts[i] = sb.Len()
		v, _ := value(n, src)
		sb.Write(v)
	}
	s := sb.String()
	ms := t.m.find(s, cuts(s))
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		i, j := nodeAt(starts, m.Start), nodeAt(starts, m.End-1)
		a := t.m.anchors[m.A]
		ref := &Ref{Note: a.Note, Anchor: m.A, Term: a.Text}
		ref.use = snippet(bt, bt.at[run[i]]+m.Start-starts[i], len(a.Text))
		first, last, lastStart := run[i], run[j], starts[j]
		if off := m.Start - starts[i]; off > 0 {
			first = split(parent, run[i], off, src)
			if i == j {
				last, lastStart = first, m.Start
			}
		}
		if off := m.End - lastStart; off < length(last, src) {
			split(parent, last, off, src)
		}
		wrap(parent, ref, first, last)
	}
}

// wrap moves the siblings first to last into ref, in their place.
func wrap(parent ast.Node, ref *Ref, first, last ast.Node) {
	parent.InsertBefore(parent, first, ref)
	for n := first; ; {
		next := n.NextSibling()
		parent.RemoveChild(parent, n)
		ref.AppendChild(ref, n)
		if n == last {
			return
		}
		n = next
	}
}

// nodeAt returns the index of the node holding byte off of the run.
func nodeAt(starts []int, off int) int {
	i := len(starts) - 1
	for i > 0 && starts[i] > off {
		i--
	}
	return i
}

func length(n ast.Node, src []byte) int {
	v, _ := value(n, src)
	return len(v)
}

// split cuts text node n at byte off: n keeps the head, and a new node with
// the tail (and n's line break) is inserted after it and returned.
func split(parent, n ast.Node, off int, src []byte) ast.Node {
	var tail ast.Node
	switch x := n.(type) {
	case *ast.Text:
		t := ast.NewTextSegment(x.Segment.WithStart(x.Segment.Start + off))
		t.SetRaw(x.IsRaw())
		t.SetSoftLineBreak(x.SoftLineBreak())
		t.SetHardLineBreak(x.HardLineBreak())
		x.Segment = x.Segment.WithStop(x.Segment.Start + off)
		x.SetSoftLineBreak(false)
		x.SetHardLineBreak(false)
		tail = t
	case *ast.String:
		t := ast.NewString(append([]byte(nil), x.Value[off:]...))
		t.SetRaw(x.IsRaw())
		x.Value = x.Value[:off]
		tail = t
	}
	parent.InsertAfter(parent, n, tail)
	return tail
}

// snippet cuts about a sentence of context around the term at byte off of
// the block's text: up to snippetContext runes each side, stopping at a
// sentence end.
func snippet(bt *blockText, off, n int) Use {
	before, after := bt.text[:off], bt.text[off+n:]
	b, e := contextStart(before), contextEnd(after)
	u := Use{Before: before[b:], After: after[:e]}
	if b > 0 && !strings.ContainsRune("。！？；\n", lastRune(before[:b])) {
		u.Before = "…" + u.Before
	}
	if e < len(after) && !strings.ContainsRune("。！？；", lastRune(after[:e])) {
		u.After += "…"
	}
	u.Snippet = u.Before + bt.text[off:off+n] + u.After
	u.ParaID = bt.id
	return u
}

// snippetContext is how many runes of context a snippet keeps each side.
const snippetContext = 14

// contextStart is where the context before a term starts: after the last
// sentence end, or snippetContext runes back.
func contextStart(before string) int {
	for i, k := len(before), 0; i > 0; k++ {
		r, w := utf8.DecodeLastRuneInString(before[:i])
		if strings.ContainsRune("。！？；\n", r) || k == snippetContext {
			return i
		}
		i -= w
	}
	return 0
}

// contextEnd is where the context after a term ends: at a line end, after
// a sentence end, or snippetContext runes on.
func contextEnd(after string) int {
	for i, k := 0, 0; i < len(after); k++ {
		r, w := utf8.DecodeRuneInString(after[i:])
		switch {
		case r == '\n':
			return i
		case strings.ContainsRune("。！？；", r):
			return i + w
		case k == snippetContext:
			return i
		}
		i += w
	}
	return len(after)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// collect numbers the refs in document order and returns their uses.
func collect(doc ast.Node) []Use {
	var uses []Use
	seen := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		ref, ok := n.(*Ref)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		base := fmt.Sprintf("%s-n%d", ref.use.ParaID, ref.Note)
		if ref.use.ParaID == "" {
			base = fmt.Sprintf("ref-n%d", ref.Note)
		}
		seen[base]++
		ref.ID = base
		if k := seen[base]; k > 1 {
			ref.ID = fmt.Sprintf("%s-%d", base, k)
		}
		u := ref.use
		u.Note, u.Anchor, u.RefID = ref.Note, ref.Anchor, ref.ID
		uses = append(uses, u)
		return ast.WalkSkipChildren, nil
	})
	return uses
}

type refRenderer struct {
	href  func(int) string
	label string
}

func (r *refRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindRef, r.render)
}

func (r *refRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	ref := n.(*Ref)
	if !entering {
		label := r.label
		if label == "" {
			label = "注釋"
		}
		fmt.Fprintf(w, `<span class="vh" data-ed>（%s%d）</span></a>`, html.EscapeString(label), ref.Note)
		return ast.WalkContinue, nil
	}
	href := fmt.Sprintf("#n%d", ref.Note)
	if r.href != nil {
		href = r.href(ref.Note)
	}
	c, _ := w.(model.Relinker) // the 全文 or an embed page
	href, tab := model.LinkAttrs(c, href, false)
	fmt.Fprintf(w, `<a class="term" href="%s" id="%s" role="doc-noteref" data-note="%d"%s>`,
		html.EscapeString(href), html.EscapeString(ref.ID), ref.Note, tab)
	return ast.WalkContinue, nil
}
