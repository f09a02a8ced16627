package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// Kind names what a Unit is.
type Kind string

const (
	KindTitle      Kind = "title"
	KindOccasion   Kind = "occasion"
	KindSpeaker    Kind = "speaker"
	KindSalutation Kind = "salutation"
	KindPara       Kind = "para"     // a paragraph of running text
	KindPart       Kind = "part"     // 一、… heading
	KindSection    Kind = "section"  // （一）… block heading
	KindNotesHead  Kind = "notes"    // the notes heading
	KindNote       Kind = "note"     // first line of a note
	KindNoteMore   Kind = "notemore" // continuation line of a note
)

// A Unit is one line of the repaired report in its place.
type Unit struct {
	Kind Kind
	Seed int    // seed line; 0 for a restored line
	Text string // repaired, punctuated text
}

// Para is a paragraph of running text.
type Para struct {
	Seed int
	Text string
	Lead string // the inline subsection heading or bold lead sentence, a prefix of Text; may be empty
}

// Section is a subsection （n） of a part.
type Section struct {
	Num     int    // 1-based
	Marker  string // "（一）"
	Seed    int    // line of the heading (or of the inline heading's paragraph)
	Heading string // full heading text for a block heading, "" for an inline one
	Inline  bool   // heading opens its first paragraph instead of standing alone
	Paras   []Para
}

// Part is one of 一、二、三….
type Part struct {
	Num      int
	Numeral  string // "一"
	Seed     int
	Heading  string // "一、2023年工作回顧"
	Intro    []Para // paragraphs before the first subsection
	Sections []Section
}

// Note is one numbered note at the end of the report.
type Note struct {
	Num   int
	Seed  int
	Term  string   // text before the first colon; "" when the note has none
	Text  []string // first line after the colon, then continuation lines
	Seeds []int    // seed line of each Text entry
}

// Report is a whole recognised report.
type Report struct {
	Title, Occasion, Speaker, Salutation Unit
	Opening                              []Para
	Parts                                []Part
	Closing                              []Para
	NotesHeading                         Unit
	Notes                                []Note
}

var (
	reSpeaker = regexp.MustCompile(`^(代理)?(省長|省长|市長|市长|州長|州长|縣長|县长|區長|区长|盟長|盟长|旗長|旗长|主席|代市長|代市长|代省長|代省长)[ 　]*[\p{Han}·]{2,4}$`)
	reSalute  = regexp.MustCompile(`^各位代表[：:]$`)
	reNotes   = regexp.MustCompile(`^(《[^》]*》)?(相關|相关)?(注釋|注释|註釋|名詞解釋|名词解释|名詞解释)$`)
	reTitle   = regexp.MustCompile(`工作(報告|报告)$`)
)

// numerals are the Chinese numbers used in part and subsection markers.
func numeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n-10]
	case n%10 == 0:
		return digits[n/10] + "十"
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// Numeral returns the Chinese numeral for 1 ≤ n ≤ 99.
func Numeral(n int) string { return numeral(n) }

// sectionMarker reports whether s starts with the subsection marker for n,
// in full-width or ASCII parentheses, and returns its length in bytes.
func sectionMarker(s string, n int) (int, bool) {
	for _, m := range []string{"（" + numeral(n) + "）", "(" + numeral(n) + ")"} {
		if strings.HasPrefix(s, m) {
			return len(m), true
		}
	}
	return 0, false
}

// Parse recognises the structure of the repaired, punctuated lines. path is
// the seed's name for errors.
func Parse(path string, lines []Line) (*Report, error) {
	var units []Line
	for _, l := range lines {
		t := strings.Trim(l.Text, " \t\r　")
		if t == "" {
			continue
		}
		units = append(units, Line{Seed: l.Seed, Text: t})
	}
	if len(units) == 0 {
		return nil, diag.Errorf(path, 1, "the seed is empty")
	}
	r := &Report{}
	i := 0
	// Front: title, occasion, speaker, salutation, each optional but in order.
	if i < len(units) && reTitle.MatchString(units[i].Text) && utf8.RuneCountInString(units[i].Text) <= 30 {
		r.Title = Unit{KindTitle, units[i].Seed, units[i].Text}
		i++
	}
	if i < len(units) && strings.HasPrefix(units[i].Text, "——") {
		r.Occasion = Unit{KindOccasion, units[i].Seed, units[i].Text}
		i++
	}
	if i < len(units) && reSpeaker.MatchString(units[i].Text) {
		r.Speaker = Unit{KindSpeaker, units[i].Seed, units[i].Text}
		i++
	}
	if i < len(units) && reSalute.MatchString(units[i].Text) {
		r.Salutation = Unit{KindSalutation, units[i].Seed, units[i].Text}
		i++
	}
	// Body until the notes heading.
	end := len(units)
	for j := i; j < len(units); j++ {
		if reNotes.MatchString(units[j].Text) {
			end = j
			break
		}
	}
	if err := r.parseBody(path, units[i:end]); err != nil {
		return nil, err
	}
	if end < len(units) {
		r.NotesHeading = Unit{KindNotesHead, units[end].Seed, units[end].Text}
		if err := r.parseNotes(path, units[end+1:]); err != nil {
			return nil, err
		}
	}
	if r.Title.Text == "" {
		return nil, diag.Errorf(path, 1, "no title: the report's first line should be its title (…工作報告); if the seed lacks it, restore it with a correction")
	}
	if len(r.Parts) == 0 {
		return nil, diag.Errorf(path, units[min(i, len(units)-1)].Seed, "no recognisable structure: no part heading such as \"一、…\" was found")
	}
	return r, nil
}

