package report

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// reNoteStart matches a note number as reports print it: 1. 1． 1、 （1） (1) ①.
var reNoteStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:([0-9]{1,3})\s*[.．、]|[（(]([0-9]{1,3})[）)]|([\x{2460}-\x{2473}\x{3251}-\x{325F}\x{32B1}-\x{32BF}]))\s*`)
})

// circled returns the number of a circled digit ①…㊿.
func circled(r rune) int {
	switch {
	case r >= 0x2460 && r <= 0x2473:
		return int(r-0x2460) + 1
	case r >= 0x3251 && r <= 0x325F:
		return int(r-0x3251) + 21
	case r >= 0x32B1 && r <= 0x32BF:
		return int(r-0x32B1) + 36
	}
	return 0
}

// noteNumber returns the number a line starts with and the marker's length.
func noteNumber(s string) (n, size int, ok bool) {
	m := reNoteStart().FindStringSubmatchIndex(s)
	if m == nil {
		return 0, 0, false
	}
	switch {
	case m[2] >= 0:
		n, _ = strconv.Atoi(s[m[2]:m[3]])
	case m[4] >= 0:
		n, _ = strconv.Atoi(s[m[4]:m[5]])
	default:
		r, _ := utf8.DecodeRuneInString(s[m[6]:])
		n = circled(r)
	}
	return n, m[1], true
}

// parseNotes reads the numbered notes after the notes heading, up to the
// next annex. A note starts with the expected next number ("9.3家…" inside
// note 8 is text); a line with another number and a term is a gap or a
// duplicate, which is an error. It returns the lines after the notes.
func (r *Report) parseNotes(path string, units []Line) ([]Line, error) {
	var errs diag.List
	for j, u := range units {
		if reAnnex().MatchString(u.Text) && !reNotes().MatchString(u.Text) {
			return units[j:], errs.Err()
		}
		want := len(r.Notes) + 1
		n, size, ok := noteNumber(u.Text)
		if ok && n == want {
			r.Notes = append(r.Notes, newNote(u, n, size))
			continue
		}
		if ok && n != want && n >= want-1 && n <= want+3 {
			if _, _, _, term := cutColon(u.Text[size:]); term {
				errs = append(errs, misnumbered(path, u, n, want))
				continue
			}
		}
		if len(r.Notes) == 0 {
			errs = append(errs, diag.Errorf(path, u.Seed, "after the notes heading, expected note 1 (\"1.\", \"1．\", \"1、\", \"（1）\" or \"①\"), found %q", clip(u.Text, 20)))
			return nil, errs
		}
		last := &r.Notes[len(r.Notes)-1]
		last.Text = append(last.Text, u.Text)
		last.Seeds = append(last.Seeds, u.Seed)
	}
	return nil, errs.Err()
}

// newNote is note n, whose marker is line u's first size bytes.
func newNote(u Line, n, size int) Note {
	note := Note{Num: n, Marker: u.Text[:size], Seed: u.Seed}
	rest := u.Text[size:]
	if term, sep, text, ok := cutColon(rest); ok {
		note.Term, note.Sep, rest = term, sep, text
	}
	note.Text, note.Seeds = []string{rest}, []int{u.Seed}
	return note
}

// misnumbered is the error for note n on line u where note want was
// expected.
func misnumbered(path string, u Line, n, want int) *diag.Error {
	what := "a gap in the numbering"
	if n < want {
		what = "a duplicate number"
	}
	return diag.Errorf(path, u.Seed, "note %d where note %d was expected: %s (fix the numbering in the seed or record a correction)", n, want, what)
}

// cutColon splits a note at its first colon when the term before it is
// short; note 14 of the seed has no colon and no term.
func cutColon(s string) (term, sep, text string, ok bool) {
	i := strings.IndexAny(s, ":：")
	if i <= 0 {
		return "", "", s, false
	}
	term = s[:i]
	if utf8.RuneCountInString(term) > 40 || strings.ContainsAny(term, "。；") {
		return "", "", s, false
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return term, s[i : i+w], s[i+w:], true
}

// Lines returns the note's text as the report prints it: "N.term：text".
func (n Note) Lines() []string {
	out := append([]string(nil), n.Text...)
	out[0] = n.Head() + out[0]
	return out
}

// Head is what precedes the gloss: the number as printed, the term and its
// colon.
func (n Note) Head() string {
	m := n.Marker
	if m == "" {
		m = strconv.Itoa(n.Num) + "."
	}
	if n.Term != "" {
		sep := n.Sep
		if sep == "" {
			sep = "："
		}
		return m + n.Term + sep
	}
	return m
}

// Terms splits a note's term into the terms it explains: “两重”、“两新”
// gives 两重 and 两新.
func (n Note) Terms() []string {
	var out []string
	for _, t := range strings.FieldsFunc(n.Term, func(r rune) bool { return r == '、' || r == '，' || r == ',' }) {
		t = strings.Trim(t, "“”\"「」『』 ")
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}
