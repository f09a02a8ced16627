package report

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// trim removes the spaces copied text carries at a line's edges: ASCII,
// U+3000, em spaces, no-break spaces and zero-width characters.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF'
	})
}

// partWords are the usual words of an unnumbered part title.
var rePartWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`工作回[顾顧]|工作安排|[总總][体體]要求|重[点點](任[务務]|工作)|目[标標]任[务務]|政府自身建[设設]|^[关關]于.*年.*工作$`)
})

// reAnnex is an annex heading: 附件, 附件1, 附件2 名词解释.
var reAnnex = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*(\S.{0,30})?$`)
})

// reNotes is a notes heading, alone or after 附件N.
var reNotes = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*)?(《[^》]*》)?(有[关關]内容|有[关關]內容|相[关關])?(名[词詞]解[释釋]|名[词詞][注註][释釋]|[注註][释釋])$`)
})

// Parse recognises the structure of the repaired, punctuated lines. path is
// the seed's name for errors and warnings.
func Parse(path string, lines []Line) (*Report, error) {
	var units []Line
	for _, l := range lines {
		if t := trim(l.Text); t != "" {
			units = append(units, Line{Seed: l.Seed, Text: t})
		}
	}
	if len(units) == 0 {
		return nil, diag.Errorf(path, 1, "the seed is empty")
	}
	r := &Report{}
	i := r.parseHead(path, units)
	if r.Title.Text == "" {
		r.Warnings = append(r.Warnings, diag.Errorf(path, units[0].Seed, "no title line (…政府工作报告) in the head of the report: the edition is named from the occasion and shows no title as report text; restore the title with a correction to show it"))
	}
	r.readHead(path, units[0].Seed)
	body, tail := splitTail(units[i:])
	if err := r.parseBody(path, body); err != nil {
		return nil, err
	}
	if len(r.Parts) == 0 {
		at := units[min(i, len(units)-1)].Seed
		return nil, diag.Errorf(path, at, "no recognisable structure: from this line on, no part heading such as \"一、…\" or a title line such as \"2024年工作回顾\" was found")
	}
	r.takeClosing(path)
	if err := r.parseTail(path, tail); err != nil {
		return nil, err
	}
	return r, nil
}

// splitTail cuts the body at the first annex or notes heading.
func splitTail(units []Line) (body, tail []Line) {
	for j, u := range units {
		if j > 0 && (reNotes().MatchString(u.Text) || reAnnex().MatchString(u.Text)) {
			return units[:j], units[j:]
		}
	}
	return units, nil
}

// isNumberedPart reports whether t is the heading of part n: "一、…", short,
// with no full stop.
func isNumberedPart(t string, n int) bool {
	p, ok := strings.CutPrefix(t, numeral(n)+"、")
	return ok && !strings.ContainsAny(p, "。；") && utf8.RuneCountInString(t) <= 40
}

// isPartTitle reports whether t reads as an unnumbered part title: a short
// line with no sentence punctuation in the usual wording.
func isPartTitle(t string) bool {
	return utf8.RuneCountInString(t) <= 24 && !strings.ContainsAny(t, "。，,；;：:！!？?（(") && rePartWords().MatchString(t) && !reAnyPart().MatchString(t)
}

func (r *Report) parseBody(path string, units []Line) error {
	numbered := partsNumbered(units)
	var part *Part
	var sec *Section
	for _, u := range units {
		next := len(r.Parts) + 1
		if (numbered && isNumberedPart(u.Text, next)) || (!numbered && isPartTitle(u.Text)) {
			r.Parts = append(r.Parts, Part{Num: next, Numeral: numeral(next), Numbered: numbered, Seed: u.Seed, Heading: u.Text})
			part, sec = &r.Parts[len(r.Parts)-1], nil
			continue
		}
		if part == nil {
			r.Opening = append(r.Opening, Para{Seed: u.Seed, Text: u.Text})
			continue
		}
		if s, ok := sectionStart(u, len(part.Sections)+1); ok {
			part.Sections = append(part.Sections, s)
			sec = &part.Sections[len(part.Sections)-1]
			continue
		}
		r.strayMarker(path, u, numbered, part)
		p := bodyPara(u, sec)
		if sec == nil {
			part.Intro = append(part.Intro, p)
		} else {
			sec.Paras = append(sec.Paras, p)
		}
	}
	return nil
}

// partsNumbered reports whether the parts are numbered: 一、 and then 二、
// stand as headings. A lone 一、 line is a list item, and the unnumbered
// titles are the parts.
func partsNumbered(units []Line) bool {
	numbered, one, titled := false, false, false
	for _, u := range units {
		one = one || isNumberedPart(u.Text, 1)
		titled = titled || isPartTitle(u.Text)
		numbered = numbered || one && isNumberedPart(u.Text, 2)
	}
	return numbered || one && !titled
}

