package chart

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	edmodel "edition/generator/internal/model"
)

// Drawn is a chart drawn for one place: its <figure>, and what the
// figure shows, for estimating its height without reading the HTML. A
// layout (Node.Layout) holds a mark where each link goes, which Fill
// replaces with the link as the place writes it.
type Drawn struct {
	HTML  []byte
	Box   Box
	links []string // a layout's linked paragraph ids, by mark number
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
	return m.layout(cfg).Fill(c, cfg.href)
}

// layout renders the <figure> with a mark for each link to a paragraph:
// the page, its embed page, the 全文 page and the figures page show the
// same drawing with their own links, so it is drawn (and put in the
// edition's script) once.
func (m *model) layout(cfg Config) Drawn {
	uid := "chart-" + m.Spec.ID
	var d Drawn
	link := func(para string) string {
		d.links = append(d.links, para)
		return linkMark(len(d.links) - 1)
	}
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<figure class="chart chart-%s" id="%s" data-chart="%s">`+"\n", m.Spec.Kind, uid, esc(m.Spec.ID))
	p(`<figcaption class="chart-head"><span class="chart-title" id="%s-title">%s</span>`, uid, esc(m.Spec.Title))
	if m.Spec.Subtitle != "" {
		p(`<span class="chart-sub">%s</span>`, esc(m.Spec.Subtitle))
	}
	b.WriteString("</figcaption>\n")
	o := svgOptions{Href: cfg.href, Link: link, Cite: cfg.cite, Labelledby: uid + "-title", Source: cfg.Source}
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
		p(`<a %s>%s</a>`, link(para), esc(cfg.cite(para)))
		source += cfg.cite(para)
	}
	b.WriteString("</p>\n")
	b.WriteString(m.tableHTML(cfg, link))
	b.WriteString("</figure>\n")
	d.HTML = []byte(b.String())
	d.Box = Box{Caption: m.Spec.Title + m.Spec.Subtitle, W: width, H: h, Source: source, Summary: tableSummary}
	return d
}

// A link mark stands for a link's attributes in a layout. Nothing else in
// the HTML has a raw "<" before a NUL: text is escaped, and tags are ours.
const markOpen, markClose = "<\x00", "\x00>"

func linkMark(n int) string { return markOpen + strconv.Itoa(n) + markClose }

// Fill writes a layout's links to the paragraphs at href(id), as copy c
// writes them (nil: as the page does). A Drawn without marks is returned
// as it is.
func (d Drawn) Fill(c edmodel.Relinker, href func(para string) string) Drawn {
	if len(d.links) == 0 {
		return Drawn{HTML: d.HTML, Box: d.Box}
	}
	var b bytes.Buffer
	b.Grow(len(d.HTML) + 64*len(d.links))
	rest := d.HTML
	for {
		i := bytes.Index(rest, []byte(markOpen))
		if i < 0 {
			break
		}
		j := bytes.Index(rest[i:], []byte(markClose))
		n, err := strconv.Atoi(string(rest[i+len(markOpen) : i+max(j, len(markOpen))]))
		if j < 0 || err != nil || n < 0 || n >= len(d.links) {
			break // not a mark of this layout: nothing wrote one
		}
		b.Write(rest[:i])
		b.WriteString(hrefAttr(c, href(d.links[n])))
		rest = rest[i+j+len(markClose):]
	}
	b.Write(rest)
	return Drawn{HTML: b.Bytes(), Box: d.Box}
}

// tableSummary is what the folded data table shows.
const tableSummary = "數據表"

// tableHTML is the chart's data as a table, the text alternative readers
// can open, copy and print.
func (m *model) tableHTML(cfg Config, link func(para string) string) string {
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
					esc(label), esc(period(mk)), esc(sayValue(mk.Fig)), link(mk.Fig.Para), esc(cfg.cite(mk.Fig.Para)), esc(mk.Fig.Phrase))
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
