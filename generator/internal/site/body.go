package site

import (
	"bytes"
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

// joinBody joins a body's runs, each chart's share panel (if panels has
// one) after its first figure, and returns it with the offset where the
// page's title ends in it (0 when it has none).
func joinBody(segs []segment, panels map[string]string) (string, int) {
	var b strings.Builder
	done := map[string]bool{}
	title := 0
	for _, s := range segs {
		b.WriteString(s.HTML)
		if s.Title && title == 0 {
			title = b.Len()
		}
		if p, ok := panels[s.Chart]; ok && !done[s.Chart] {
			b.WriteString("\n" + p)
			done[s.Chart] = true
		}
	}
	return b.String(), title
}
