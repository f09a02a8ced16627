package embed

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout is what an Estimate assumes of the embed stylesheet
// (static/css/embed.css and the site's base): the root font size, body
// line height, and the side padding of the embed root.
type Layout struct {
	FontPx     float64 // body text size: 17 (1.0625rem)
	LineHeight float64 // 1.85
	PadPx      float64 // padding on each side and at top and bottom
	MaxPx      float64 // widest column; 0 for none
}

// DefaultLayout matches the site's stylesheet: the embed root is at most
// 40rem wide plus its padding.
func DefaultLayout() Layout { return Layout{FontPx: 17, LineHeight: 1.85, PadPx: 16, MaxPx: 640} }

// block is how one kind of block lays out, from the site's CSS: its font
// scale relative to its parent, line height (0: the parent's), and
// vertical margins in its own ems.
type block struct {
	scale, line, before, after float64
}

var (
	h1Block      = block{1.45 / 1.0625, 1.45, 20 / 23.2, 16 / 23.2}
	h2Block      = block{1.2 / 1.0625, 1.45, 32 / 19.2, 12 / 19.2}
	pBlock       = block{1, 0, 0, 1.1}
	liBlock      = block{1, 0, 0, 0}
	captionBlock = block{1, 0, 0, 0.5}
)

// An Estimate adds up the height in CSS pixels of an embed page laid out
// at one width, from what the page shows (its headings, paragraphs,
// charts, notes and source line), not from its HTML: the build runs no
// browser, and reads nothing back. CJK characters are one em wide, Latin
// and digits about half; each text block fills whole lines; a chart
// scales its viewBox to the column. It errs a little high, so a host
// without the resize script shows all of the text and a small gap rather
// than cutting the end off.
type Estimate struct {
	l   Layout
	col float64 // the text column, px
	h   float64
}

// NewEstimate starts an estimate of a page width pixels wide.
func NewEstimate(width int, l Layout) *Estimate {
	col := float64(width) - 2*l.PadPx
	if l.MaxPx > 0 && col > l.MaxPx {
		col = l.MaxPx
	}
	return &Estimate{l: l, col: col}
}

// Height is the page's height, rounded up to 10 px with 4 % to spare.
func (e *Estimate) Height() int {
	return int(math.Ceil((2*e.l.PadPx+e.h)*1.04/10) * 10)
}

// text adds a block of text s at font size px (the block's parent's) and
// line height line (the parent's).
func (e *Estimate) text(b block, s string, px, line float64) {
	fs := px * b.scale
	if b.line > 0 {
		line = b.line
	}
	e.h += (b.before+b.after)*fs + lines(s, e.col, fs)*fs*line
}

// Heading adds a heading of the given level; only <h1> and <h2> are
// styled as blocks of their own.
func (e *Estimate) Heading(level int, s string) {
	switch level {
	case 1:
		e.text(h1Block, s, e.l.FontPx, e.l.LineHeight)
	case 2:
		e.text(h2Block, s, e.l.FontPx, e.l.LineHeight)
	}
}

// Para adds a paragraph of body text.
func (e *Estimate) Para(s string) { e.text(pBlock, s, e.l.FontPx, e.l.LineHeight) }

// Chart is what a chart's figure shows (chart.Box).
type Chart struct {
	Caption string  // title and subtitle
	W, H    float64 // the chart's viewBox
	Source  string  // the source line
	Summary string  // the folded data table's summary
}

// Chart adds a chart's figure: its margins, caption, the chart scaled to
// the column (charts are at most 27rem, 432 px, wide), its source line,
// and its data table folded under a summary line.
func (e *Estimate) Chart(c Chart) {
	px, line := e.l.FontPx, e.l.LineHeight
	e.h += 3 * px // margins and padding of the figure
	e.text(captionBlock, c.Caption, px, line)
	if c.W > 0 {
		e.h += c.H * math.Min(e.col, 432) / c.W
	}
	e.text(pBlock, c.Source, px, line)
	e.h += lines(c.Summary, e.col, px)*px*line + 0.4*px
}

// Note is one of a section's endnotes: its paragraphs (the first opens
// with the term), its uses listed below (each "cite snippet"), the line
// on further uses, and whether it links to the notes page.
type Note struct {
	Paras    []string
	Uses     []string
	More     string
	NotePage string
}

// Notes adds the endnotes section: its rule and heading, then each note,
// at the endnotes' smaller size.
func (e *Estimate) Notes(heading string, notes []Note) {
	if len(notes) == 0 {
		return
	}
	fs, line := e.l.FontPx*0.95, 1.85
	e.h += 4 * fs // margin, padding and rule above the notes
	e.text(h2Block, heading, fs, line)
	for _, n := range notes {
		for _, p := range n.Paras {
			e.text(pBlock, p, fs, line)
		}
		if len(n.Uses) > 0 {
			ufs, uline := fs*0.9, 1.9
			e.text(pBlock, usesHeading, ufs, uline)
			for _, u := range n.Uses {
				e.text(liBlock, u, ufs, uline)
			}
			if n.More != "" {
				e.text(liBlock, n.More, ufs, uline)
			}
		}
		if n.NotePage != "" {
			e.text(pBlock, n.NotePage, fs, line)
		}
	}
}

// usesHeading is the heading of a note's list of uses, as
// templates/partials/notes.html writes it.
const usesHeading = "本報告中出現"

// lines is how many lines text fills in a column col pixels wide at font
// size px.
func lines(s string, col, px float64) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	var w float64
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r < 0x80 && unicode.IsSpace(r):
			w += 0.3
		case r < 0x2000:
			w += 0.56
		default:
			w++
		}
	}
	per := math.Floor(col / px)
	if per < 1 {
		per = 1
	}
	// Line breaking wastes part of a line now and then (kinsoku, a Latin
	// word that does not fit).
	return math.Ceil(w * 1.03 / per)
}
