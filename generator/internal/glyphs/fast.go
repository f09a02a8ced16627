package glyphs

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The common set makes each file megabytes, which encoding/xml takes about
// a second to read; the first image a build draws waits for it. fastGlyphs
// reads the lines Cut writes, one glyph each, with plain string scanning
// (tens of milliseconds). Anything else in a glyph line (another
// attribute order, an entity Cut does not write) makes it give up, and
// ParseFace reads the file with encoding/xml as before; TestFastGlyphs
// shows both give the same faces for the committed files.

const (
	glyphOpen = `<glyph unicode="`
	advAttr   = `" horiz-adv-x="`
	dAttr     = `" d="`
	glyphEnd  = `"/>`
)

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`)

// fastGlyphs returns the glyphs of a file whose glyph elements are each a
// line as Cut writes them, or false.
func fastGlyphs(b []byte) (map[rune]Glyph, bool) {
	out := map[rune]Glyph{}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if !bytes.Contains(line, []byte("<glyph")) {
			continue
		}
		r, g, ok := fastGlyph(string(line))
		if !ok {
			return nil, false
		}
		out[r] = g
	}
	return out, true
}

func fastGlyph(l string) (rune, Glyph, bool) {
	rest, ok := strings.CutPrefix(l, glyphOpen)
	u, rest, ok2 := strings.Cut(rest, advAttr)
	adv, rest, ok3 := strings.Cut(rest, dAttr)
	d, tail, ok4 := strings.Cut(rest, `"`)
	if !ok || !ok2 || !ok3 || !ok4 || tail != "/>" || strings.ContainsAny(d, "&<") {
		return 0, Glyph{}, false
	}
	if strings.Contains(u, "&") {
		u = unescape.Replace(u)
		if strings.Contains(u, "&") && u != "&" {
			return 0, Glyph{}, false
		}
	}
	r, n := utf8.DecodeRuneInString(u)
	a, err := strconv.ParseFloat(adv, 64)
	if r == utf8.RuneError || n != len(u) || err != nil {
		return 0, Glyph{}, false
	}
	return r, Glyph{Advance: a, Path: d}, true
}