// sectionStart reads line u as the start of section num, if it has the
// section's marker: a heading line, or a run-in heading and its paragraph.
func sectionStart(u Line, num int) (Section, bool) {
	n, ok := sectionMarker(u.Text, num)
	if !ok {
		return Section{}, false
	}
	s := Section{Num: num, Marker: u.Text[:n], Seed: u.Seed}
	if lead, ok := runInLead(u.Text, n); ok {
		s.Inline = true
		s.Paras = []Para{{Seed: u.Seed, Text: u.Text, Lead: lead}}
	} else {
		s.Heading = u.Text
	}
	return s, true
}

// bodyPara is line u as a paragraph of section sec (nil: the part's
// introduction). Topical paragraphs open with a short lead sentence; an
// address to the delegates does not, nor a paragraph of a section whose
// heading is run in.
func bodyPara(u Line, sec *Section) Para {
	p := Para{Seed: u.Seed, Text: u.Text}
	if !strings.HasPrefix(u.Text, "各位代表") && (sec == nil || !sec.Inline) {
		if lead, ok := leadSentence(u.Text); ok {
			p.Lead = lead
		}
	}
	return p
}

var (
	reAnySection = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[（(]([一二三四五六七八九十]{1,3})[）)]`)
	})
	reAnyPart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([一二三四五六七八九十]{1,3})、`) })
)

// numeralValue returns n for the Chinese numeral of 1 ≤ n ≤ 99, or 0.
func numeralValue(s string) int {
	for n := 1; n < 100; n++ {
		if numeral(n) == s {
			return n
		}
	}
	return 0
}

// strayMarker warns about a line read as text that opens with a part or
// subsection number past the one expected: the numbering skips, and the
// line where the structure was expected is named.
func (r *Report) strayMarker(path string, u Line, numbered bool, part *Part) {
	if m := reAnySection().FindStringSubmatch(u.Text); m != nil {
		if want := len(part.Sections) + 1; numeralValue(m[1]) > want {
			r.Warnings = append(r.Warnings, diag.Errorf(path, u.Seed, "subsection %s where （%s） was expected: read as text of the subsection before it; check the numbering", m[0], numeral(want)))
		}
	}
	if m := reAnyPart().FindStringSubmatch(u.Text); m != nil && numbered && utf8.RuneCountInString(u.Text) <= 40 && !strings.ContainsAny(u.Text, "。；") {
		if want := len(r.Parts) + 1; numeralValue(m[1]) > want {
			r.Warnings = append(r.Warnings, diag.Errorf(path, u.Seed, "part heading %s where %s、 was expected: read as text; check the numbering", m[0], numeral(want)))
		}
	}
}

// sectionMarker reports whether s starts with the subsection marker for n,
// in full-width or ASCII parentheses (or a mix), and returns its length in bytes.
func sectionMarker(s string, n int) (int, bool) {
	for _, open := range []string{"（", "("} {
		for _, cl := range []string{"）", ")"} {
			if m := open + numeral(n) + cl; strings.HasPrefix(s, m) {
				return len(m), true
			}
		}
	}
	return 0, false
}

// runInLead returns a run-in subsection's heading: its first sentence, to
// the first 。 or ； after the marker, when more text follows it.
func runInLead(s string, marker int) (string, bool) {
	i := strings.IndexAny(s[marker:], "。；！")
	if i < 0 {
		return "", false
	}
	_, w := utf8.DecodeRuneInString(s[marker+i:])
	end := marker + i + w
	if end == len(s) {
		return "", false // one sentence alone on its line: a standalone heading
	}
	return s[:end], true
}

// leadSentence returns the text up to and including the first 。 when it is
// short enough to be a heading-like lead (the seed's are 7–10 characters).
func leadSentence(s string) (string, bool) {
	i := strings.Index(s, "。")
	if i < 0 {
		return "", false
	}
	lead := s[:i+len("。")]
	if len(lead) == len(s) {
		return "", false // the whole paragraph: no lead-in to set apart
	}
	if n := utf8.RuneCountInString(lead); n > 20 || strings.ContainsAny(lead, "，,；;：:") {
		return "", false
	}
	return lead, true
}

// takeClosing moves the report's closing off the end of the last part:
// from the last paragraph addressed to the delegates (各位代表！ or 各位代表，)
// among the last three, to the end.
func (r *Report) takeClosing(path string) {
	last := &r.Parts[len(r.Parts)-1]
	paras := &last.Intro
	if k := len(last.Sections); k > 0 {
		paras = &last.Sections[k-1].Paras
	}
	ps := r.takeUnlabelledAnnex(*paras)
	*paras = ps
	for k := len(ps) - 1; k >= 0 && k >= len(ps)-3; k-- {
		if strings.HasPrefix(ps[k].Text, "各位代表") && k > 0 {
			r.Closing = append([]Para(nil), ps[k:]...)
			for i := range r.Closing {
				r.Closing[i].Lead = ""
			}
			*paras = ps[:k]
			return
		}
	}
	at := last.Seed
	if n := len(ps); n > 0 {
		at = ps[n-1].Seed
	}
	r.Warnings = append(r.Warnings, diag.Errorf(path, at, "no closing paragraph (各位代表！…) at the end of the last part; the report's end stays in its last part"))
}

