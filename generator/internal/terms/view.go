package terms

import (
	"fmt"
	"sort"

	"edition/generator/internal/report"
)

// NoteView is a note as the templates show it.
type NoteView struct {
	Number int
	Marker string   // the number as the report prints it: "1.", "1．", "（1）", "①"
	Sep    string   // the colon after the term
	Term   string   // the term as the note prints it; "" for a note without one (note 14)
	Label  string   // what names the note: Term, or else its first anchor
	Text   []string // the note's text: first line after the colon, then more lines
	Uses   []UseView
	Href   string // optional: this note on the notes page ("/notes/#n5"), linked from a section's endnotes
	NewTab bool   // Href opens in a new tab (on an embed page)
	More   int    // uses not listed in Uses (a section's endnotes list a few; the notes page all)
}

// UseView is one place a note's term is used, for a back-link.
type UseView struct {
	Href    string // the paragraph, e.g. "/2-1/#p2-1-2"
	NewTab  bool   // Href opens in a new tab (on an embed page)
	Cite    string // e.g. "二（一）¶2"
	Snippet string // plain text context: Before + Match + After
	Before  string
	Match   string
	After   string
}

// Where gives the link and the citation label of a paragraph id.
type Where func(paraID string) (href, cite string)

// Views returns every note with the uses of its term, in note order and,
// within a note, in the order of uses.
func Views(notes []report.Note, anchors []Anchor, uses []Use, where Where) []NoteView {
	vs := make([]NoteView, 0, len(notes))
	for _, n := range notes {
		v := NoteView{Number: n.Num, Term: n.Term, Label: n.Term, Text: n.Text, Marker: n.Marker, Sep: n.Sep}
		if v.Marker == "" {
			v.Marker = fmt.Sprintf("%d.", n.Num)
		}
		if v.Sep == "" {
			v.Sep = "："
		}
		if v.Label == "" {
			for _, a := range anchors {
				if a.Note == n.Num {
					v.Label = a.Text
					break
				}
			}
		}
		for _, u := range uses {
			if u.Note != n.Num {
				continue
			}
			href, cite := where(u.ParaID)
			match := ""
			if u.Anchor >= 0 && u.Anchor < len(anchors) {
				match = anchors[u.Anchor].Text
			}
			v.Uses = append(v.Uses, UseView{Href: href, Cite: cite, Snippet: u.Snippet, Before: u.Before, Match: match, After: u.After})
		}
		vs = append(vs, v)
	}
	return vs
}

// Used returns the views of the notes used on a page, in note order: the
// endnotes of a section page.
func Used(views []NoteView, page []Use) []NoteView {
	on := map[int]bool{}
	for _, u := range page {
		on[u.Note] = true
	}
	var out []NoteView
	for _, v := range views {
		if on[v.Number] {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}
