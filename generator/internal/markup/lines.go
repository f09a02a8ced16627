package markup

import (
	"bytes"
	"sort"
)

// lineIndex maps byte offsets of a source to 1-based lines. Made once per
// document, it keeps finding every paragraph's line linear in the size of
// the page; counting newlines from the start for each paragraph made a
// large page quadratic (a 32 MB page took 54 s).
type lineIndex []int // offsets of the newlines

func newLineIndex(src []byte) lineIndex {
	var l lineIndex
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return l
		}
		l = append(l, i+j)
		i += j + 1
	}
}

// at is the line of offset pos.
func (l lineIndex) at(pos int) int {
	return sort.SearchInts(l, pos) + 1
}
