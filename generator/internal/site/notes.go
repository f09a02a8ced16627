package site

import (
	"strings"

	"edition/generator/internal/model"
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

// maxBacklinks bounds how many uses of a note a section page's endnotes
// list (the notes page lists them all), so that a page's size does not
// grow with the size of the report. No note of the 2024 report has more
// than two uses.
const maxBacklinks = 8

// noteViews are the notes with all their uses, linked from the page at
// from: the notes page.
func (e *edition) noteViews(from string) []terms.NoteView {
	return relativeViews(e.rootViews(), from, 0)
}

// endnotes are the views of the notes used on p, linked from p, each
// listing the uses on p and others up to maxBacklinks.
func (e *edition) endnotes(p *Page) []terms.NoteView {
	return relativeViews(terms.Used(e.rootViews(), p.uses), p.URL, maxBacklinks)
}

// rootViews are the notes with their uses, linked from the edition root
// ("part-1/#p1-2"); made once per build, after every page is parsed.
func (e *edition) rootViews() []terms.NoteView {
	if e.notes == nil || e.views != nil {
		return e.views
	}
	var rn []report.Note
	for _, n := range e.notes.Notes {
		rn = append(rn, report.Note{Num: n.Number, Marker: n.Marker, Sep: n.Sep, Term: n.Term, Text: n.Text})
	}
	where := func(id string) (string, string) {
		p := e.paras[id]
		return model.URL(model.Para{ID: id, Page: p.Page}), p.Cite
	}
	e.views = terms.Views(rn, e.anchors, e.uses, where)
	return e.views
}

// relativeViews copies views with links relative to the page at from,
// keeping at most limit uses of each (0: all): the uses on that page
// first, then others in reading order.
func relativeViews(views []terms.NoteView, from string, limit int) []terms.NoteView {
	out := make([]terms.NoteView, len(views))
	for i, v := range views {
		uses := v.Uses
		if limit > 0 && len(uses) > limit {
			uses = pickUses(uses, from, limit)
			v.More = len(v.Uses) - len(uses)
		}
		v.Uses = make([]terms.UseView, len(uses))
		for j, u := range uses {
			to, frag, _ := strings.Cut(u.Href, "#")
			u.Href = "#" + frag
			if to != from {
				u.Href = rootOf(from) + to + u.Href
			}
			v.Uses[j] = u
		}
		v.Href = rootOf(from) + model.URL(model.Note{Number: v.Number})
		out[i] = v
	}
	return out
}

// pickUses keeps limit uses, those on page from first, in reading order.
func pickUses(uses []terms.UseView, from string, limit int) []terms.UseView {
	keep := make([]bool, len(uses))
	n := 0
	for pass := 0; pass < 2; pass++ {
		for i, u := range uses {
			if n == limit || keep[i] {
				continue
			}
			if to, _, _ := strings.Cut(u.Href, "#"); pass == 1 || to == from {
				keep[i] = true
				n++
			}
		}
	}
	out := make([]terms.UseView, 0, limit)
	for i, u := range uses {
		if keep[i] {
			out = append(out, u)
		}
	}
	return out
}