// takeUnlabelledAnnex moves an annex printed without 附件 (a title line
// such as 2025年省十件民生实事 right after the report's last words, 让我们…！)
// off the end of the last part, and returns the part's paragraphs left.
func (r *Report) takeUnlabelledAnnex(ps []Para) []Para {
	for j := 1; j < len(ps); j++ {
		end := ps[j-1].Text
		last, _ := utf8.DecodeLastRuneInString(end)
		if (strings.Contains(end, "让我们") || strings.Contains(end, "讓我們")) && (last == '！' || last == '!') && isTitleLine(ps[j].Text) {
			a := Annex{Num: len(r.Annexes) + 1, Seed: ps[j].Seed, Heading: ps[j].Text, Paras: append([]Para(nil), ps[j+1:]...)}
			for i := range a.Paras {
				a.Paras[i].Lead = ""
			}
			r.Annexes = append(r.Annexes, a)
			return ps[:j]
		}
	}
	return ps
}

// isTitleLine reports a short line with no sentence punctuation: a heading.
func isTitleLine(s string) bool {
	return utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, "。，；！？!?,;")
}

// parseTail reads the annexes and the notes after the report.
func (r *Report) parseTail(path string, units []Line) error {
	for len(units) > 0 {
		u := units[0]
		switch {
		case reNotes().MatchString(u.Text) && r.NotesHeading.Text == "":
			r.NotesHeading = Unit{KindNotesHead, u.Seed, u.Text}
			rest, err := r.parseNotes(path, units[1:])
			if err != nil {
				return err
			}
			units = rest
		case reAnnex().MatchString(u.Text) && len(units) > 1 && reNotes().MatchString(units[1].Text) && r.NotesHeading.Text == "":
			r.NotesLabel = Unit{KindAnnex, u.Seed, u.Text}
			units = units[1:]
		default:
			a := Annex{Num: len(r.Annexes) + 1, Seed: u.Seed, Heading: u.Text}
			j := 1
			for ; j < len(units) && !reNotes().MatchString(units[j].Text) && !reAnnex().MatchString(units[j].Text); j++ {
				a.Paras = append(a.Paras, Para{Seed: units[j].Seed, Text: units[j].Text})
			}
			r.Annexes = append(r.Annexes, a)
			units = units[j:]
		}
	}
	return nil
}

// Units returns every line of the report in reading order: the head lines
// in the order of the seed, then the body. Together they hold every
// non-empty input line exactly once, except the provenance lines (Source,
// Title2), which are not report text.
func (r *Report) Units() []Unit {
	var us []Unit
	add := func(u Unit) {
		if u.Text != "" {
			us = append(us, u)
		}
	}
	paras := func(ps []Para) {
		for _, p := range ps {
			add(Unit{KindPara, p.Seed, p.Text})
		}
	}
	head := []Unit{r.Title, r.Occasion, r.Speaker, r.Salutation}
	sort.SliceStable(head, func(i, j int) bool { return head[i].Seed < head[j].Seed })
	for _, u := range head {
		add(u)
	}
	paras(r.Opening)
	for _, p := range r.Parts {
		add(Unit{KindPart, p.Seed, p.Heading})
		paras(p.Intro)
		for _, s := range p.Sections {
			if !s.Inline {
				add(Unit{KindSection, s.Seed, s.Heading})
			}
			paras(s.Paras)
		}
	}
	paras(r.Closing)
	r.tailUnits(add)
	return us
}

// tailUnits lists the annexes and notes in seed order.
func (r *Report) tailUnits(add func(Unit)) {
	var bs []unitBlock
	for _, a := range r.Annexes {
		b := unitBlock{seed: a.Seed, units: []Unit{{KindAnnex, a.Seed, a.Heading}}}
		for _, p := range a.Paras {
			b.units = append(b.units, Unit{KindPara, p.Seed, p.Text})
		}
		bs = append(bs, b)
	}
	if r.NotesHeading.Text != "" {
		bs = append(bs, r.notesBlock())
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].seed < bs[j].seed })
	for _, b := range bs {
		for _, u := range b.units {
			add(u)
		}
	}
}

// A unitBlock is an annex or the notes: units that stay together, placed
// by the seed line of their first.
type unitBlock struct {
	seed  int
	units []Unit
}

// notesBlock is the notes' label, heading and lines.
func (r *Report) notesBlock() unitBlock {
	b := unitBlock{seed: r.NotesHeading.Seed}
	if r.NotesLabel.Text != "" {
		b.seed = r.NotesLabel.Seed
		b.units = append(b.units, r.NotesLabel)
	}
	b.units = append(b.units, r.NotesHeading)
	for _, n := range r.Notes {
		for i, l := range n.Lines() {
			k := KindNote
			if i > 0 {
				k = KindNoteMore
			}
			b.units = append(b.units, Unit{k, n.Seeds[i], l})
		}
	}
	return b
}
