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

// corrections lists the recorded repairs with the place each stands in,
// and how often the punctuation rule applied. Both come from one scan of
// each text of the edition (textScan), which a preview remembers by text:
// after an edit only the edited paragraph is searched again.
func (e *edition) corrections() ([]CorrectionView, *PunctView) {
	corr := e.c.Corrections
	if corr == nil {
		return nil, nil
	}
	var pv *PunctView
	if corr.Punct != nil {
		pv = &PunctView{From: corr.Punct.Damaged, To: corr.Punct.Repaired, Reason: corr.Punct.Reason}
	}
	m := corr.PunctMap()
	out := make([]CorrectionView, len(corr.Items))
	find := make([]string, len(corr.Items))   // the repaired texts to find
	restored := make([]bool, len(corr.Items)) // a restored line is found nowhere
	for i, it := range corr.Items {
		rep, _ := report.Punctuate(it.Repaired, m)
		rep = e.conv(rep)
		// The damaged text is evidence: it is shown as the seed has it.
		out[i] = CorrectionView{N: i + 1, SeedLine: it.SeedLine, Damaged: it.Damaged, Repaired: rep, Confidence: it.Confidence, Reason: it.Reason, Restored: it.Insertion()}
		find[i], restored[i] = rep, it.Insertion()
		if pv != nil {
			// Full-width marks a repair wrote are the repair's, not the
			// rule's; an ASCII mark in a repair is still the rule's to change.
			pv.Count -= countIn(it.Repaired, pv.To)
		}
	}
	sc := e.scanner(pv, find, restored)
	if pv != nil {
		f := e.site.Report
		for _, t := range []string{f.Title, f.Occasion, f.Speaker, f.Salutation} {
			pv.Count += sc.scan(t).punct
		}
	}
	e.locate(sc, out, pv)
	return out, pv
}

// countIn is how many runes of s are in set.
func countIn(s, set string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(set, r) {
			n++
		}
	}
	return n
}

// locate links each correction to the one paragraph (or note) that holds
// its repaired text, and counts the punctuation rule's marks in them. A
// text found in several places, or a restored line, gets no link.
func (e *edition) locate(sc *scanner, out []CorrectionView, pv *PunctView) {
	found := make([]int, len(out))
	at := func(hits []int, href, cite string) {
		for _, i := range hits {
			found[i]++
			out[i].Href, out[i].Cite = href, cite
		}
	}
	for _, p := range e.pages {
		for _, para := range p.Paras {
			s := sc.scan(para.Text)
			if pv != nil {
				pv.Count += s.punct
			}
			if len(s.hits) == 0 {
				continue
			}
			cite := para.Cite
			if para.Heading {
				cite = p.Meta.Cite
			}
			at(s.hits, p.URL+"#"+para.ID, cite)
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			for _, l := range n.Lines() {
				s := sc.scan(l)
				if pv != nil {
					pv.Count += s.punct
				}
				if len(s.hits) > 0 {
					at(s.hits, model.URL(model.Note{Number: n.Number}), e.ui(fmt.Sprintf("注釋%d", n.Number)))
				}
			}
		}
	}
	for i := range out {
		if found[i] != 1 {
			out[i].Href, out[i].Cite = "", ""
		}
	}
}

// textScan is what the corrections page needs of one text: how many of the
// punctuation rule's marks it has, and which repaired texts it holds.
type textScan struct {
	punct int
	hits  []int // indexes into the corrections
}

// scanner scans texts for one set of marks and repaired texts, through
// the Builder's memo when it keeps one.
type scanner struct {
	bl       *Builder
	sig      uint64 // the marks and texts, for the memo's key
	marks    string
	find     []string
	restored []bool
}

type scanKey struct {
	sig  uint64
	text string
}

func (e *edition) scanner(pv *PunctView, find []string, restored []bool) *scanner {
	sc := &scanner{find: find, restored: restored}
	if pv != nil {
		sc.marks = pv.To
	}
	if e.bl != nil && !e.bl.Once {
		h := e.bl.hasher()
		h.WriteString(sc.marks + "\x00" + strings.Join(find, "\x00"))
		fmt.Fprint(&h, restored)
		sc.bl, sc.sig = e.bl, h.Sum64()
	}
	return sc
}

func (sc *scanner) scan(text string) textScan {
	if sc.bl == nil {
		return sc.scanNow(text)
	}
	k := scanKey{sc.sig, text}
	sc.bl.mu.Lock()
	s, ok := sc.bl.scans.get(k)
	sc.bl.mu.Unlock()
	if ok {
		return s
	}
	s = sc.scanNow(text)
	sc.bl.mu.Lock()
	sc.bl.scans.put(k, s)
	sc.bl.mu.Unlock()
	return s
}

func (sc *scanner) scanNow(text string) textScan {
	s := textScan{punct: countIn(text, sc.marks)}
	for i, f := range sc.find {
		if !sc.restored[i] && strings.Contains(text, f) {
			s.hits = append(s.hits, i)
		}
	}
	return s
}
