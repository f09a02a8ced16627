package chart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	edmodel "edition/generator/internal/model"
)

// Geometry in SVG user units. The viewBox is 360 wide so that 14-unit text
// is still 11 CSS px when the chart is 288 px wide (a 320 px phone with
// margins), and the chart grows up to its max-width on wide screens. The
// narrow layout, 240 wide, is the one shown at 大 on a phone (chart.css):
// there the column is 280–320 px (a 320 to a 360 px phone), so 14-unit
// text is 16.3–18.7 CSS px, near the body text around it, where the wide
// layout would give 11–12.4.
const (
	width       = 360.0
	narrowWidth = 240.0
	fsStat      = 40.0 // a lone value's big number
	pad         = 8.0
	fsLabel     = 15.0
	fsValue     = 14.0
	barH        = 18.0
	barGap      = 5.0
	rowGap      = 12.0
	minBar      = 110.0
	fontList    = `'PingFang SC','PingFang TC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans CJK TC','Source Han Sans SC',sans-serif`
)

// svgOptions choose between the inline chart and the standalone file.
type svgOptions struct {
	Standalone bool
	Narrow     bool // the narrow layout, ids suffixed "-n"
	Href       func(para string) string
	Link       func(para string) string // a link's attributes (a layout's mark); nil: href="…" from Href
	Cite       func(para string) string
	Labelledby string // id of the visible title (inline)
	Source     string // the report's name, as Config.Source
}

// link is the attributes of a link to para.
func (o svgOptions) link(para string) string {
	if o.Link != nil {
		return o.Link(para)
	}
	return hrefAttr(nil, o.Href(para))
}

// hrefAttr is ` + "`" + `href="…"` + "`" + ` for a link to href on the page, as copy c
// (when not nil) writes it, with the attributes it adds.
func hrefAttr(c edmodel.Relinker, href string) string {
	h, attrs := edmodel.LinkAttrs(c, href, false)
	return `href="` + esc(h) + `"` + attrs
}

// textWidth estimates the width of s in user units: CJK one em, ASCII a
// little over half.
func textWidth(s string, fs float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r < 0x80:
			w += 0.6
		default:
			w += 1.0
		}
	}
	return w * fs
}

const noLineStart = "，。、；：？！」』）》〉”’%"

