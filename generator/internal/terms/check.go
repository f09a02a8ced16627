package terms

import (
	"sort"
	"strings"

	"edition/generator/internal/diag"
)

// Check reports every problem with the anchors, each at the anchor's place in
// the anchors file: a note without an anchor, an anchor for a note the report
// does not have, an empty or repeated anchor, an anchor not in the body or
// found only across a paragraph boundary, an anchor found a different number
// of times than recorded, or linked fewer times than it occurs, and anchors
// that overlap. notes are the report's note numbers, which must run 1..N;
// body is the text of the body paragraphs; uses are the links made on every
// page.
func Check(anchors []Anchor, uses []Use, notes []int, body []string) diag.List {
	var errs diag.List
	file := "content/notes.yaml"
	if len(anchors) > 0 && anchors[0].Path != "" {
		file = anchors[0].Path
	}
	clash := map[int]bool{} // anchors that take occurrences from others
	errs = append(errs, checkNumbers(file, anchors, notes, clash)...)
	errs = append(errs, checkOverlaps(anchors, body, clash)...)
	errs = append(errs, checkCounts(anchors, uses, body, clash)...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return errs
}

func checkNumbers(file string, anchors []Anchor, notes []int, clash map[int]bool) diag.List {
	errs, has := checkNoteNumbers(file, notes)
	seen := map[string]Anchor{}
	for i, a := range anchors {
		prev, dup := seen[a.Text]
		if err := anchorErr(a, has, prev, dup); err != nil {
			errs = append(errs, err)
		}
		if !dup {
			seen[a.Text] = a
		} else {
			clash[i] = true
		}
	}
	// A note with no anchor is allowed: the notes page shows it, unlinked.
	// Import warns about it with the note's seed line, so an editor can add
	// the body text it annotates.
	return errs
}

// checkNoteNumbers reports notes not numbered 1 to n, and returns how many
// times each number occurs.
func checkNoteNumbers(file string, notes []int) (diag.List, map[int]int) {
	var errs diag.List
	has := map[int]int{}
	for _, n := range notes {
		has[n]++
	}
	for n := 1; n <= len(notes); n++ {
		switch {
		case has[n] == 0:
			errs = append(errs, diag.Errorf(file, 0, "the report has no note %d: its notes must be numbered 1 to %d", n, len(notes)))
		case has[n] > 1:
			errs = append(errs, diag.Errorf(file, 0, "the report has note %d %d times", n, has[n]))
		}
	}
	return errs, has
}

// anchorErr is what is wrong with anchor a on its own, given the note
// numbers and prev, the anchor of the same text before it (if dup).
func anchorErr(a Anchor, has map[int]int, prev Anchor, dup bool) *diag.Error {
	switch {
	case has[a.Note] == 0:
		return diag.Errorf(a.Path, a.Line, "anchor %s is for note %d, but the report has no note %d", a.Text, a.Note, a.Note)
	case a.Text == "":
		return diag.Errorf(a.Path, a.Line, "note %d: empty anchor", a.Note)
	case dup && prev.Note == a.Note:
		return diag.Errorf(a.Path, a.Line, "note %d: anchor %s is recorded twice (also at line %d)", a.Note, a.Text, prev.Line)
	case dup:
		return diag.Errorf(a.Path, a.Line, "note %d: anchor %s is also an anchor of note %d (line %d)", a.Note, a.Text, prev.Note, prev.Line)
	case a.Count < 1:
		return diag.Errorf(a.Path, a.Line, "note %d: anchor %s has count %d; record how many times it occurs in the body (at least 1)", a.Note, a.Text, a.Count)
	}
	return nil
}

func sortedKeys(m map[int]int) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

func checkCounts(anchors []Anchor, uses []Use, body []string, clash map[int]bool) diag.List {
	var errs diag.List
	found := make([]int, len(anchors))
	for i, a := range anchors {
		found[i] = count(body, a.Text)
	}
	linked := make([]int, len(anchors))
	for _, u := range uses {
		if u.Anchor >= 0 && u.Anchor < len(anchors) {
			linked[u.Anchor]++
		}
	}
	for i, a := range anchors {
		if a.Text == "" || a.Count < 1 {
			continue
		}
		if found[i] < a.Count {
			// Only then: looking across every boundary is the costly check.
			if k := splitAt(a.Text, body); k >= 0 {
				errs = append(errs, diag.Errorf(a.Path, a.Line, "note %d: anchor %s is split across a paragraph boundary (the end of body paragraph %d, %q, and the start of the next): an anchor must lie within one paragraph", a.Note, a.Text, k+1, tail(body[k], 12)))
				continue
			}
		}
		switch {
		case found[i] == 0:
			errs = append(errs, diag.Errorf(a.Path, a.Line, "note %d: anchor %s is not in the body", a.Note, a.Text))
			continue
		case found[i] != a.Count:
			errs = append(errs, diag.Errorf(a.Path, a.Line, "note %d: anchor %s is found %d times in the body, recorded %d", a.Note, a.Text, found[i], a.Count))
		}
		if uses != nil && linked[i] != found[i] && !clash[i] {
			errs = append(errs, diag.Errorf(a.Path, a.Line, "note %d: anchor %s occurs %d times in the body but %d were linked (in a heading, a link, code, or across formatting?)", a.Note, a.Text, found[i], linked[i]))
		}
	}
	return errs
}

// splitAt returns k when t occurs in body[k]+body[k+1] across their boundary,
// or -1.
func splitAt(t string, body []string) int {
	for k := 0; k+1 < len(body); k++ {
		a, b := body[k], body[k+1]
		s := a + b
		for from := 0; ; {
			i := strings.Index(s[from:], t)
			if i < 0 {
				break
			}
			if st := from + i; st < len(a) && st+len(t) > len(a) {
				return k
			}
			from += i + 1
		}
	}
	return -1
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// checkOverlaps reports anchors contained in others and anchors whose
// occurrences in the body overlap, once per pair, at the later anchor.
func checkOverlaps(anchors []Anchor, body []string, clash map[int]bool) diag.List {
	o := overlapReport{anchors: anchors, clash: clash, reported: map[[2]int]bool{}}
	for i, a := range anchors {
		for j, b := range anchors {
			if i != j && a.Text != "" && b.Text != "" && a.Text != b.Text && strings.Contains(b.Text, a.Text) {
				if j > i {
					o.report(i, j, "contains")
				} else {
					o.report(j, i, "is contained in")
				}
			}
		}
	}
	for _, p := range body {
		occ := occurrences(p, anchors)
		for x := range occ {
			for y := x + 1; y < len(occ); y++ {
				m, q := occ[x], occ[y]
				if m.A != q.A && m.Start < q.End && q.Start < m.End && anchors[m.A].Text != anchors[q.A].Text {
					o.report(m.A, q.A, "overlaps in the body with")
				}
			}
		}
	}
	return o.errs
}

// overlapReport gathers checkOverlaps' errors, one per pair of anchors.
type overlapReport struct {
	anchors  []Anchor
	clash    map[int]bool
	reported map[[2]int]bool
	errs     diag.List
}

func (o *overlapReport) report(i, j int, how string) {
	if i > j {
		i, j = j, i
	}
	if o.reported[[2]int{i, j}] {
		return
	}
	o.reported[[2]int{i, j}] = true
	o.clash[i], o.clash[j] = true, true
	a, b := o.anchors[i], o.anchors[j]
	o.errs = append(o.errs, diag.Errorf(b.Path, b.Line, "note %d: anchor %s %s anchor %s of note %d (line %d): anchors must not overlap; keep one", b.Note, b.Text, how, a.Text, a.Note, a.Line))
}

// occurrences lists every place in p where an anchor's text occurs.
func occurrences(p string, anchors []Anchor) []match {
	var occ []match
	for i, a := range anchors {
		if a.Text == "" {
			continue
		}
		for from := 0; ; {
			k := strings.Index(p[from:], a.Text)
			if k < 0 {
				break
			}
			occ = append(occ, match{from + k, from + k + len(a.Text), i})
			from += k + 1
		}
	}
	return occ
}
