package site

import (
	"fmt"
	"strings"

	"edition/generator/internal/model"
	"edition/generator/internal/report"
)

// CorrectionView is one repair as the corrections page lists it.
type CorrectionView struct {
	N                  int
	SeedLine           int
	Damaged, Repaired  string
	Confidence, Reason string
	Restored           bool
	Href, Cite         string // where the repaired text stands in the edition
}

// PunctView is the punctuation rule and how often it applied.
type PunctView struct {
	From, To, Reason string
	Count            int
}

// corrections lists the recorded repairs with the place each stands in.
func (e *edition) corrections() ([]CorrectionView, *PunctView) {
	corr := e.c.Corrections
	if corr == nil {
		return nil, nil
	}
	var pv *PunctView
	m := corr.PunctMap()
	if corr.Punct != nil {
		pv = &PunctView{From: corr.Punct.Damaged, To: corr.Punct.Repaired, Reason: corr.Punct.Reason}
		count := func(s string) {
			for _, r := range s {
				if strings.ContainsRune(pv.To, r) {
					pv.Count++
				}
			}
		}
		for _, p := range e.pages {
			for _, para := range p.Paras {
				count(para.Text)
			}
		}
		f := e.site.Report
		for _, t := range []string{f.Title, f.Occasion, f.Speaker, f.Salutation} {
			count(t)
		}
		if e.notes != nil {
			for _, n := range e.notes.Notes {
				for _, l := range n.Lines() {
					count(l)
				}
			}
		}
	}
	var out []CorrectionView
	for i, it := range corr.Items {
		rep, _ := report.Punctuate(it.Repaired, m)
		if pv != nil {
			// Full-width marks a repair wrote are the repair's, not the
			// rule's; an ASCII mark in a repair is still the rule's to change.
			for _, r := range it.Repaired {
				if strings.ContainsRune(pv.To, r) {
					pv.Count--
				}
			}
		}
		rep = e.conv(rep)
		// The damaged text is evidence: it is shown as the seed has it.
		v := CorrectionView{N: i + 1, SeedLine: it.SeedLine, Damaged: it.Damaged, Repaired: rep, Confidence: it.Confidence, Reason: it.Reason, Restored: it.Insertion()}
		v.Href, v.Cite = e.locate(rep, it.Insertion())
		out = append(out, v)
	}
	return out, pv
}

// locate finds the one paragraph that holds text, for a link from the
// corrections page. Text found in several places gets no link.
func (e *edition) locate(text string, restored bool) (href, cite string) {
	if restored {
		return "", ""
	}
	found := 0
	for _, p := range e.pages {
		for _, para := range p.Paras {
			if strings.Contains(para.Text, text) {
				found++
				href, cite = p.URL+"#"+para.ID, para.Cite
				if para.Heading {
					cite = p.Meta.Cite
				}
			}
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			for _, l := range n.Lines() {
				if strings.Contains(l, text) {
					found++
					href, cite = model.URL(model.Note{Number: n.Number}), e.ui(fmt.Sprintf("注釋%d", n.Number))
				}
			}
		}
	}
	if found != 1 {
		return "", ""
	}
	return href, cite
}
