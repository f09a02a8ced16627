package report

import (
	"fmt"
	"strings"

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
	KindSource     Kind = "source"   // the 来源 line: provenance, not report text
	KindAnnex      Kind = "annex"    // 附件 heading
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
	Numeral  string // "一"; also for an unnumbered part, for citations
	Numbered bool   // the heading starts with 一、
	Seed     int
	Heading  string // "一、2023年工作回顧"
	Intro    []Para // paragraphs before the first subsection
	Sections []Section
}

// Note is one numbered note at the end of the report.
type Note struct {
	Num    int
	Marker string // "1." as printed: "1．", "1、", "（1）", "①"
	Sep    string // the colon after the term, "：" or ":"
	Seed   int
	Term   string   // text before the first colon; "" when the note has none
	Text   []string // first line after the colon, then continuation lines
	Seeds  []int    // seed line of each Text entry
}

// Annex is a document printed after the report (附件): its heading line
// and its lines, never part of the report's structure.
type Annex struct {
	Num     int
	Seed    int
	Heading string
	Paras   []Para
}

// Report is a whole recognised report.
type Report struct {
	Title, Occasion, Speaker, Salutation Unit
	// Title2 is a second title line ("政府工作报告" after the file's own
	// title); Source is the 来源 line. Both are provenance: shown with the
	// edition's particulars, not as report text.
	Title2, Source Unit
	Head           Head
	Opening        []Para
	Parts          []Part
	Closing        []Para
	Annexes        []Annex
	NotesLabel     Unit // "附件2" on its own line before the notes heading
	NotesHeading   Unit
	Notes          []Note
	Warnings       []*diag.Error // structure expected but not found
}

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

// Summary says in one line what was recognised, for import's output:
// parts, subsections, closing, annexes, notes and the head's particulars.
func (r *Report) Summary() string {
	subs := 0
	for _, p := range r.Parts {
		subs += len(p.Sections)
	}
	or := func(s string) string {
		if s == "" {
			return "not found"
		}
		return s
	}
	return fmt.Sprintf("%d parts, %d subsections, %d closing paragraphs, %d annexes, %d notes; date %s, speaker %s, issuer %s",
		len(r.Parts), subs, len(r.Closing), len(r.Annexes), len(r.Notes), or(r.Head.Date), or(r.Head.Speaker), or(r.Head.Issuer()))
}
