package script

import (
	"iter"
	"maps"
	"slices"
	"unicode/utf8"
)

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
// the override table first, then simp_table.go, which go generate derives
// from OpenCC: t2s, then the HK and TW variant tables. The variant tables
// are skipped for characters that are standard Simplified with a
// Traditional form of their own (么↔麼), which the TW table would turn into
// something else; the odd one without (抬, TW table: 擡) is kept by a table
// row. Conversions that are not one character to one character leave r as
// it is. An invalid r (a surrogate half) stands for U+FFFD, as in a string.
func (c *Converter) simpRune(r rune) rune {
	if !utf8.ValidRune(r) {
		return c.simpRune(utf8.RuneError)
	}
	if x, ok := c.single[r]; ok {
		return x
	}
	if x, ok := tableSimp(r); ok {
		return x
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

// Folded yields, ascending, every character r at or above U+2E80 whose
// character step changes it: FoldRune(r) is another character and r is not
// whitespace or a full-width ASCII form. It reads the table FoldRune uses,
// so listing the fold table of the CJK blocks costs a few thousand steps
// instead of a FoldRune call per character.
func (c *Converter) Folded() iter.Seq[rune] {
	return func(yield func(rune) bool) {
		keys := slices.Sorted(maps.Keys(c.single))
		from := simpChars().from
		for i, j := 0, 0; i < len(from) || j < len(keys); {
			var r rune
			switch {
			case j == len(keys) || i < len(from) && from[i] < keys[j]:
				r, i = from[i], i+1
			case i == len(from) || keys[j] < from[i]:
				r, j = keys[j], j+1
			default:
				r, i, j = from[i], i+1, j+1
			}
			if r < 0x2E80 || r == '\u3000' || r >= 0xFF01 && r <= 0xFF5E || c.simpRune(r) == r {
				continue
			}
			if !yield(r) {
				return
			}
		}
	}
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
