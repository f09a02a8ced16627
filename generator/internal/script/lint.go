package script

import (
	"strings"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// Lint reports each Traditional-only character left in the Simplified text
// s, read from path, as a path:line:col error (col counts characters). A
// character is Traditional-only when t2s or the HK/TW variant tables would
// still change it (this is how 著 in 著力 is caught: t2s keeps it, the TW
// variant table does not). Characters inside an occurrence of an override
// value that keeps such a character on purpose (卓著, 原著) are allowed.
func (c *Converter) Lint(path, s string) diag.List {
	var errs diag.List
	for i, line := range strings.Split(s, "\n") {
		var allowed map[int]bool // made at the line's first suspect character
		col := 0
		for off, r := range line {
			col++
			if !c.tradOnly(r) {
				continue
			}
			if allowed == nil {
				allowed = c.keptSpans(line)
			}
			if allowed[off] {
				continue
			}
			e := diag.Errorf(path, i+1, "Traditional-only character %q left in Simplified text (would be %q); fix the source or add a row to the override table", string(r), string(c.simpRune(r)))
			e.Col = col
			errs = append(errs, e)
		}
	}
	return errs
}

// keptSpans marks the byte offsets in line covered by a keep value.
func (c *Converter) keptSpans(line string) map[int]bool {
	m := map[int]bool{}
	for _, k := range c.keep {
		for from := 0; ; {
			j := strings.Index(line[from:], k)
			if j < 0 {
				break
			}
			for off := from + j; off < from+j+len(k); {
				m[off] = true
				_, n := utf8.DecodeRuneInString(line[off:])
				off += n
			}
			from += j + len(k)
		}
	}
	return m
}
