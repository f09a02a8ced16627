package script

import "unicode/utf8"

// FoldRune maps r to its search form, or to -1 when search ignores it.
// Whitespace (ASCII, U+00A0, U+3000) is ignored; full-width ASCII forms
// (Ａ，１％) become half-width; A–Z become a–z; a Traditional or variant
// character becomes its Simplified character (減→减, 衞→卫, 著→着). The
// mapping is character for character, with no phrase context, so the same
// fold applied to the index and to a query always agrees.
//
// static/search.js does the width, case and whitespace steps itself and
// takes the character step from the table search.Build writes, so the two
// must change together.
func (c *Converter) FoldRune(r rune) rune {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u3000':
		return -1
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	if r < 0x2E80 {
		return r
	}
	return c.simpRune(r)
}

// simpRune returns the Simplified character for r: a one-character row of
// the override table first, then OpenCC t2s, then the HK and TW variant
// tables. The variant tables are skipped for characters that are standard
// Simplified with a Traditional form of their own (么↔麼), which the TW table
// would turn into something else; the odd one without (抬, TW table: 擡) is
// kept by a table row. Conversions that are not one character to one
// character leave r as it is.
func (c *Converter) simpRune(r rune) rune {
	s := string(r)
	if v, ok := c.over[s]; ok {
		if x := single(v); x >= 0 {
			return x
		}
	}
	if x := single(c.openCC(c.t2s, s)); x != r && x >= 0 {
		return x
	}
	if c.openCC(c.s2t, s) != s {
		return r
	}
	for _, cc := range c.variants {
		if x := single(c.openCC(cc, s)); x != r && x >= 0 {
			return x
		}
	}
	return r
}

func single(s string) rune {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) {
		return -1
	}
	return r
}

// Fold returns the search form of s and, for each rune of it, the offset in
// runes of the character of s it came from, so a match in the folded text
// can be highlighted in the original.
func (c *Converter) Fold(s string) (string, []int) {
	out := make([]rune, 0, len(s)/3)
	idx := make([]int, 0, len(s)/3)
	i := 0
	for _, r := range s {
		if f := c.FoldRune(r); f >= 0 {
			out = append(out, f)
			idx = append(idx, i)
		}
		i++
	}
	return string(out), idx
}

// tradOnly reports whether r is a character that Simplified text should
// not contain: one that t2s or the HK/TW variant tables would change.
func (c *Converter) tradOnly(r rune) bool {
	return r >= 0x2E80 && c.simpRune(r) != r
}

func (c *Converter) hasTradOnly(s string) bool {
	for _, r := range s {
		if c.tradOnly(r) {
			return true
		}
	}
	return false
}
