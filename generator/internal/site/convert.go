package site

import (
	"sort"
	"strings"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
)

// convertContent makes this edition's copy of the content in its script.
func (e *edition) convertContent() {
	cv := e.conv
	e.settings = e.c.Settings
	s := &e.settings
	s.Name, s.Report, s.Issuer, s.Speaker, s.About, s.Source = cv(s.Name), cv(s.Report), cv(s.Issuer), cv(s.Speaker), cv(s.About), cv(s.Source)
	for _, p := range e.c.Pages {
		q := *p
		m := &q.Meta
		m.Title, m.Cite, m.ReportTitle, m.Occasion, m.Speaker, m.Salutation, m.Description =
			cv(m.Title), cv(m.Cite), cv(m.ReportTitle), cv(m.Occasion), cv(m.Speaker), cv(m.Salutation), cv(m.Description)
		q.Source = []byte(cv(string(p.Source)))
		e.cpages = append(e.cpages, &q)
	}
	if n := e.c.Notes; n != nil {
		ns := &content.Notes{Path: n.Path, Label: cv(n.Label), Heading: cv(n.Heading)}
		for _, note := range n.Notes {
			c := note
			c.Term = cv(c.Term)
			c.Text = nil
			for _, t := range note.Text {
				c.Text = append(c.Text, cv(t))
			}
			c.Anchors = nil
			for _, a := range note.Anchors {
				a.Text = cv(a.Text)
				c.Anchors = append(c.Anchors, a)
			}
			ns.Notes = append(ns.Notes, c)
		}
		e.notes = ns
	}
}

// lintContent finds Traditional characters left in the converted text.
// Conversion keeps lines and columns, so positions are the source's.
func (e *edition) lintContent() diag.List {
	var errs diag.List
	for _, p := range e.cpages {
		errs = append(errs, e.lint(p.Path, string(p.Source))...)
		for _, v := range []string{p.Meta.Title, p.Meta.Cite, p.Meta.Occasion, p.Meta.Speaker, p.Meta.Salutation, p.Meta.ReportTitle} {
			for _, err := range e.lint(p.Path, v) {
				err.Line, err.Col = p.MetaLine, 0
				errs = append(errs, err)
			}
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			for _, t := range append([]string{n.Term}, n.Text...) {
				for _, err := range e.lint(e.notes.Path, t) {
					err.Line, err.Col = n.Line, 0
					errs = append(errs, err)
				}
			}
		}
	}
	return errs
}

// quoteMarks open elements whose text is deliberately not Simplified:
// quoted evidence (translate="no": the damaged seed text, the byte-level
// reasons) and names of the Traditional edition (lang="zh-Hant": 繁體).
var quoteMarks = []string{`translate="no"`, `lang="zh-Hant"`}

// blankQuoted blanks the text of those elements (up to the next tag,
// which is all they hold), one space per character and keeping line
// breaks, so the lint's lines and columns stay right.
func blankQuoted(s string) string {
	type span struct{ from, to int }
	var spans []span
	for _, m := range quoteMarks {
		for from := 0; ; {
			i := strings.Index(s[from:], m)
			if i < 0 {
				break
			}
			i += from
			gt := strings.IndexByte(s[i:], '>')
			if gt < 0 {
				break
			}
			start := i + gt + 1
			end := strings.Index(s[start:], "</")
			if end < 0 {
				break
			}
			spans = append(spans, span{start, start + end})
			from = start + end
		}
	}
	if len(spans) == 0 {
		return s
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.from < at {
			continue
		}
		b.WriteString(s[at:sp.from])
		for _, r := range s[sp.from:sp.to] {
			if r == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		at = sp.to
	}
	b.WriteString(s[at:])
	return b.String()
}

// lintFile checks a built file of the Simplified edition for
// Traditional characters that came from somewhere other than the content
// (a template or a label written in Go): the content lint cannot see
// those. The damaged text and the reasons on the corrections page are
// quoted as the seed and the forensics have them. Assets are shared by
// both editions.
func (r *renderer) lintFile(n string, b []byte) diag.List {
	// Scripts are left out: the search index's fold table and the
	// shared bundle hold both scripts on purpose.
	if !strings.HasPrefix(n, r.prefix) || !(strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".svg") ||
		strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".json")) {
		return nil
	}
	if r.prefix == "" && strings.HasPrefix(n, "zh-hant/") {
		return nil
	}
	var key uint64
	if r.bl != nil {
		key = r.bl.key(b)
		if r.bl.isClean(key) {
			return nil
		}
	}
	dk, clean := r.bl.cleanOnDisk(n, b)
	if clean {
		r.bl.setClean(key)
		return nil
	}
	l := r.lintLines(n, blankQuoted(string(b)))
	for _, err := range l {
		err.Msg += " (in the built file; it comes from a template or the generator, not from content/)"
	}
	if len(l) == 0 && r.bl != nil {
		r.bl.setClean(key)
		r.bl.setCleanOnDisk(dk)
	}
	return l
}

// lintLines is r.lint(n, s), skipping the lines a rebuilding Builder has
// seen clean (the lint reads one line at a time): after an edit, the 全文
// page is new but all of it except the edited paragraph was linted in the
// last build. A line with a problem sends the whole file to the lint, for
// its positions.
func (r *renderer) lintLines(n, s string) diag.List {
	if r.bl == nil || r.bl.Once {
		return r.lint(n, s)
	}
	for line := range strings.SplitSeq(s, "\n") {
		h := r.bl.hasher()
		h.WriteString("line\x00")
		h.WriteString(r.bl.convKey)
		h.WriteString("\x00")
		h.WriteString(line) // not joined: a line is not copied to be hashed
		k := h.Sum64()
		if r.bl.isClean(k) {
			continue
		}
		if len(r.lint(n, line)) > 0 {
			return r.lint(n, s)
		}
		r.bl.setClean(k)
	}
	return nil
}