func (r *Report) parseBody(path string, units []Line) error {
	var part *Part
	var sec *Section
	for _, u := range units {
		next := len(r.Parts) + 1
		if p, ok := strings.CutPrefix(u.Text, numeral(next)+"、"); ok && !strings.Contains(p, "。") && utf8.RuneCountInString(u.Text) <= 40 {
			r.Parts = append(r.Parts, Part{Num: next, Numeral: numeral(next), Seed: u.Seed, Heading: u.Text})
			part, sec = &r.Parts[len(r.Parts)-1], nil
			continue
		}
		if part == nil {
			r.Opening = append(r.Opening, Para{Seed: u.Seed, Text: u.Text})
			continue
		}
		if n, ok := sectionMarker(u.Text, len(part.Sections)+1); ok {
			s := Section{Num: len(part.Sections) + 1, Marker: u.Text[:n], Seed: u.Seed}
			if lead, ok := leadSentence(u.Text); ok {
				s.Inline = true
				s.Paras = []Para{{Seed: u.Seed, Text: u.Text, Lead: lead}}
			} else {
				s.Heading = u.Text
			}
			part.Sections = append(part.Sections, s)
			sec = &part.Sections[len(part.Sections)-1]
			continue
		}
		p := Para{Seed: u.Seed, Text: u.Text}
		switch {
		case sec == nil:
			part.Intro = append(part.Intro, p)
		default:
			// Topical paragraphs of a block subsection open with a short
			// lead sentence; the closing 各位代表 paragraph does not.
			if !strings.HasPrefix(u.Text, "各位代表") && !sec.Inline {
				if lead, ok := leadSentence(u.Text); ok {
					p.Lead = lead
				}
			}
			sec.Paras = append(sec.Paras, p)
		}
	}
	// The closing: a final 各位代表 paragraph after inline subsections (or in
	// a part without subsections) speaks for the whole report.
	if n := len(r.Parts); n > 0 {
		last := &r.Parts[n-1]
		if k := len(last.Sections); k > 0 && last.Sections[k-1].Inline {
			s := &last.Sections[k-1]
			if m := len(s.Paras); m > 1 && strings.HasPrefix(s.Paras[m-1].Text, "各位代表") {
				r.Closing = append(r.Closing, s.Paras[m-1])
				s.Paras = s.Paras[:m-1]
			}
		} else if k == 0 && n > 1 {
			if m := len(last.Intro); m > 1 && strings.HasPrefix(last.Intro[m-1].Text, "各位代表") {
				r.Closing = append(r.Closing, last.Intro[m-1])
				last.Intro = last.Intro[:m-1]
			}
		}
	}
	return nil
}

// leadSentence returns the text up to and including the first 。 when it is
// short enough to be a heading-like lead (the seed's are 7–10 characters,
// inline headings such as （一）堅持政治引領。 a little longer).
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

func (r *Report) parseNotes(path string, units []Line) error {
	for _, u := range units {
		prefix := fmt.Sprintf("%d.", len(r.Notes)+1)
		if rest, ok := strings.CutPrefix(u.Text, prefix); ok {
			n := Note{Num: len(r.Notes) + 1, Seed: u.Seed}
			if term, text, ok := cutColon(rest); ok {
				n.Term, rest = term, text
			}
			n.Text, n.Seeds = []string{rest}, []int{u.Seed}
			r.Notes = append(r.Notes, n)
			continue
		}
		if len(r.Notes) == 0 {
			return diag.Errorf(path, u.Seed, "after the notes heading, expected note \"1.\", found %q", clip(u.Text, 20))
		}
		n := &r.Notes[len(r.Notes)-1]
		n.Text = append(n.Text, u.Text)
		n.Seeds = append(n.Seeds, u.Seed)
	}
	return nil
}

// cutColon splits a note at its first colon when the term before it is
// short; note 14 of the seed has no colon and no term.
func cutColon(s string) (term, text string, ok bool) {
	i := strings.IndexAny(s, ":：")
	if i <= 0 {
		return "", s, false
	}
	term = s[:i]
	if utf8.RuneCountInString(term) > 40 || strings.Contains(term, "。") {
		return "", s, false
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return term, s[i+w:], true
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

// Simplified reports whether the report is written in Simplified
// characters, judged by common characters that differ between the scripts.
func (r *Report) Simplified() bool {
	var b strings.Builder
	for _, u := range r.Units() {
		b.WriteString(u.Text)
	}
	s, t := 0, 0
	for _, c := range b.String() {
		switch {
		case strings.ContainsRune("报这们会为发经济区县国业务实设进门过时长", c):
			s++
		case strings.ContainsRune("報這們會為發經濟區縣國業務實設進門過時長", c):
			t++
		}
	}
	return s > t
}

// Lines returns the note's text as the report prints it: "N.term：text".
func (n Note) Lines() []string {
	out := append([]string(nil), n.Text...)
	head := fmt.Sprintf("%d.", n.Num)
	if n.Term != "" {
		head += n.Term + "："
	}
	out[0] = head + out[0]
	return out
}

// Units returns every line of the report in reading order. Together they
// hold every non-empty input line exactly once.
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
	add(r.Title)
	add(r.Occasion)
	add(r.Speaker)
	add(r.Salutation)
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
	add(r.NotesHeading)
	for _, n := range r.Notes {
		for i, l := range n.Lines() {
			k := KindNote
			if i > 0 {
				k = KindNoteMore
			}
			add(Unit{k, n.Seeds[i], l})
		}
	}
	return us
}
