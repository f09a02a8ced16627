package markup

import (
	stdhtml "html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// paraRenderer renders report paragraphs with their citation mark.
type paraRenderer struct{ cfg Config }

func (r *paraRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindEmphasis, r.emphasis)
}

// leadLevelAttr marks the bold lead-in of a paragraph that opens a
// numbered theme (（一）…) with its heading level; it is rendered as the
// strong's aria-level, and never as an attribute of its own.
const leadLevelAttr = "lead-h"

// TitleMarker is implemented by a writer that wants to know where the
// page's title (its first level-1 heading) ends, such as a page that puts
// its in-page contents after the title.
type TitleMarker interface{ TitleEnd() }

// heading is goldmark's heading, telling a TitleMarker where a level-1
// heading ends.
func (r *paraRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[n.Level : n.Level+1]
	if entering {
		w.WriteString("<h" + level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, node, html.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	w.WriteString("</h" + level + ">")
	if m, ok := w.(TitleMarker); ok && n.Level == 1 {
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
	if level, ok := n.AttributeString(leadLevelAttr); ok {
		w.WriteString(`<strong class="lead-h" role="heading" aria-level="` + string(level.([]byte)) + `">`)
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
	_, ok = e.AttributeString(leadLevelAttr)
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
	if entering {
		w.WriteString(`<p id="`)
		w.Write(util.EscapeHTML(id.([]byte)))
		w.WriteString(`" data-seed`)
		if leads(n) {
			w.WriteString(` class="has-lead-h"`)
		}
		w.WriteString(`>`)
		return ast.WalkContinue, nil
	}
	if r.cfg.After != nil {
		w.WriteString(r.cfg.After(string(id.([]byte))))
	}
	// The citation mark comes last, so it never interrupts the sentence for
	// a screen reader; CSS puts it in the margin on wide screens.
	cite, _ := n.AttributeString("data-cite")
	w.WriteString(`<a class="pin" href="#`)
	w.Write(util.EscapeHTML(id.([]byte)))
	w.WriteString(`" data-ed>` + stdhtml.EscapeString(string(cite.([]byte))) + `</a></p>` + "\n")
	return ast.WalkContinue, nil
}
