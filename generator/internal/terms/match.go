package terms

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Anchor is one literal body string that a note annotates.
type Anchor struct {
	Note  int    // note number
	Text  string // exact body text, quotes included where the body has them
	Count int    // times it occurs in the body
	Path  string // where it is recorded (content/notes.yaml), for errors
	Line  int
}

// match is an occurrence of anchor A at [Start, End) of a string.
type match struct {
	Start, End int
	A          int // index into the anchors
}

// matcher finds anchors in text, longest anchor first, without overlaps.
type matcher struct {
	anchors []Anchor
	order   []int // anchor indexes, longest text first
}

func newMatcher(anchors []Anchor) matcher {
	m := matcher{anchors: anchors}
	for i, a := range anchors {
		if a.Text != "" {
			m.order = append(m.order, i)
		}
	}
	sort.SliceStable(m.order, func(i, j int) bool {
		return len(anchors[m.order[i]].Text) > len(anchors[m.order[j]].Text)
	})
	return m
}

// find returns the matches in s in text order. cut reports whether a match
// may begin or end at a byte offset; nil allows every offset.
func (m matcher) find(s string, cut func(int) bool) []match {
	var ms []match
	for _, ai := range m.order {
		t := m.anchors[ai].Text
		for from := 0; from <= len(s)-len(t); {
			i := strings.Index(s[from:], t)
			if i < 0 {
				break
			}
			st, en := from+i, from+i+len(t)
			if (cut == nil || cut(st) && cut(en)) && !overlaps(ms, st, en) {
				ms = append(ms, match{st, en, ai})
				from = en
			} else {
				from = st + 1
			}
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

func overlaps(ms []match, st, en int) bool {
	for _, x := range ms {
		if st < x.End && x.Start < en {
			return true
		}
	}
	return false
}

// reEscape finds what Markdown renders as one character: backslash escapes
// and entity references. A link must not cut one in two.
var reEscape = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\\[!-/:-@\[-` + "`" + `{-~]|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
})

// cuts returns the offsets of s where a match may not begin or end.
func cuts(s string) func(int) bool {
	locs := reEscape().FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return nil
	}
	return func(i int) bool {
		for _, l := range locs {
			if l[0] < i && i < l[1] {
				return false
			}
		}
		return true
	}
}
