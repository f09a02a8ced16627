package site

import (
	"bytes"
	"html/template"
	"strings"
)

// segment is a run of a page's rendered body; a body is cut where each
// chart's figure ends, so the chart's share panel can be placed after it
// from the model (chart id → panel) without searching the HTML, and where
// the page's title ends, which its in-page contents follow.
type segment struct {
	HTML  string
	Chart string // the chart whose figure ends this run; "" for none
	Title bool   // the page's title (its first <h1>) ends this run
}

// bodyWriter is the writer goldmark renders a page into (a
// util.BufWriter, so goldmark writes to it directly). The chart renderer
// tells it where each figure ends (chart.FigureMarker).
type bodyWriter struct {
	bytes.Buffer
	segs  []segment
	start int
	title bool // the title has ended
}

func (w *bodyWriter) Available() int { return w.Cap() - w.Len() }
func (w *bodyWriter) Buffered() int  { return 0 }
func (w *bodyWriter) Flush() error   { return nil }

// FigureEnd implements chart.FigureMarker.
func (w *bodyWriter) FigureEnd(id string) {
	w.segs = append(w.segs, segment{HTML: string(w.Bytes()[w.start:]), Chart: id})
	w.start = w.Len()
}

// TitleEnd implements markup.TitleMarker: the first level-1 heading is
// the page's title.
func (w *bodyWriter) TitleEnd() {
	if w.title {
		return
	}
	w.title = true
	w.segs = append(w.segs, segment{HTML: string(w.Bytes()[w.start:]), Title: true})
	w.start = w.Len()
}

// segments returns the body cut at the figures' ends.
func (w *bodyWriter) segments() []segment {
	return append(w.segs, segment{HTML: string(w.Bytes()[w.start:])})
}

// bodyOf joins a body's runs and says where its title ends (0 when it
// has none) and where each chart's figure ends in it.
func bodyOf(segs []segment) (string, int, []Cut) {
	var b strings.Builder
	title := 0
	var cuts []Cut
	for _, s := range segs {
		b.WriteString(s.HTML)
		if s.Title && title == 0 {
			title = b.Len()
		}
		if s.Chart != "" {
			cuts = append(cuts, Cut{At: b.Len(), Chart: s.Chart})
		}
	}
	return b.String(), title, cuts
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
