package chart

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	edmodel "edition/generator/internal/model"
)

// Config is what the site gives the extension.
type Config struct {
	Data *figures.Dataset
	// Href links a paragraph id; default "#"+id.
	Href func(para string) string
	// Cite labels a paragraph id for display (一¶2): the label the page
	// gave the paragraph when it was parsed (markup.Para.Cite); the chart
	// draws after every page is parsed, so it may cite a later page.
	// Default: the id itself.
	Cite func(para string) string
	// ChartHref, when set, links figure phrases in the page's paragraphs
	// to the chart that shows them (return ok=false for figures not
	// charted). When nil, phrases link to charts on the same page only.
	ChartHref func(figureID string) (href string, ok bool)
	// NoTextLinks turns off linking figure phrases to charts.
	NoTextLinks bool
	// HrefFrom and ChartHrefFrom, when set, stand for Href and ChartHref
	// on the page being parsed, whose URL they are given (from the
	// parser.Context, see SetPage): one Config serves every page, and no
	// caller keeps a "current page" to be read behind the parser's back.
	HrefFrom      func(from, para string) string
	ChartHrefFrom func(from, figureID string) (href string, ok bool)
	// Source names the report the figures come from, after "資料來源：";
	// empty leaves the source line to the paragraph links alone.
	Source string
	// Layouts, when set, shares each chart's layout between the pages
	// parsed with this Config that place the same chart (its page and the
	// figures page): only the links differ. Convert, when set, is applied
	// to each layout once (the site puts the words in the edition's
	// script).
	Layouts *Layouts
	Convert func(Drawn) Drawn
}

// Layouts keeps charts' layouts by their definitions, for one set of
// pages drawn with the same data, labels and source. Its zero value is
// ready; it is safe for concurrent use.
type Layouts struct {
	mu sync.Mutex
	m  map[string]func() Drawn
}

// layout returns the layout of the chart defined by body, made once.
func (c Config) layout(body string, m *model) func() Drawn {
	draw := func() Drawn {
		d := m.layout(c)
		if c.Convert != nil {
			d = c.Convert(d)
		}
		return d
	}
	if c.Layouts == nil {
		return sync.OnceValue(draw)
	}
	l := c.Layouts
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.m[body]; ok {
		return f
	}
	if l.m == nil {
		l.m = map[string]func() Drawn{}
	}
	f := sync.OnceValue(draw)
	l.m[body] = f
	return f
}

func (c Config) href(p string) string {
	if c.Href != nil {
		return c.Href(p)
	}
	return "#" + p
}

func (c Config) cite(p string) string {
	if c.Cite != nil {
		return c.Cite(p)
	}
	return p
}

// SetPage records in pc the URL of the page about to be parsed, for
// Config.HrefFrom and Config.ChartHrefFrom.
func SetPage(pc parser.Context, url string) { pc.Set(pageKey, url) }

// forPage is c with HrefFrom and ChartHrefFrom bound to the page pc is
// parsing.
func (c Config) forPage(pc parser.Context) Config {
	from, _ := pc.Get(pageKey).(string)
	return c.ForPage(from)
}

// ForPage is c with HrefFrom and ChartHrefFrom bound to the page at URL
// from, for rendering outside goldmark (tables, standalone SVGs).
func (c Config) ForPage(from string) Config {
	if c.HrefFrom != nil {
		hf := c.HrefFrom
		c.Href = func(para string) string { return hf(from, para) }
	}
	if c.ChartHrefFrom != nil {
		cf := c.ChartHrefFrom
		c.ChartHref = func(fig string) (string, bool) { return cf(from, fig) }
	}
	return c
}

// Placed is a chart drawn on a page.
type Placed struct {
	ID, Title string
	Figures   []string // figure ids
	Paras     []string // source paragraph ids
	Line      int      // line of the opening fence
	Node      *Node    // the chart; its HTML is final once the page is rendered
}

var (
	placedKey = parser.NewContextKey()
	errorsKey = parser.NewContextKey()
	pageKey   = parser.NewContextKey()
	// KindChart is the AST node kind of a rendered chart block.
	KindChart = ast.NewNodeKind("Chart")
)

// Charts returns the charts drawn on the page parsed with pc.
func Charts(pc parser.Context) []Placed {
	v, _ := pc.Get(placedKey).([]Placed)
	return v
}

// Errors returns the chart problems on the page parsed with pc; Path is
// empty and Line is the line in the parsed source.
func Errors(pc parser.Context) diag.List {
	v, _ := pc.Get(errorsKey).(diag.List)
	return v
}

// Node is a chart block, drawn when the page is rendered: by then every
// page has been parsed, so citation labels of any page are known.
type Node struct {
	ast.BaseBlock
	ID string
	// HTML is the finished chart once the page is rendered (an error box
	// from the start), and Box what it shows.
	HTML []byte
	Box  Box
	// Layout draws the chart once, with a mark for each link to a
	// paragraph (Draw fills them in for each place the node is rendered
	// into). Nil for an error box.
	Layout func() Drawn
	href   func(para string) string // the links' addresses, from the node's page
}

