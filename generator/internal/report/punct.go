package report

import "unicode/utf8"

// Punctuate replaces the marks in m (for the seed: ASCII , : ; ? ! ( ) to
// full-width) where they stand in Chinese prose, and returns the new text
// and how many marks it changed.
// A mark with ASCII on both sides (1,000; 3:2; f(x)) is left alone, as are
// marks at a line's edge with ASCII beside them, so numbers and Latin tokens
// (2.33, B2B, 5G) stay as written.
func Punctuate(s string, m map[rune]rune) (string, int) {
	rs := []rune(s)
	n := 0
	for i, r := range rs {
		fw, ok := m[r]
		if !ok {
			continue
		}
		prevASCII := i == 0 || isASCIIText(rs[i-1], m)
		nextASCII := i == len(rs)-1 || isASCIIText(rs[i+1], m)
		if prevASCII && nextASCII {
			continue
		}
		rs[i] = fw
		n++
	}
	if n == 0 {
		return s, 0
	}
	return string(rs), n
}

// isASCIIText reports whether r is ASCII that belongs to a Latin or numeric
// run. A space or another mark does not: "(" after "，" is still prose.
func isASCIIText(r rune, m map[rune]rune) bool {
	if r >= utf8.RuneSelf {
		return false
	}
	_, mark := m[r]
	return !mark && r != ' '
}
