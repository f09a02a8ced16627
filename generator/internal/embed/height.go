package embed

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Layout is what Height assumes of the embed stylesheet (static/css/embed.css
// and the site's base): the root font size, body line height, and the
// side padding of the embed root.
type Layout struct {
	FontPx     float64 // body text size: 17 (1.0625rem)
	LineHeight float64 // 1.85
	PadPx      float64 // padding on each side and at top and bottom
	MaxPx      float64 // widest column; 0 for none
}

// DefaultLayout matches the site's stylesheet: the embed root is at most
// 40rem wide plus its padding.
func DefaultLayout() Layout { return Layout{FontPx: 17, LineHeight: 1.85, PadPx: 16, MaxPx: 640} }

// block is how one kind of element lays out: its font scale relative to
// its parent, line height, and vertical margins in its own ems.
type block struct {
	scale, line, before, after float64
}

// blocks are the text blocks of a section or chart, from the site's CSS.
var blocks = map[string]block{
	"h1":         {1.45 / 1.0625, 1.45, 20 / 23.2, 16 / 23.2},
	"h2":         {1.2 / 1.0625, 1.45, 32 / 19.2, 12 / 19.2},
	"p":          {1, 0, 0, 1.1},
	"li":         {1, 0, 0, 0},
	"figcaption": {1, 0, 0, 0.5},
	"summary":    {1, 0, 0, 0},
	"footer":     {0.85, 0, 1, 0},
}

// Height estimates the height in CSS pixels of an embed page's body laid
// out width pixels wide: CJK characters are one em wide, Latin and digits
// about half; each text block fills whole lines; an SVG chart scales its
// viewBox to the column. It errs a little high, so a host without the
// resize script shows all of the text and a small gap rather than cutting
// the end off.
func Height(doc []byte, width int, l Layout) int {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return 0
	}
	return heightOf(root, width, l)
}

// heightOf is Height of a parsed page.
func heightOf(root *html.Node, width int, l Layout) int {
	body := find(root, "body")
	if body == nil {
		return 0
	}
	col := float64(width) - 2*l.PadPx
	if l.MaxPx > 0 && col > l.MaxPx {
		col = l.MaxPx
	}
	h := 2*l.PadPx + measure(body, col, l.FontPx, l.LineHeight)
	return int(math.Ceil(h*1.04/10) * 10)
}

func find(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// measure is the height of n's block content at font size px.
func measure(n *html.Node, col, px, line float64) float64 {
	if n.Type != html.ElementNode || hidden(n) {
		return 0
	}
	switch n.Data {
	case "svg":
		return svgHeight(n, col)
	case "details":
		if _, open := attr(n, "open"); !open {
			if s := find(n, "summary"); s != nil {
				return lines(text(s), col, px)*px*line + 0.4*px
			}
			return 0
		}
	case "table":
		var h float64
		walk(n, func(c *html.Node) {
			if c.Data == "tr" || c.Data == "caption" {
				h += lines(text(c), col, px*0.875)*px*0.875*1.7 + 6
			}
		})
		return h
	}
	if b, ok := blocks[n.Data]; ok && !hasBlockChild(n) {
		fs := px * b.scale
		lh := line
		if b.line > 0 {
			lh = b.line
		}
		return (b.before+b.after)*fs + lines(text(n), col, fs)*fs*lh
	}
	fs := px
	switch {
	case hasClass(n, "endnotes"):
		fs, line = px*0.95, 1.85
	case hasClass(n, "uses"):
		fs, line = px*0.9, 1.9
	case hasClass(n, "chart-source"), hasClass(n, "chart-data"), hasClass(n, "chart-sub"):
		fs, line = px*0.875, 1.5
	}
	var h float64
	if hasClass(n, "chart") {
		h += 3 * px // margins and padding of the figure
	}
	if hasClass(n, "endnotes") {
		h += 4 * fs // margin, padding and rule above the notes
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h += measure(c, col, fs, line)
	}
	if hasClass(n, "chart-title") || hasClass(n, "chart-sub") || hasClass(n, "chart-source") {
		h = lines(text(n), col, fs) * fs * 1.5
	}
	return h
}

func hidden(n *html.Node) bool {
	switch n.Data {
	case "head", "script", "style", "title", "template":
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true // e.g. a chart's narrow layout, shown only at 大 on a phone
	}
	return hasClass(n, "vh") || hasClass(n, "embed-only-js")
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "p", "ul", "ol", "div", "section", "figure", "details", "table", "h1", "h2", "h3":
			return true
		}
	}
	return false
}

// lines is how many lines text fills in a column col pixels wide at font
// size px.
func lines(s string, col, px float64) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	var w float64
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r < 0x80 && unicode.IsSpace(r):
			w += 0.3
		case r < 0x2000:
			w += 0.56
		default:
			w++
		}
	}
	per := math.Floor(col / px)
	if per < 1 {
		per = 1
	}
	// Line breaking wastes part of a line now and then (kinsoku, a Latin
	// word that does not fit).
	return math.Ceil(w * 1.03 / per)
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && hidden(n) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// svgHeight scales a chart's viewBox to the column; charts are at most
// 27rem (432 px) wide.
func svgHeight(n *html.Node, col float64) float64 {
	vb, _ := attr(n, "viewBox")
	f := strings.Fields(vb)
	if len(f) != 4 {
		return 0
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || w <= 0 {
		return 0
	}
	return h * math.Min(col, 432) / w
}
