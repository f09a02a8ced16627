package site

import (
	"fmt"
	"hash/maphash"
	"strings"

	"github.com/yuin/goldmark"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/embed"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
	"edition/generator/internal/terms"
)

// An embed page (embed.go) shows a copy of its page's body, or of one
// chart, in which every link to anything not on the embed page goes to
// the full edition in a new tab (embed.Links). The copy is rendered from
// the page's tree when the page is drawn, into a copyWriter that the
// renderers ask how to write each link (model.Relinker), and which marks
// nothing data-seed (model.Copy); nothing is parsed back out of HTML. Its height for the snippet is estimated from the
// same model: the page's paragraphs, its charts' boxes, its notes.

// copyWriter is a bodyWriter for a copy: its links are written as
// embed.Links says.
type copyWriter struct {
	bodyWriter
	embed.Links
}

var _ model.Copy = (*copyWriter)(nil)

// Copy implements model.Copy: an embed page is not the report text.
func (*copyWriter) Copy() {}

// embedFull is the address of the page whose copy cp's embed page shows
// (absolute, or root-relative without a base URL); "" when cp has no
// embed page.
func (e *edition) embedFull(cp *content.Page) string {
	if _, ok := e.tmpl["embed"]; !ok || !embeddable(cp.Meta.Kind) {
		return ""
	}
	return base(e.settings).Abs(e.Prefix + cp.URL())
}

// drawCopies renders p's body for its embed page, and each of its charts
// for the chart's embed page, the page being at full.
func (r *parsed) drawCopies(md goldmark.Markdown, cp *content.Page, p pageParse, full string) error {
	charts := chart.Charts(p.pc)
	var ids []string
	for _, c := range charts {
		ids = append(ids, c.ID)
	}
	links, err := embed.NewLinks(full, copyLocal(p.paras, p.uses, ids))
	if err != nil {
		return err
	}
	cw := &copyWriter{Links: links}
	if err := md.Renderer().Render(cw, cp.Source, p.doc); err != nil {
		return err
	}
	r.copy = cw.String()
	r.chartCopies = map[string]chart.Drawn{}
	for _, c := range charts {
		if c.Node.Layout == nil {
			continue // an error box: it has no embed page
		}
		cl, _ := embed.NewLinks(full, map[string]bool{chartAnchor(c.ID): true}) // full parsed above
		r.chartCopies[c.ID] = c.Node.Draw(cl)
	}
	return nil
}

// copyLocal is the ids on the embed page of a page with paras, term uses
// and charts: its paragraphs and headings, the endnotes of its terms,
// its charts.
func copyLocal(paras []markup.Para, uses []terms.Use, charts []string) map[string]bool {
	local := map[string]bool{}
	for _, para := range paras {
		local[para.ID] = true
	}
	for _, u := range uses {
		local[fmt.Sprintf("n%d", u.Note)] = true
	}
	for _, id := range charts {
		local[chartAnchor(id)] = true
	}
	return local
}

// chartAnchor is the id of a chart's figure.
func chartAnchor(id string) string { return strings.TrimPrefix(model.URL(model.Chart{ID: id}), "#") }

// embedNotes are a page's endnotes as its embed page shows them: the
// links of their uses and to the notes page written for the copy.
func embedNotes(views []terms.NoteView, c model.Relinker) []terms.NoteView {
	out := make([]terms.NoteView, len(views))
	for i, v := range views {
		if v.Href != "" {
			v.Href, v.NewTab = c.Link(v.Href, false)
		}
		uses := make([]terms.UseView, len(v.Uses))
		for j, u := range v.Uses {
			u.Href, u.NewTab = c.Link(u.Href, false)
			uses[j] = u
		}
		v.Uses = uses
		out[i] = v
	}
	return out
}

// The words templates/embed.html and partials/notes.html show besides
// the content, for the height estimate (their length is what counts).
const (
	notesHeading = "本節注釋"
	notePageLink = "在注釋頁查看"
	moreUses     = "另有%d處，見注釋頁"
	sectionLink  = "閱讀全文與全部注釋"
	chartLink    = "在全文中查看此圖表"
)

// estimates are the heights of an embed page at each of widths: its
// heading, its paragraphs, its charts, its notes and its source line.
// A rebuilding Builder remembers them by what they measure: measuring
// every embed page's text at three widths was a twentieth of a rebuild.
func (e *edition) estimates(ep *EmbedPage, p *Page, boxes []chart.Box, widths ...int) []int {
	notes := estimateNotes(ep.Endnotes)
	inputs := func(h *maphash.Hash) {
		h.WriteString(e.uiKey + "\x00")
		_ = writeKey(h, struct { // plain data: cannot fail
			Heading, Edition, Name, Report, Date string
			Chart                                bool
			Paras                                []markup.Para
			Boxes                                []chart.Box
			Notes                                []embed.Note
			Widths                               []int
		}{ep.Heading, ep.Edition, e.settings.Name, e.settings.Report, e.settings.Date, ep.Chart, p.Paras, boxes, notes, widths})
	}
	return memoised(e.bl, "estimates", inputs, func() []int {
		hs := make([]int, len(widths))
		for i, w := range widths {
			hs[i] = e.estimate(ep, p, boxes, notes, w)
		}
		return hs
	})
}

// estimate is one of estimates.
func (e *edition) estimate(ep *EmbedPage, p *Page, boxes []chart.Box, notes []embed.Note, width int) int {
	est := embed.NewEstimate(width, embed.DefaultLayout())
	if ep.Heading != "" {
		est.Heading(1, ep.Heading)
	}
	if !ep.Chart {
		for _, para := range p.Paras {
			if para.Heading {
				est.Heading(para.Level, para.Text)
			} else {
				est.Para(para.Text + para.Cite) // the permalink's label ends the paragraph
			}
		}
	}
	for _, b := range boxes {
		est.Chart(embed.Chart{Caption: b.Caption, W: b.W, H: b.H, Source: b.Source, Summary: b.Summary})
	}
	est.Notes(e.ui(notesHeading), notes)
	est.Para(e.ui("來源：") + e.settings.Name + "（" + ep.Edition + e.ui("，非官方）· ") + e.settings.Report + "，" + e.settings.Date)
	if ep.Chart {
		est.Para(e.ui(chartLink))
	} else {
		est.Para(e.ui(sectionLink))
	}
	return est.Height()
}

// estimateNotes is what each endnote shows, for embed.Estimate.
func estimateNotes(views []terms.NoteView) []embed.Note {
	var out []embed.Note
	for _, v := range views {
		var n embed.Note
		for i, t := range v.Text {
			if i == 0 {
				t = v.Label + "：" + t
			}
			n.Paras = append(n.Paras, t)
		}
		for _, u := range v.Uses {
			n.Uses = append(n.Uses, u.Cite+" "+u.Before+u.Match+u.After)
		}
		if v.More > 0 {
			n.More = fmt.Sprintf(moreUses, v.More)
		}
		if v.Href != "" {
			n.NotePage = notePageLink
		}
		out = append(out, n)
	}
	return out
}
