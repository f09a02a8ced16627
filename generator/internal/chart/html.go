package chart

import (
	"fmt"
	"strings"

	edmodel "edition/generator/internal/model"
)

// Drawn is a chart drawn for one place: its <figure>, and what the
// figure shows, for estimating its height without reading the HTML.
type Drawn struct {
	HTML []byte
	Box  Box
}

// Box is what a chart's figure shows, top to bottom.
type Box struct {
	Caption string  // the title and subtitle, as the caption runs them together
	W, H    float64 // the (wide) chart's viewBox
	Source  string  // the source line
	Summary string  // the folded data table's summary
}

// figureHTML renders a resolved chart as an accessible <figure>, for its
// page, or for copy c (an embed page) when c is not nil.
func (m *model) figureHTML(cfg Config, c edmodel.Relinker) Drawn {
	uid := "chart-" + m.Spec.ID
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<figure class="chart chart-%s" id="%s" data-chart="%s">`+"\n", m.Spec.Kind, uid, esc(m.Spec.ID))
	p(`<figcaption class="chart-head"><span class="chart-title" id="%s-title">%s</span>`, uid, esc(m.Spec.Title))
	if m.Spec.Subtitle != "" {
		p(`<span class="chart-sub">%s</span>`, esc(m.Spec.Subtitle))
	}
	b.WriteString("</figcaption>\n")
	o := svgOptions{Href: cfg.href, Copy: c, Cite: cfg.cite, Labelledby: uid + "-title", Source: cfg.Source}
	svg, h := m.renderSized(o)
	b.WriteString(svg)
	// The narrow layout, for 大 on a phone (chart.css shows it there and
	// hides the wide one): an SVG's text scales with its width, so large
	// text on a narrow screen needs a narrower viewBox, not a CSS size.
	o.Narrow = true
	b.WriteString("\n<div class=\"chart-narrow\" hidden>" + m.render(o) + "</div>\n")
	source := sourceLabel(cfg.Source)
	p(`<p class="chart-source">%s`, esc(source))
	for i, para := range m.Paras {
		if i > 0 {
			b.WriteString("、")
			source += "、"
		}
		p(`<a %s>%s</a>`, hrefAttr(c, cfg.href(para)), esc(cfg.cite(para)))
		source += cfg.cite(para)
	}
	b.WriteString("</p>\n")
	b.WriteString(m.tableHTML(cfg, c))
	b.WriteString("</figure>\n")
	box := Box{Caption: m.Spec.Title + m.Spec.Subtitle, W: width, H: h, Source: source, Summary: tableSummary}
	return Drawn{HTML: []byte(b.String()), Box: box}
}

// tableSummary is what the folded data table shows.
const tableSummary = "數據表"

// tableHTML is the chart's data as a table, the text alternative readers
// can open, copy and print.
func (m *model) tableHTML(cfg Config, c edmodel.Relinker) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	b.WriteString(`<details class="chart-data"><summary>` + tableSummary + `</summary>` + "\n<table>\n")
	p(`<caption>%s</caption>`+"\n", esc(m.Spec.Title))
	b.WriteString(`<thead><tr><th scope="col">指標</th><th scope="col">時期</th><th scope="col">數值</th><th scope="col">原文</th></tr></thead>` + "\n<tbody>\n")
	for _, pn := range m.Panels {
		for i, r := range pn.Rows {
			for _, mk := range r.Marks {
				label := r.Label
				if m.Spec.Kind == KindPart && i > 0 {
					label = "其中" + label
				}
				p(`<tr><th scope="row">%s</th><td>%s</td><td>%s</td><td><a %s>%s</a>「%s」</td></tr>`+"\n",
					esc(label), esc(period(mk)), esc(sayValue(mk.Fig)), hrefAttr(c, cfg.href(mk.Fig.Para)), esc(cfg.cite(mk.Fig.Para)), esc(mk.Fig.Phrase))
			}
		}
	}
	b.WriteString("</tbody>\n</table>\n</details>\n")
	return b.String()
}

func period(mk mark) string {
	y := ""
	if mk.Fig.Year != 0 {
		y = fmt.Sprintf("%d年", mk.Fig.Year)
	}
	switch mk.Fig.Kind {
	case "outturn":
		return y + "實際"
	case "target":
		return y + "目標"
	}
	return y
}

// errorHTML is what readers see in place of a chart that cannot be drawn:
// a short notice, never a broken page.
func errorHTML(id string, msg string) string {
	anchor := ""
	if reSpecID().MatchString(id) {
		anchor = fmt.Sprintf(` id="chart-%s"`, id)
	}
	return fmt.Sprintf(`<div class="chart-error" role="note"%s><p>圖表暫時無法顯示。</p><p class="chart-error-detail">%s</p></div>`+"\n", anchor, esc(msg))
}
