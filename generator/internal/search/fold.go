package search

import "strings"

// foldTable returns "abab…": each CJK character a with fold(a) = b ≠ a that
// occurs in the docs or whose b occurs in the folded docs, by code point.
func foldTable(docs []Doc, fold func(rune) rune) string {
	seen := map[rune]bool{}    // characters of the text
	targets := map[rune]bool{} // their search forms
	for _, d := range docs {
		for _, r := range d.Text {
			if !seen[r] {
				seen[r] = true
				targets[fold(r)] = true
			}
		}
	}
	// The blocks whose characters may fold to another script's form;
	// search.js handles the rest itself (width, case, spaces). Supplementary
	// planes are left out: search.js works on UTF-16 units.
	blocks := [][2]rune{
		{0x2E80, 0x2FDF}, // radicals
		{0x3400, 0x4DBF}, // extension A
		{0x4E00, 0x9FFF}, // unified ideographs
		{0xF900, 0xFAFF}, // compatibility ideographs
	}
	var b strings.Builder
	for _, blk := range blocks {
		for r := blk[0]; r <= blk[1]; r++ {
			f := fold(r)
			if f == r || f < 0 || f > 0xFFFF || !(seen[r] || targets[f]) {
				continue
			}
			b.WriteRune(r)
			b.WriteRune(f)
		}
	}
	return b.String()
}
