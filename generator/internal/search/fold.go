package search

import (
	"iter"
	"strings"
)

// cjkBlocks are the ranges whose characters may fold to another script's
// form; search.js handles the rest itself (width, case, spaces).
// Supplementary planes are left out: search.js works on UTF-16 units.
func cjkBlocks() [4][2]rune {
	return [...][2]rune{
		{0x2E80, 0x2FDF}, // radicals
		{0x3400, 0x4DBF}, // extension A
		{0x4E00, 0x9FFF}, // unified ideographs
		{0xF900, 0xFAFF}, // compatibility ideographs
	}
}

// foldTable returns "abab…": each CJK character a with fold(a) = b ≠ a that
// occurs in the docs or whose b occurs in the folded docs, by code point.
// The candidates a are folded's characters (ascending) when it is set,
// else every character of the blocks.
func foldTable(docs []Doc, fold func(rune) rune, folded iter.Seq[rune]) string {
	// Only characters of the BMP matter: a is in the blocks and b must be
	// at most U+FFFF, so both sets are bitmaps of the BMP.
	var seen, targets bmpSet // characters of the text, their search forms
	for _, d := range docs {
		for _, r := range d.Text {
			if r <= 0xFFFF && !seen.has(r) {
				seen.add(r)
				targets.add(fold(r))
			}
		}
	}
	if folded == nil {
		folded = allBlocks
	}
	var b strings.Builder
	for r := range folded {
		if !inBlocks(r) {
			continue
		}
		f := fold(r)
		if f == r || f < 0 || f > 0xFFFF || !(seen.has(r) || targets.has(f)) {
			continue
		}
		b.WriteRune(r)
		b.WriteRune(f)
	}
	return b.String()
}

// bmpSet is a set of characters of the Basic Multilingual Plane; add
// ignores others.
type bmpSet [0x10000 / 64]uint64

func (s *bmpSet) add(r rune) {
	if r >= 0 && r <= 0xFFFF {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *bmpSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r/64]&(1<<(r%64)) != 0
}

// allBlocks yields every character of blocks, ascending.
func allBlocks(yield func(rune) bool) {
	for _, blk := range cjkBlocks() {
		for r := blk[0]; r <= blk[1]; r++ {
			if !yield(r) {
				return
			}
		}
	}
}

func inBlocks(r rune) bool {
	for _, blk := range cjkBlocks() {
		if r >= blk[0] && r <= blk[1] {
			return true
		}
	}
	return false
}