// Draw is the chart drawn for its page (c nil) or for copy c.
func (n *Node) Draw(c edmodel.Relinker) Drawn { return n.Layout().Fill(c, n.href) }

// finish draws the chart for the writer it is rendered into: for its
// page, kept in HTML and Box; or for a copy, not kept.
func (n *Node) finish(w util.BufWriter) []byte {
	if n.Layout == nil {
		return n.HTML
	}
	if c, ok := w.(edmodel.Relinker); ok {
		return n.Draw(c).HTML
	}
	d := n.Draw(nil)
	n.HTML, n.Box = d.HTML, d.Box
	return n.HTML
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindChart }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

type extension struct{ cfg Config }

// New returns the goldmark extension that draws ```chart blocks.
func New(cfg Config) goldmark.Extender { return &extension{cfg} }

// Priority puts the chart transformer after the site's markup
// transformer (which sets paragraph ids) and after term linking (terms,
// 2000), which must link every occurrence of a term; a figure phrase that
// a term splits is then simply not linked to its chart. goldmark runs
// transformers in ascending priority order.
const Priority = 3000

func (e *extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&transformer{e.cfg}, Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{}, 500)))
}

type transformer struct{ cfg Config }

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	cfg := t.cfg.forPage(pc)
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fc.Language(src)) == "chart" {
			blocks = append(blocks, fc)
		}
		return ast.WalkContinue, nil
	})
	placed, errs := Charts(pc), Errors(pc)
	onPage := map[string]string{} // figure id → chart id
	for _, fc := range blocks {
		line := fenceLine(src, fc)
		var body bytes.Buffer
		for i := 0; i < fc.Lines().Len(); i++ {
			seg := fc.Lines().At(i)
			body.Write(seg.Value(src))
		}
		node := &Node{}
		spec, m, err := t.build(body.String())
		if err == nil {
			for _, p := range placed {
				if p.ID == spec.ID {
					err = &SpecError{1, fmt.Sprintf("chart id %q is already used on line %d of this page", spec.ID, p.Line)}
					spec = nil // no second anchor with the same id
					break
				}
			}
		}
		if err != nil {
			l, msg := line, err.Error()
			if se, ok := err.(*SpecError); ok {
				l, msg = line+se.Line, se.Msg
			}
			errs = append(errs, diag.Errorf("", l, "chart: %s", msg))
			id := ""
			if spec != nil {
				id = spec.ID
			}
			node.HTML = []byte(errorHTML(id, msg))
		} else {
			node.ID = spec.ID
			node.Layout, node.href = cfg.layout(body.String(), m), cfg.href
			placed = append(placed, Placed{ID: spec.ID, Title: spec.Title, Figures: spec.Figures, Paras: m.Paras, Line: line, Node: node})
			for _, id := range spec.Figures {
				if _, ok := onPage[id]; !ok {
					onPage[id] = spec.ID
				}
			}
		}
		fc.Parent().ReplaceChild(fc.Parent(), fc, node)
	}
	pc.Set(placedKey, placed)
	pc.Set(errorsKey, errs)
	if !cfg.NoTextLinks && cfg.Data != nil {
		linkPhrases(doc, src, cfg, onPage)
	}
}

// build parses and resolves one block. A spec is returned with an error
// when it parsed but does not fit the dataset.
func (t *transformer) build(body string) (*Spec, *model, error) {
	spec, err := ParseSpec(body)
	if err != nil {
		return nil, nil, err
	}
	m, err := resolve(spec, t.cfg.Data)
	if err != nil {
		return spec, nil, err
	}
	return spec, m, nil
}

// fenceLine is the 1-based line of a fenced block's opening fence.
func fenceLine(src []byte, fc *ast.FencedCodeBlock) int {
	pos := fc.Pos()
	if pos < 0 && fc.Lines().Len() > 0 {
		return bytes.Count(src[:fc.Lines().At(0).Start], []byte("\n"))
	}
	if pos < 0 || pos > len(src) {
		return 0
	}
	return bytes.Count(src[:pos], []byte("\n")) + 1
}

// A FigureMarker is a writer that wants to know where each chart's figure
// element ends (its closing tag, before the line end) in the rendered HTML: the site places the chart's share panel
// there, so nothing has to find the figure in the HTML afterwards.
type FigureMarker interface {
	FigureEnd(id string)
}

type nodeRenderer struct{}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindChart, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := n.(*Node)
			html := n.finish(w)
			fig := bytes.TrimSuffix(html, []byte("\n")) // the element, then its line end
			_, _ = w.Write(fig)
			if m, ok := w.(FigureMarker); ok && n.ID != "" {
				m.FigureEnd(n.ID)
			}
			_, _ = w.Write(html[len(fig):])
		}
		return ast.WalkSkipChildren, nil
	})
}

// Index maps each figure id to the first of specs that charts it, for
// Config.ChartHref: the site turns a chart id into the URL of the page
// that places it plus "#chart-"+id.
func Index(specs []*Spec) map[string]string {
	idx := map[string]string{}
	for _, s := range specs {
		for _, f := range s.Figures {
			if _, ok := idx[f]; !ok {
				idx[f] = s.ID
			}
		}
	}
	return idx
}
