package chart

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// linkPhrases links the source phrase of each charted figure, in the
// paragraph that states it, to its chart. The link text stays the report's
// text. A phrase split across inline nodes is left unlinked.
func linkPhrases(doc *ast.Document, src []byte, cfg Config, onPage map[string]string) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		v, ok := p.AttributeString("id")
		if !ok {
			continue
		}
		var id string
		switch s := v.(type) {
		case []byte:
			id = string(s)
		case string:
			id = s
		}
		for _, f := range cfg.Data.InPara(id) {
			href, ok := chartHref(cfg, onPage, f.ID)
			if ok {
				linkOnce(p, src, []byte(f.Phrase), href)
			}
		}
	}
}

func chartHref(cfg Config, onPage map[string]string, fig string) (string, bool) {
	if c, ok := onPage[fig]; ok {
		return "#chart-" + c, true
	}
	if cfg.ChartHref != nil {
		return cfg.ChartHref(fig)
	}
	return "", false
}

// linkOnce wraps the first occurrence of phrase inside one text node of p
// in a link.
func linkOnce(p ast.Node, src, phrase []byte, href string) {
	var target *ast.Text
	var at int
	_ = ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || target != nil {
			return ast.WalkSkipChildren, nil
		}
		if _, ok := n.(*ast.Link); ok {
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			if i := bytes.Index(t.Segment.Value(src), phrase); i >= 0 {
				target, at = t, i
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	if target == nil {
		return
	}
	seg := target.Segment
	parent := target.Parent()
	before := seg.WithStop(seg.Start + at)
	mid := text.NewSegment(seg.Start+at, seg.Start+at+len(phrase))
	after := seg.WithStart(seg.Start + at + len(phrase))
	link := ast.NewLink()
	link.Destination = []byte(href)
	link.SetAttributeString("class", []byte("fig-link"))
	link.AppendChild(link, ast.NewTextSegment(mid))
	if before.Len() > 0 {
		parent.InsertBefore(parent, target, ast.NewTextSegment(before))
	}
	parent.InsertBefore(parent, target, link)
	if after.Len() > 0 {
		rest := ast.NewTextSegment(after)
		rest.SetSoftLineBreak(target.SoftLineBreak())
		rest.SetHardLineBreak(target.HardLineBreak())
		parent.InsertBefore(parent, target, rest)
	}
	parent.RemoveChild(parent, target)
}
