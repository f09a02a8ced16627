// Package fontsubset cuts the characters the edition's images need from a
// full CJK font into the outline files package glyphs reads. It is used by
// the `fontsubset` command only: the build reads the committed files and
// never a system font.
package fontsubset

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tdewolff/font"

	"edition/generator/internal/glyphs"
)

// Source names the full font a subset is cut from.
type Source struct {
	Data  []byte
	Index int    // face in a collection (.ttc): 2 is SC in Noto Sans CJK
	Name  string // shown in the file's header, e.g. "NotoSansCJK-Regular.ttc"
}

// Cut cuts the outlines of runes (and glyphs.Always, and printable ASCII) from
// src into an SVG font file for weight. The same inputs give the same bytes.
func Cut(src Source, weight string, runes []rune) ([]byte, error) {
	f, err := font.ParseFont(src.Data, src.Index)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", src.Name, err)
	}
	var b strings.Builder
	writeHeader(&b, f, src, weight)
	for _, r := range charset(runes) {
		id := f.GlyphIndex(r)
		if id == 0 {
			return nil, fmt.Errorf("%s has no glyph for %q (U+%04X)", src.Name, r, r)
		}
		p := &pather{}
		if err := f.GlyphPath(p, id, 0, 0, 0, 1, font.NoHinting); err != nil {
			return nil, fmt.Errorf("%s: glyph %q: %v", src.Name, r, err)
		}
		p.Close()
		fmt.Fprintf(&b, "<glyph unicode=\"%s\" horiz-adv-x=\"%d\" d=\"%s\"/>\n", xmlChar(r), f.GlyphAdvance(id), strings.TrimSpace(p.b.String()))
	}
	b.WriteString("</font>\n</defs>\n</svg>\n")
	return []byte(b.String()), nil
}

// charset is runes, glyphs.Always and printable ASCII, each once, in code
// point order, without control characters.
func charset(runes []rune) []rune {
	set := map[rune]bool{}
	for _, r := range append(append([]rune(nil), runes...), []rune(glyphs.Always)...) {
		set[r] = true
	}
	for r := rune(0x20); r < 0x7f; r++ {
		set[r] = true
	}
	list := make([]rune, 0, len(set))
	for r := range set {
		if r >= 0x20 {
			list = append(list, r)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	return list
}

func writeHeader(b *strings.Builder, f *font.SFNT, src Source, weight string) {
	asc, desc, _ := f.VerticalMetrics()
	fw := 400
	if weight == glyphs.Bold {
		fw = 700
	}
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(b, "<!-- Outlines cut from %s (face %d) by `%s`.\n", src.Name, src.Index, glyphs.Command)
	b.WriteString("     Noto Sans CJK: © 2014-2021 Adobe (http://www.adobe.com/).\n")
	b.WriteString("     Licensed under the SIL Open Font License, Version 1.1: see OFL.txt beside this file. -->\n")
	b.WriteString("<svg xmlns=\"http://www.w3.org/2000/svg\"><defs>\n")
	fmt.Fprintf(b, "<font id=\"%s\" horiz-adv-x=\"%d\">\n", weight, f.Head.UnitsPerEm)
	fmt.Fprintf(b, "<font-face font-family=\"Edition Noto Sans CJK SC subset\" font-weight=\"%d\" units-per-em=\"%d\" ascent=\"%d\" descent=\"-%d\"/>\n",
		fw, f.Head.UnitsPerEm, asc, desc)
}

func xmlChar(r rune) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&quot;"
	}
	return string(r)
}

// pather writes an outline as SVG path data, coordinates rounded to a
// tenth of a font unit (1/10000 em: far below a pixel at any size drawn).
type pather struct {
	b    strings.Builder
	open bool // a contour is started and not closed
}

func (p *pather) pt(cmd byte, xy ...float64) {
	p.b.WriteByte(cmd)
	for i, v := range xy {
		if i > 0 {
			p.b.WriteByte(' ')
		}
		v = math.Round(v*10) / 10
		if v == 0 {
			v = 0 // no "-0"
		}
		p.b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	}
}

func (p *pather) MoveTo(x, y float64) {
	p.Close()
	p.pt('M', x, y)
	p.open = true
}
func (p *pather) LineTo(x, y float64)             { p.pt('L', x, y) }
func (p *pather) QuadTo(a, b, x, y float64)       { p.pt('Q', a, b, x, y) }
func (p *pather) CubeTo(a, b, c, d, x, y float64) { p.pt('C', a, b, c, d, x, y) }
func (p *pather) Close() {
	if p.open {
		p.b.WriteByte('Z')
		p.open = false
	}
}