// wrap splits s into lines at most w units wide.
func wrap(s string, fs, w float64) []string {
	var lines []string
	var cur []rune
	for _, r := range s {
		if len(cur) > 0 && textWidth(string(append(cur, r)), fs) > w {
			k := breakAt(cur, r)
			lines = append(lines, string(cur[:k]))
			cur = append([]rune(nil), cur[k:]...)
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// breakAt picks where to end a full line cur before next: not inside a
// number or word, and not before closing punctuation.
func breakAt(cur []rune, next rune) int {
	k := len(cur)
	for k > 1 {
		after := next
		if k < len(cur) {
			after = cur[k]
		}
		if !(strings.ContainsRune(noLineStart, after) || (unbreakable(cur[k-1]) && unbreakable(after))) {
			return k
		}
		k--
	}
	return len(cur) // nowhere better: break anyway
}

func unbreakable(r rune) bool {
	return r < 0x80 && r != ' '
}

type svgWriter struct {
	b strings.Builder
	y float64
	w float64 // the viewBox width: width or narrowWidth
}

func (w *svgWriter) f(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

func esc(s string) string { return html.EscapeString(s) }

func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// text writes wrapped text lines starting at the cursor.
func (w *svgWriter) text(s, class string, fs float64) {
	for _, l := range wrap(s, fs, w.w-2*pad) {
		w.y += fs + 3
		w.f(`<text x="%s" y="%s" font-size="%s" class="%s">%s</text>`, num(pad), num(w.y), num(fs), class, esc(l))
		w.b.WriteByte('\n')
	}
}

// render draws the model as an <svg> element.
func (m *model) render(o svgOptions) string {
	svg, _ := m.renderSized(o)
	return svg
}

// renderSized is render, and the height of its viewBox.
func (m *model) renderSized(o svgOptions) (string, float64) {
	uid := "chart-" + m.Spec.ID
	body := &svgWriter{w: width}
	if o.Narrow {
		uid, body.w = uid+"-n", narrowWidth
	}
	if o.Standalone {
		body.text(m.Spec.Title, "t-title", 17)
		if m.Spec.Subtitle != "" {
			body.text(m.Spec.Subtitle, "t-muted", fsValue)
		}
		body.y += 6
	}
	for i, p := range m.Panels {
		if i > 0 {
			body.y += 8
			body.f(`<line x1="%s" x2="%s" y1="%s" y2="%s" class="rule"/>`+"\n", num(pad), num(body.w-pad), num(body.y), num(body.y))
		}
		if len(m.Panels) > 1 {
			body.text(p.Heading, "t-muted", fsValue)
			body.y += 2
		}
		m.renderPanel(body, p, o, uid)
	}
	m.footer(body, o)
	h := math.Ceil(body.y + pad + 4)
	var w svgWriter
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s"`, num(body.w), num(h))
	if o.Standalone {
		w.f(` width="%s" height="%s" xml:lang="zh-Hant"`, num(width*2), num(h*2))
	}
	// role="group", not "img": an img's children are presentational, so
	// the bars' links to their paragraphs would be unreachable by keyboard
	// and screen reader (axe: nested-interactive). The group keeps the
	// title as its name and the description.
	w.f(` role="group" aria-labelledby="%s" aria-describedby="%s-desc" font-family="%s" class="chart-svg chart-%s">`+"\n", o.Labelledby, uid, esc(fontList), m.Spec.Kind)
	// Inline, the figure's caption above names the chart: a <title> would
	// say the title a second time, and as a tooltip over every bar.
	if o.Standalone {
		w.f("<title id=\"%s-t\">%s</title>\n", uid, esc(m.Spec.Title))
	}
	w.f("<desc id=\"%s-desc\">%s</desc>\n", uid, esc(m.description()))
	if o.Standalone {
		w.f("<style>%s</style>\n", standaloneCSS)
		w.f(`<rect width="100%%" height="100%%" class="bg"/>` + "\n")
	}
	w.f(`<defs><pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>`+"\n", uid)
	w.b.WriteString(body.b.String())
	w.b.WriteString("</svg>")
	return w.b.String(), h
}

func (m *model) renderPanel(w *svgWriter, p panel, o svgOptions, uid string) {
	switch {
	case m.Spec.Kind == KindPart:
		m.renderPart(w, p, o, uid)
		return
	case p.Stat:
		m.renderStat(w, p.Rows[0], o)
		return
	}
	// Leave room right of the longest bar for the longest value label.
	maxTW := 0.0
	for _, r := range p.Rows {
		for _, mk := range r.Marks {
			maxTW = math.Max(maxTW, textWidth(m.markText(mk), fsValue))
		}
	}
	span := math.Max(minBar, w.w-2*pad-6-maxTW)
	top := w.y
	for _, r := range p.Rows {
		w.text(r.Label, "t-label", fsLabel)
		w.y += 4
		for _, mk := range r.Marks {
			m.bar(w, mk, scale(mk.Value, p.Max, span), o, uid)
		}
		if m.Both {
			if len(r.Marks) == 1 {
				miss := m.missingText(r.Marks[0])
				w.y += fsValue
				w.f(`<text x="%s" y="%s" font-size="14" class="t-muted">%s</text>`+"\n", num(pad+4), num(w.y), esc(miss))
				w.y += 4
			}
		}
		w.y += rowGap - barGap
	}
	w.f(`<line x1="%s" x2="%s" y1="%s" y2="%s" class="axis"/>`+"\n", num(pad), num(pad), num(top+fsLabel+6), num(w.y-rowGap+barGap))
}

func scale(v, max, span float64) float64 {
	if max <= 0 {
		return 0
	}
	return math.Max(1, v/max*span)
}

// markText is the label beside a bar: series in words, then the value.
func (m *model) markText(mk mark) string {
	if n := m.seriesName(mk); n != "" {
		return n + " " + valueText(mk.Fig)
	}
	return valueText(mk.Fig)
}

// bar draws one linked bar and its value label.
func (m *model) bar(w *svgWriter, mk mark, bw float64, o svgOptions, uid string) {
	class, fill := "m-a", ""
	if mk.Series == "b" {
		class, fill = "m-b", fmt.Sprintf(` fill="url(#%s-hatch)"`, uid)
	}
	label := m.markText(mk)
	tw := textWidth(label, fsValue)
	x, anchor, tclass := pad+bw+6, "start", "t-value"
	below := false
	if x+tw > w.w-pad {
		if tw+12 <= bw {
			x, anchor, tclass = pad+bw-6, "end", "t-inbar"
		} else {
			x, below = pad+4, true
		}
	}
	w.f(`<a %s class="mark">`, o.link(mk.Fig.Para))
	w.f(`<rect x="%s" y="%s" width="%s" height="%s" class="%s"%s><title>%s</title></rect>`, num(pad), num(w.y), num(bw), num(barH), class, fill, esc(m.label(mk.Fig)+" "+label))
	ty := w.y + barH/2 + fsValue*0.35
	if below {
		ty = w.y + barH + fsValue + 2
	}
	w.f(`<text x="%s" y="%s" font-size="14" text-anchor="%s" class="%s">%s</text></a>`+"\n", num(x), num(ty), anchor, tclass, esc(label))
	w.y += barH + barGap
	if below {
		w.y += fsValue + 4
	}
}

// renderPart draws a whole as one outlined, empty bar with its parts laid
// over it from the left, each part named on its own line below. The rest
// is left unfilled: hatching means a 2024 target in every chart.
func (m *model) renderPart(w *svgWriter, p panel, o svgOptions, uid string) {
	whole := p.Rows[0].Marks[0]
	span := w.w - 2*pad
	w.text(p.Rows[0].Label+" "+valueText(whole.Fig), "t-label", fsLabel)
	w.y += 4
	w.f(`<a %s class="mark"><rect x="%s" y="%s" width="%s" height="%s" class="m-rest"><title>%s</title></rect></a>`+"\n",
		o.link(whole.Fig.Para), num(pad), num(w.y), num(span), num(barH+6), esc(p.Rows[0].Label+" "+valueText(whole.Fig)))
	x := pad
	for i, r := range p.Rows[1:] {
		mk := r.Marks[0]
		bw := scale(mk.Value, whole.Value, span)
		class := "m-a"
		if i%2 == 1 {
			class = "m-a2"
		}
		w.f(`<a %s class="mark"><rect x="%s" y="%s" width="%s" height="%s" class="%s"><title>%s</title></rect></a>`+"\n",
			o.link(mk.Fig.Para), num(x), num(w.y), num(bw), num(barH+6), class, esc(r.Label+" "+valueText(mk.Fig)))
		// A tick under the part's end ties the text below to the bar.
		w.f(`<line x1="%s" x2="%s" y1="%s" y2="%s" class="tick"/>`+"\n", num(x+bw), num(x+bw), num(w.y), num(w.y+barH+12))
		x += bw
	}
	w.y += barH + 12
	for _, r := range p.Rows[1:] {
		mk := r.Marks[0]
		w.f(`<a %s class="mark">`, o.link(mk.Fig.Para))
		lines := wrap("其中"+r.Label+" "+valueText(mk.Fig), fsValue, w.w-2*pad)
		lines = append(lines, wrap(share(mk, whole), fsValue, w.w-2*pad)...)
		for _, l := range lines {
			w.y += fsValue + 3
			w.f(`<text x="%s" y="%s" font-size="14" class="t-value">%s</text>`, num(pad), num(w.y), esc(l))
		}
		w.b.WriteString("</a>\n")
	}
	w.y += rowGap
}

// renderStat draws a panel of one value as a big number: its label, the
// value in words linked to its paragraph, and its period (and, in a
// compare chart, which series the report leaves out). A lone bar would
// compare the value with nothing; Our World in Data states a single value
// as a number with its label, date and source (its data callouts and key
// indicators), and Datawrapper keeps bars for comparisons.
func (m *model) renderStat(w *svgWriter, r row, o svgOptions) {
	mk := r.Marks[0]
	w.text(r.Label, "t-label", fsLabel)
	w.y += 2
	class := "t-stat t-stat-a"
	if mk.Series == "b" {
		class = "t-stat t-stat-b"
	}
	w.f(`<a %s class="mark">`, o.link(mk.Fig.Para))
	for _, l := range wrap(sayValue(mk.Fig), fsStat, w.w-2*pad) {
		w.y += fsStat
		w.f(`<text x="%s" y="%s" font-size="%s" class="%s">%s</text>`, num(pad), num(w.y), num(fsStat), class, esc(l))
	}
	w.b.WriteString("</a>\n")
	w.y += 4
	if p := period(mk); p != "" {
		w.text(p, "t-muted", fsValue)
	}
	if m.Both {
		w.text(m.missingText(mk), "t-muted", fsValue)
	}
	w.y += rowGap
}

// standaloneCSS styles a downloaded SVG without the site's stylesheet:
// light theme, system CJK fonts.
const standaloneCSS = `.bg{fill:#fff}text{fill:#1a1a1a;font-size:14px}.t-title{font-size:17px;font-weight:bold}.t-label{font-size:15px}.t-stat{font-size:40px;font-weight:bold}.t-stat-a{fill:#1f5f8b}.t-stat-b{fill:#b4451f}.t-muted{fill:#555}.t-inbar{fill:#fff}.m-a{fill:#1f5f8b}.m-a2{fill:#7a3e9d}.m-b{stroke:#b4451f;stroke-width:1.5}.m-rest{fill:#fff;stroke:#1a1a1a;stroke-width:1.5}.hatch-bg{fill:#fff}.hatch-line{stroke:#b4451f;stroke-width:2.5}.axis,.tick{stroke:#1a1a1a;stroke-width:1}.rule{stroke:#ccc}`

// footer draws the lines under the panels: the legend, the spec's note
// and, standing alone, the source.
func (m *model) footer(body *svgWriter, o svgOptions) {
	for _, l := range m.legend() {
		if m.Spec.Kind == KindCompare {
			body.y += 4
		}
		body.text(l, "t-muted", fsValue)
	}
	if m.Spec.Note != "" {
		body.y += 2
		body.text(m.Spec.Note, "t-muted", fsValue)
	}
	if o.Standalone {
		body.y += 4
		var cites []string
		for _, p := range m.Paras {
			cites = append(cites, o.Cite(p))
		}
		body.text(sourceLabel(o.Source)+strings.Join(cites, "、"), "t-muted", fsValue)
	}
}

// sourceLabel is the start of a chart's source line: "資料來源：" and the
// report's name, then the cited paragraphs.
func sourceLabel(report string) string {
	if report == "" {
		return "資料來源："
	}
	return "資料來源：" + report + " "
}

// seriesYear is "2023年" for the year of a series' figures ("a" outturns,
// "b" targets), from the dataset, or "" when the figures name none.
func (m *model) seriesYear(series string) string {
	for _, p := range m.Panels {
		for _, r := range p.Rows {
			for _, mk := range r.Marks {
				if mk.Series == series && mk.Fig.Year != 0 {
					return strconv.Itoa(mk.Fig.Year) + "年"
				}
			}
		}
	}
	return ""
}
