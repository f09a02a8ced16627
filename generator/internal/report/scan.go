package report

import (
	"fmt"
	"strings"
	"unicode"

	"edition/generator/internal/diag"
)

// Scan looks for the traces that the seed's byte-loss damage leaves, so an
// editor can record a repair: a stray ASCII letter or "?" between Chinese
// characters, bopomofo, pinyin letters, box-drawing and small-form signs,
// private-use and replacement characters, an unbalanced 【, and a sentence
// mark where no sentence can end (at the start of a line, or after another
// mark). It runs on the repaired lines before punctuation is made
// full-width. Findings close together are one warning, with the
// path:line:column of the first.
func Scan(path string, lines []Line) []*diag.Error {
	var out []*diag.Error
	for _, l := range lines {
		if l.Seed == 0 {
			continue
		}
		rs := []rune(l.Text)
		type finding struct {
			col    int
			reason string
		}
		var fs []finding
		for i, r := range rs {
			var prev, next rune
			if i > 0 {
				prev = rs[i-1]
			}
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			reason := ""
			switch {
			case isLetter(r) && (isHan(prev) || isASCIIMark(prev)) && isHan(next) && !(r == 'e' && unicode.Is(unicode.Han, next)):
				reason = "stray ASCII letter"
			case r == '?' && isHan(prev) && (isHan(next) || isLetter(next)):
				reason = "ASCII \"?\" between Chinese characters"
			case r >= 0xC0 && r <= 0x24F && (isHan(prev) || isHan(next)):
				reason = "pinyin letter"
			case r >= 0x3100 && r <= 0x312F, r >= 0x31A0 && r <= 0x31BF:
				reason = "bopomofo"
			case r >= 0x2500 && r <= 0x257F:
				reason = "box-drawing sign"
			case r >= 0xFE50 && r <= 0xFE6F:
				reason = "small-form sign"
			case r >= 0xE000 && r <= 0xF8FF, r == 0xFFFD:
				reason = "private-use or replacement character"
			case strings.ContainsRune("。，、；：？！,;:?!", r) && (i == 0 || strings.ContainsRune("。，、；：？！,;:?!“（(", prev)):
				reason = "sentence mark where no sentence can end"
			}
			if reason != "" {
				fs = append(fs, finding{i, reason})
			}
		}
		if strings.Count(l.Text, "【") != strings.Count(l.Text, "】") {
			i := strings.IndexAny(l.Text, "【】")
			fs = append(fs, finding{len([]rune(l.Text[:i])), "unbalanced 【】"})
		}
		// Merge findings within a few characters: one damaged span, one warning.
		for len(fs) > 0 {
			first, last := fs[0].col, fs[0].col
			reasons := []string{fs[0].reason}
			j := 1
			for ; j < len(fs) && fs[j].col-last <= 6 && fs[j].col >= first-6; j++ {
				last = max(last, fs[j].col)
				first = min(first, fs[j].col)
				if !contains(reasons, fs[j].reason) {
					reasons = append(reasons, fs[j].reason)
				}
			}
			lo, hi := max(0, first-3), min(len(rs), last+4)
			out = append(out, &diag.Error{Path: path, Line: l.Seed, Col: first + 1,
				Msg: fmt.Sprintf("possible damage (%s) in %q; record a repair in the corrections file", strings.Join(reasons, ", "), string(rs[lo:hi]))})
			fs = fs[j:]
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func isLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func isASCIIMark(r rune) bool { return strings.ContainsRune(",;:?!", r) }

// isHan counts CJK ideographs and the marks that sit between them.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("。，、；：？！“”《》（）", r)
}
