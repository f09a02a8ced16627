package script

import (
	"slices"
	"sync"
	"unicode/utf8"
)

//go:generate go test -run ^TestSimpTable$ -update

// simpTable is simpPairs decoded: from[i] becomes to[i], from ascending.
type simpTable struct {
	from, to []rune
}

// simpChars decodes simpPairs once per process, the first time a character
// is folded or linted. The table is a constant; only its decoding is
// deferred, so programs that never fold pay nothing.
var simpChars = sync.OnceValue(func() simpTable {
	n := utf8.RuneCountInString(simpPairs) / 2
	t := simpTable{from: make([]rune, 0, n), to: make([]rune, 0, n)}
	odd := false
	for _, r := range simpPairs {
		if odd {
			t.to = append(t.to, r)
		} else {
			t.from = append(t.from, r)
		}
		odd = !odd
	}
	return t
})

// tableSimp returns the Simplified character the OpenCC table gives for r.
func tableSimp(r rune) (rune, bool) {
	t := simpChars()
	i, ok := slices.BinarySearch(t.from, r)
	if !ok {
		return r, false
	}
	return t.to[i], true
}
