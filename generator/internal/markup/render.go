package markup

import (
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// paraRenderer renders report paragraphs with their citation mark.
type paraRenderer struct{ cfg Config }

func (r *paraRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.paragraph)
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
		w.WriteString(`" data-seed>`)
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
	w.WriteString(`" data-ed>` + html.EscapeString(string(cite.([]byte))) + `</a></p>` + "\n")
	return ast.WalkContinue, nil
}
