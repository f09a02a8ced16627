package markup

import (
	"bytes"
	stdhtml "html"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/model"
)

// paraRenderer renders report paragraphs with their citation mark, and
// the links and headings of a page, for the page or for another place
// (model.Relinker: the 全文 page, an embed page).
type paraRenderer struct {
	cfg Config
	std map[ast.NodeKind]renderer.NodeRendererFunc // goldmark's own, for what a page renders as goldmark does
}

func newParaRenderer(cfg Config) *paraRenderer {
	r := &paraRenderer{cfg: cfg, std: map[ast.NodeKind]renderer.NodeRendererFunc{}}
	html.NewRenderer().RegisterFuncs(registerer(func(k ast.NodeKind, f renderer.NodeRendererFunc) { r.std[k] = f }))
	return r
}

type registerer func(ast.NodeKind, renderer.NodeRendererFunc)

func (f registerer) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }

func (r *paraRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindEmphasis, r.emphasis)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
}

// link is goldmark's link, with its destination as a copy writes it.
func (r *paraRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c, ok := w.(model.Relinker)
	if !ok {
		return r.std[ast.KindLink](w, src, node, entering)
	}
	if !entering {
		w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Link)
	href, tab := model.LinkAttrs(c, safeURL(util.URLEscape(n.Destination, true)), false)
	w.WriteString(`<a href="`)
	w.Write(util.EscapeHTML([]byte(href)))
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	w.WriteString(tab + ">")
	return ast.WalkContinue, nil
}

// autoLink is goldmark's autolink (<https://…>), as a copy writes it.
func (r *paraRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c, ok := w.(model.Relinker)
	if !ok || !entering {
		return r.std[ast.KindAutoLink](w, src, node, entering)
	}
	n := node.(*ast.AutoLink)
	url := util.URLEscape(n.URL(src), false)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	href, tab := model.LinkAttrs(c, safeURL(url), false)
	w.WriteString(`<a href="`)
	w.Write(util.EscapeHTML([]byte(href)))
	w.WriteByte('"')
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	w.WriteString(tab + ">")
	w.Write(util.EscapeHTML(n.Label(src)))
	w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// safeURL is u, or "" when goldmark would not write it (javascript: …).
func safeURL(u []byte) string {
	if html.IsDangerousURL(u) {
		return ""
	}
	return string(u)
}

// attributes is goldmark's RenderAttributes, without the data-seed mark
// in a copy.
func attributes(w util.BufWriter, n ast.Node, filter util.BytesFilter) {
	if _, copy := w.(model.Copy); !copy {
		html.RenderAttributes(w, n, filter)
		return
	}
	for _, a := range n.Attributes() {
		if string(a.Name) == "data-seed" || !filter.Contains(a.Name) && !bytes.HasPrefix(a.Name, []byte("data-")) {
			continue
		}
		var v []byte
		switch t := a.Value.(type) {
		case []byte:
			v = t
		case string:
			v = []byte(t)
		}
		w.WriteString(" " + string(a.Name) + `="`)
		w.Write(util.EscapeHTML(v))
		w.WriteByte('"')
	}
}

// leadAttr marks the bold lead-in of a paragraph that opens a numbered
// theme (（一）…): a heading one level below the page's title. It is
// rendered as the strong's role and aria-level, never as an attribute of
// its own.
const leadAttr = "lead-h"

// A Shifter is a writer for a page shown inside another, as the 全文 page
// shows every page: its headings, and its run-in headings' aria-level,
// are rendered HeadingShift levels lower than written (# as <h2> for 1).
type Shifter interface{ HeadingShift() int }

func shiftOf(w util.BufWriter) int {
	if s, ok := w.(Shifter); ok {
		return s.HeadingShift()
	}
	return 0
}

// TitleMarker is implemented by a writer that wants to know where the
// page's title (its first level-1 heading) ends, such as a page that puts
// its in-page contents after the title.
type TitleMarker interface{ TitleEnd() }

// heading is goldmark's heading, telling a TitleMarker where a level-1
// heading ends.
func (r *paraRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	lv := min(n.Level+shiftOf(w), 6)
	level := "0123456"[lv : lv+1]
	if entering {
		w.WriteString("<h" + level)
		if n.Attributes() != nil {
			attributes(w, node, html.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	w.WriteString("</h" + level + ">")
	if m, ok := w.(TitleMarker); ok && lv == 1 {
		m.TitleEnd()
	}
	w.WriteString("\n")
	return ast.WalkContinue, nil
}

// emphasis is goldmark's emphasis, except that a numbered theme's lead-in
// is a heading for assistive technology and a block on screen.
func (r *paraRenderer) emphasis(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Emphasis)
	tag := "em"
	if n.Level == 2 {
		tag = "strong"
	}
	if !entering {
		w.WriteString("</" + tag + ">")
		return ast.WalkContinue, nil
	}
	if _, ok := n.AttributeString(leadAttr); ok {
		w.WriteString(`<strong class="lead-h" role="heading" aria-level="` + strconv.Itoa(2+shiftOf(w)) + `">`)
		return ast.WalkContinue, nil
	}
	w.WriteString("<" + tag)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.EmphasisAttributeFilter)
	}
	w.WriteByte('>')
	return ast.WalkContinue, nil
}

// leads reports whether paragraph n opens with a numbered theme's
// lead-in.
func leads(n ast.Node) bool {
	e, ok := n.FirstChild().(*ast.Emphasis)
	if !ok {
		return false
	}
	_, ok = e.AttributeString(leadAttr)
	return ok
}

func (r *paraRenderer) paragraph(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	id, ok := n.AttributeString("id")
	if !ok {
		// Not report text (for instance inside an editor's block); plain <p>.
		if entering {
			w.WriteString("<p>")
		} else {
			w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	c, _ := w.(model.Relinker)
	_, copy := w.(model.Copy)
	if entering {
		w.WriteString(`<p id="`)
		w.Write(util.EscapeHTML(id.([]byte)))
		w.WriteString(`"`)
		if !copy {
			w.WriteString(` data-seed`)
		}
		if leads(n) {
			w.WriteString(` class="has-lead-h"`)
		}
		w.WriteString(`>`)
		return ast.WalkContinue, nil
	}
	// The citation mark comes last, so it never interrupts the sentence for
	// a screen reader; CSS puts it in the margin on wide screens.
	cite, _ := n.AttributeString("data-cite")
	href, tab := model.LinkAttrs(c, "#"+string(id.([]byte)), true)
	w.WriteString(`<a class="pin" href="`)
	w.Write(util.EscapeHTML([]byte(href)))
	w.WriteString(`" data-ed` + tab + `>` + stdhtml.EscapeString(string(cite.([]byte))) + `</a></p>` + "\n")
	return ast.WalkContinue, nil
}
