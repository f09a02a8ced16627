package site

import (
	"bytes"
	"strings"

	"edition/generator/internal/markup"
)

// segment is a run of a page's rendered body; a body is cut where each
// chart's figure ends, so the chart's share panel can be placed after it
// from the model (chart id → panel) without searching the HTML.
type segment struct {
	HTML  string
	Chart string // the chart whose figure ends this run; "" for the last
}

// bodyWriter is the writer goldmark renders a page into (a
// util.BufWriter, so goldmark writes to it directly). The chart renderer
// tells it where each figure ends (chart.FigureMarker).
type bodyWriter struct {
	bytes.Buffer
	segs  []segment
	start int
}

func (w *bodyWriter) Available() int { return w.Cap() - w.Len() }
func (w *bodyWriter) Buffered() int  { return 0 }
func (w *bodyWriter) Flush() error   { return nil }

// FigureEnd implements chart.FigureMarker.
func (w *bodyWriter) FigureEnd(id string) {
	w.segs = append(w.segs, segment{HTML: string(w.Bytes()[w.start:]), Chart: id})
	w.start = w.Len()
}

// segments returns the body cut at the figures' ends.
func (w *bodyWriter) segments() []segment {
	return append(w.segs, segment{HTML: string(w.Bytes()[w.start:])})
}

// joinBody joins a body's runs, each chart's share panel (if panels has
// one) after its first figure.
func joinBody(segs []segment, panels map[string]string) string {
	var b strings.Builder
	done := map[string]bool{}
	for _, s := range segs {
		b.WriteString(s.HTML)
		if p, ok := panels[s.Chart]; ok && !done[s.Chart] {
			b.WriteString("\n" + p)
			done[s.Chart] = true
		}
	}
	return b.String()
}

// leadHeadingsIn is leadHeadings for each run of a body.
func leadHeadingsIn(segs []segment, paras []markup.Para) []segment {
	out := make([]segment, len(segs))
	for i, s := range segs {
		out[i] = segment{HTML: leadHeadings(s.HTML, paras), Chart: s.Chart}
	}
	return out
}
