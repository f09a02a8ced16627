package site

import (
	"bytes"
	"html/template"
)

// bodyWriter is the writer goldmark renders a page into (a
// util.BufWriter, so goldmark writes to it directly). It notes where the
// page's title ends, which its in-page contents follow, and where each
// chart's figure ends (the chart renderer tells it: chart.FigureMarker),
// so the chart's share panel can be placed after it from the model
// (chart id → panel) without searching the HTML.
type bodyWriter struct {
	bytes.Buffer
	cuts   []Cut
	title  int
	titled bool // the title has ended
}

func (w *bodyWriter) Available() int { return w.Cap() - w.Len() }
func (w *bodyWriter) Buffered() int  { return 0 }
func (w *bodyWriter) Flush() error   { return nil }

// FigureEnd implements chart.FigureMarker.
func (w *bodyWriter) FigureEnd(id string) {
	w.cuts = append(w.cuts, Cut{At: w.Len(), Chart: id})
}

// TitleEnd implements markup.TitleMarker: the first level-1 heading is
// the page's title.
func (w *bodyWriter) TitleEnd() {
	if !w.titled {
		w.titled, w.title = true, w.Len()
	}
}

// body returns the body, where its title ends (0 when it has none) and
// where each chart's figure ends in it.
func (w *bodyWriter) body() (string, int, []Cut) {
	return w.String(), w.title, w.cuts
}

// Cut is where a chart's figure ends in a page's body.
type Cut struct {
	At    int
	Chart string
}

// Run is a stretch of a page's body, and the share panel of the chart
// whose figure ends it (after the chart's first figure only).
type Run struct {
	HTML  template.HTML
	Share *ShareView
}

// runs are the body's stretches from..to, each chart's share panel after
// its first figure (templates/partials/share.html's "runs" shows them).
func (p *Page) runs(from, to int) []Run {
	var out []Run
	done := map[string]bool{}
	at := from
	for _, c := range p.Cuts {
		sv, ok := p.ChartShares[c.Chart]
		if !ok || done[c.Chart] {
			continue
		}
		done[c.Chart] = true
		if c.At <= from || c.At > to {
			continue
		}
		out = append(out, Run{HTML: p.Body[at:c.At], Share: sv})
		at = c.At
	}
	return append(out, Run{HTML: p.Body[at:to]})
}

// Runs is the whole body with its charts' share panels.
func (p *Page) Runs() []Run { return p.runs(0, len(p.Body)) }
