package pressimg

import (
	"math"
	"strings"

	"edition/generator/internal/chart"
	"edition/generator/internal/qr"
)

// ChartWidth is a chart image's width: a 公众号 article's image width, so
// the picture is shown 1:1 on a phone at 3 device pixels per CSS pixel.
const ChartWidth = 1080

// Geometry of a chart image in pixels. A 公众号 article shows the image
// about 343 CSS px wide on a 375 px phone, a third of its pixels: the
// smallest text here, 34 px, reads as 11 CSS px, and values as 12.
const (
	margin   = 56.0
	fsTitle  = 56.0
	fsSub    = 36.0
	fsLabel  = 40.0
	fsValue  = 38.0
	fsSmall  = 34.0
	fsStat   = 112.0 // a lone value's big number (the SVG's 40 units in 360, ×3)
	barH     = 56.0
	barGap   = 10.0
	rowGap   = 26.0
	minBar   = 330.0
	qrModule = 7.0
)

// This package's own words, in the seed's script like package chart's.
const (
	wordSource = "資料來源："
	wordScan   = "掃描二維碼，閱讀圖表和它依據的段落"
)

// ChartInfo is what a chart image says besides the chart itself. Texts
// are in the edition's script; Conv converts this package's own words
// (written in the seed's Traditional script, like package chart's).
type ChartInfo struct {
	Edition   string // the edition's name
	Report    string // the report the source line names
	Cite      func(para string) string
	Permalink string // absolute URL of the chart, for the QR code; "" draws none
	Conv      func(string) string
}

func (i ChartInfo) conv(s string) string {
	if i.Conv == nil {
		return s
	}
	return i.Conv(s)
}

// Chart draws d as a PNG ChartWidth pixels wide.
func Chart(f *Fonts, d *chart.Drawing, info ChartInfo) ([]byte, error) {
	s := newSheet(f, ChartWidth)
	inner := s.W - 2*margin
	s.y = margin - 10
	s.para(margin, inner, d.Title, style{fsTitle, true, ink}, 1.3)
	if d.Subtitle != "" {
		s.para(margin, inner, d.Subtitle, style{fsSub, false, muted}, 1.4)
	}
	s.y += 24
	for i, p := range d.Panels {
		if i > 0 {
			s.y += 12
			s.line(margin, s.y, s.W-margin, s.y, 2, rule)
			s.y += 8
		}
		if p.Heading != "" {
			s.para(margin, inner, p.Heading, style{fsSmall, false, muted}, 1.5)
			s.y += 4
		}
		switch {
		case p.Stat != nil:
			s.statPanel(p.Stat)
		case d.Kind == chart.KindPart:
			s.partPanel(p)
		default:
			s.barPanel(p)
		}
	}
	for _, l := range append(append([]string(nil), d.Legend...), d.Note) {
		if l != "" {
			s.para(margin, inner, l, style{fsSmall, false, muted}, 1.45)
		}
	}
	if err := s.footer(d, info); err != nil {
		return nil, err
	}
	return s.png(s.y + margin)
}

// barPanel draws a bar or compare panel: each row's label above its bars.
func (s *sheet) barPanel(p chart.DrawingPanel) {
	inner := s.W - 2*margin
	maxTW := 0.0
	for _, r := range p.Rows {
		for _, m := range r.Marks {
			maxTW = math.Max(maxTW, s.f.width(m.Text, style{Size: fsValue}))
		}
	}
	span := math.Max(minBar, inner-16-maxTW)
	for _, r := range p.Rows {
		s.para(margin, inner, r.Label, style{fsLabel, false, ink}, 1.35)
		s.y += 8
		top := s.y
		for _, m := range r.Marks {
			s.bar(m, scale(m.Value, p.Max, span))
		}
		// The zero line of the row's bars.
		s.line(margin, top-4, margin, s.y-barGap+4, 2, ink)
		if r.Missing != "" {
			s.para(margin+6, inner, r.Missing, style{fsSmall, false, muted}, 1.3)
			s.y += 4
		}
		s.y += rowGap - barGap
	}
}

// statPanel draws a panel of one value as the SVG does: its label, the
// value as a big number in its series' colour, its period and what the
// report leaves out.
func (s *sheet) statPanel(st *chart.DrawingStat) {
	inner := s.W - 2*margin
	s.para(margin, inner, st.Label, style{fsLabel, false, ink}, 1.35)
	c := blue
	if st.Target {
		c = orange
	}
	s.para(margin, inner, st.Value, style{fsStat, true, c}, 1.15)
	s.y += 8
	for _, l := range []string{st.Period, st.Missing} {
		if l != "" {
			s.para(margin, inner, l, style{fsSmall, false, muted}, 1.45)
		}
	}
	s.y += rowGap
}

