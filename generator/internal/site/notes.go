package site

import (
	"edition/generator/internal/report"
	"edition/generator/internal/terms"
)

// termAnchors are notes.yaml's anchors in the form the terms extension
// takes, with their lines for errors.
func (e *edition) termAnchors() []terms.Anchor {
	if e.notes == nil {
		return nil
	}
	var as []terms.Anchor
	for _, n := range e.notes.Notes {
		for _, a := range n.Anchors {
			as = append(as, terms.Anchor{Note: n.Number, Text: a.Text, Count: a.Count, Path: e.notes.Path, Line: a.Line})
		}
	}
	return as
}

// noteViews are the notes with their uses, linked from the page at from.
func (e *edition) noteViews(from string) []terms.NoteView {
	if e.notes == nil {
		return nil
	}
	var rn []report.Note
	for _, n := range e.notes.Notes {
		rn = append(rn, report.Note{Num: n.Number, Term: n.Term, Text: n.Text})
	}
	where := func(id string) (string, string) {
		to := e.paraPage[id]
		h := "#" + id
		if to != from {
			h = rootOf(from) + to + h
		}
		return h, e.cites[id]
	}
	vs := terms.Views(rn, e.anchors, e.uses, where)
	for i := range vs {
		vs[i].Href = rootOf(from) + noteURL(vs[i].Number)
	}
	return vs
}
