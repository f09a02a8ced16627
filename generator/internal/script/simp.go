package script

import (
	"slices"
	"sync"
	"unicode/utf8"
)

//go:generate go test -run ^TestSimpTable$ -update

// simpTable is simpPairs decoded: from[i] becomes to[i], from ascending;
// bmp[r-simpBase] is the same for r below U+10000, 0 when r has no entry.
type simpTable struct {
	from, to []rune
	bmp      []rune
}

// simpBase is the first character the table can list.
const simpBase = 0x2E80

// simpChars decodes simpPairs once per process, the first time a character
// is folded or linted. The table is a constant; only its decoding is
// deferred, so programs that never fold pay nothing.
var simpChars = sync.OnceValue(decodeSimp)

func decodeSimp() *simpTable {
	n := utf8.RuneCountInString(simpPairs) / 2
	t := &simpTable{from: make([]rune, 0, n), to: make([]rune, 0, n), bmp: make([]rune, 0x10000-simpBase)}
	odd := false
	for _, r := range simpPairs {
		if odd {
			t.to = append(t.to, r)
		} else {
			t.from = append(t.from, r)
		}
		odd = !odd
	}
	for i, r := range t.from {
		if r >= simpBase && r < 0x10000 {
			t.bmp[r-simpBase] = t.to[i]
		}
	}
	return t
}

// tableSimp returns the Simplified character the OpenCC table gives for r.
func tableSimp(r rune) (rune, bool) {
	t := simpChars()
	if r >= simpBase && r < 0x10000 {
		if x := t.bmp[r-simpBase]; x != 0 {
			return x, true
		}
		return r, false
	}
	i, ok := slices.BinarySearch(t.from, r)
	if !ok {
		return r, false
	}
	return t.to[i], true
}

// keyChars is t2sChars decoded: a bitmap of the Basic Multilingual Plane
// and the other characters, ascending.
type keyChars struct {
	bmp   [0x10000 / 64]uint64
	other []rune
}

func (k *keyChars) has(r rune) bool {
	if r >= 0 && r <= 0xFFFF {
		return k.bmp[r/64]&(1<<(r%64)) != 0
	}
	_, ok := slices.BinarySearch(k.other, r)
	return ok
}

// t2sKeyChars decodes t2sChars once per process, at the first T2S.
var t2sKeyChars = sync.OnceValue(decodeKeyChars)

func decodeKeyChars() *keyChars {
	k := &keyChars{}
	for _, r := range t2sChars {
		if r <= 0xFFFF {
			k.bmp[r/64] |= 1 << (r % 64)
		} else {
			k.other = append(k.other, r)
		}
	}
	return k
}