func scale(v, max, span float64) float64 {
	if max <= 0 {
		return 0
	}
	return math.Max(2, v/max*span)
}

// bar draws one bar and its value: beside it, inside it in white, or below
// it when neither fits.
func (s *sheet) bar(m chart.DrawingMark, bw float64) {
	x, y := margin, s.y
	if m.Target {
		s.hatch(x, y, bw, barH, orange)
		s.outline(x, y, bw, barH, 3, orange)
	} else {
		s.rect(x, y, bw, barH, blue)
	}
	st := style{Size: fsValue, Color: ink}
	tw := s.f.width(m.Text, st)
	base := y + barH/2 + fsValue*0.36
	switch {
	case x+bw+14+tw <= s.W-margin:
		s.textAt(x+bw+14, base, m.Text, st)
	case !m.Target && tw+28 <= bw:
		st.Color = paper
		s.textAt(x+bw-14-tw, base, m.Text, st)
	default:
		s.y += barH
		s.para(x+6, s.W-2*margin, m.Text, st, 1.3)
		s.y += barGap
		return
	}
	s.y += barH + barGap
}

// partPanel draws a whole as one outlined bar (the SVG's empty frame:
// hatching means a target everywhere) with its parts laid over it
// from the left, a tick at each part's end, and each part in words below.
func (s *sheet) partPanel(p chart.DrawingPanel) {
	inner := s.W - 2*margin
	whole := p.Rows[0]
	s.para(margin, inner, whole.Label+" "+whole.Marks[0].Text, style{fsLabel, false, ink}, 1.35)
	s.y += 8
	h := barH + 18
	s.outline(margin, s.y, inner, h, 3, orange)
	x := margin
	for i, r := range p.Rows[1:] {
		bw := scale(r.Marks[0].Value, whole.Marks[0].Value, inner)
		c := blue
		if i%2 == 1 {
			c = purple
		}
		s.rect(x, s.y, bw, h, c)
		s.line(x+bw, s.y, x+bw, s.y+h+24, 2, ink)
		x += bw
	}
	s.y += h + 24
	for _, r := range p.Rows[1:] {
		s.para(margin, inner, "其中"+r.Label+" "+r.Marks[0].Text, style{fsValue, false, ink}, 1.35)
		s.para(margin, inner, r.Share, style{fsSmall, false, muted}, 1.35)
		s.y += 6
	}
	s.y += rowGap
}

// footer draws the source line, the edition's name and the link back,
// with the QR code of the permalink on the right.
func (s *sheet) footer(d *chart.Drawing, info ChartInfo) error {
	s.y += 20
	s.line(margin, s.y, s.W-margin, s.y, 2, rule)
	s.y += 24
	top := s.y
	textW := s.W - 2*margin
	var code *qr.Code
	if info.Permalink != "" {
		c, err := qr.Encode(info.Permalink)
		if err != nil {
			return err
		}
		code = c
		textW -= float64(c.Size()+2*qr.Quiet)*qrModule + 16
	}
	var cites []string
	for _, p := range d.Paras {
		cites = append(cites, unbreakable(info.Cite(p)))
	}
	s.para(margin, textW, info.conv(wordSource)+info.Report+" "+strings.Join(cites, "、"), style{fsSmall, false, muted}, 1.45)
	s.y += 10
	s.para(margin, textW, info.Edition, style{fsSmall, true, ink}, 1.45)
	if code != nil {
		s.para(margin, textW, info.conv(wordScan), style{30, false, muted}, 1.5)
		s.y = math.Max(s.y, top+s.qr(code, s.W-margin, top))
	}
	return nil
}

// qr draws a code with its quiet zone, right edge at right and top at top,
// modules on whole pixels so every edge is sharp; it returns the height.
func (s *sheet) qr(c *qr.Code, right, top float64) float64 {
	side := float64(c.Size()+2*qr.Quiet) * qrModule
	left := math.Round(right - side)
	top = math.Round(top)
	s.rect(left, top, side, side, paper)
	c.Runs(func(x, y, n int) {
		s.rect(left+float64(x+qr.Quiet)*qrModule, top+float64(y+qr.Quiet)*qrModule, float64(n)*qrModule, qrModule, ink)
	})
	return side
}
