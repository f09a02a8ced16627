package content

import (
	"fmt"
	"strings"

	"edition/generator/internal/diag"
	"edition/generator/internal/report"
)

// layout places a report's units on content pages in reading order.
type layout struct {
	r     *report.Report
	pages []*page
	order int
	// year and kind are what the figures of the paragraphs being placed
	// state (see period).
	year int
	kind string
}

// page is one content file being made.
type page struct {
	name  string
	meta  Meta
	body  []string // blocks
	paras []Para
	annex bool // not the report: no figures from it
}

func (l *layout) newPage(name string, m Meta) *page {
	p := &page{name: name, meta: m}
	l.pages = append(l.pages, p)
	return p
}

func (l *layout) addPara(p *page, id string, rp report.Para) {
	p.body = append(p.body, paraMD(rp)+" {#"+id+"}")
	p.paras = append(p.paras, Para{ID: id, Text: rp.Text, Year: l.year, Kind: l.kind})
}

// words returns the labels of the opening and closing in the report's script.
func (l *layout) words() (opening, closing string) {
	if l.r.Simplified() {
		return "开篇", "结语"
	}
	return "開篇", "結語"
}

func (l *layout) home() {
	r := l.r
	opening, _ := l.words()
	title := r.Title.Text
	if title == "" {
		title = reportName(r)
	}
	home := l.newPage("home", Meta{Title: title, Cite: opening, Kind: "home", Order: l.order,
		ReportTitle: r.Title.Text, Occasion: r.Occasion.Text, Speaker: r.Speaker.Text, Salutation: r.Salutation.Text})
	for i, p := range r.Opening {
		l.addPara(home, ParaID(0, 0, i+1), p)
	}
}

// part places a part on its page, run-in subsections with it and each
// standalone subsection on a page of its own.
func (l *layout) part(part report.Part) {
	l.year, l.kind = period(l.r.Head.Year, part.Heading)
	l.order++
	slug := fmt.Sprintf("part-%d", part.Num)
	pp := l.newPage(slug, Meta{Title: strings.TrimPrefix(part.Heading, part.Numeral+"、"), Cite: part.Numeral, Slug: slug, Order: l.order, Kind: "part"})
	pp.body = append(pp.body, "# "+escapeMD(part.Heading)+fmt.Sprintf(" {#part-%d}", part.Num))
	for i, p := range part.Intro {
		l.addPara(pp, ParaID(part.Num, 0, i+1), p)
	}
	for _, s := range part.Sections {
		if s.Inline {
			for i, p := range s.Paras {
				l.addPara(pp, ParaID(part.Num, s.Num, i+1), p)
			}
			continue
		}
		l.order++
		sslug := fmt.Sprintf("part-%d-%d", part.Num, s.Num)
		cite := part.Numeral + "（" + report.Numeral(s.Num) + "）"
		sp := l.newPage(sslug, Meta{Title: strings.TrimPrefix(s.Heading, s.Marker), Cite: cite, Slug: sslug, Order: l.order, Kind: "section", Parent: slug})
		sp.body = append(sp.body, "# "+escapeMD(s.Heading)+fmt.Sprintf(" {#s%d-%d}", part.Num, s.Num))
		for i, p := range s.Paras {
			l.addPara(sp, ParaID(part.Num, s.Num, i+1), p)
		}
	}
	l.year, l.kind = 0, ""
}

func (l *layout) closing() {
	if len(l.r.Closing) == 0 {
		return
	}
	_, closing := l.words()
	l.order++
	cp := l.newPage("closing", Meta{Title: closing, Cite: closing, Slug: "closing", Order: l.order, Kind: "closing"})
	for i, p := range l.r.Closing {
		l.addPara(cp, ParaID(Closing, 0, i+1), p)
	}
}

// annex places an annex on a page of its own after the report; the site
// lists it like the closing, outside the parts.
func (l *layout) annex(a report.Annex) {
	l.order++
	slug := fmt.Sprintf("annex-%d", a.Num)
	title := a.Heading
	if len(a.Paras) > 0 && isTitleLine(a.Paras[0].Text) && reAnnexLabel().MatchString(a.Heading) {
		title = a.Paras[0].Text // 附件1, then its title on the next line
	}
	ap := l.newPage(slug, Meta{Title: title, Cite: fmt.Sprintf("附件%d", a.Num), Slug: slug, Order: l.order, Kind: "closing"})
	ap.annex = true
	ap.body = append(ap.body, "# "+escapeMD(a.Heading)+fmt.Sprintf(" {#annex-%d}", a.Num))
	for i, p := range a.Paras {
		l.addPara(ap, fmt.Sprintf("pa%d-%d", a.Num, i+1), p)
	}
}

// paras returns the paragraphs placed so far: with the annexes (where
// notes' terms are linked too), or the report's own only.
func (l *layout) paras(annexes bool) []Para {
	var ps []Para
	for _, p := range l.pages {
		if annexes || !p.annex {
			ps = append(ps, p.paras...)
		}
	}
	return ps
}

// extra runs cfg.Extra over the report's paragraphs: its files go to out,
// its blocks after the paragraphs they name.
func (l *layout) extra(cfg GenerateConfig, out Generated) error {
	files, after, err := cfg.Extra(l.paras(false), l.r.Simplified())
	if err != nil {
		return err
	}
	for k, v := range files {
		out[k] = v
	}
	for _, p := range l.pages {
		var blocks []string
		for _, b := range p.body {
			blocks = append(blocks, b)
			if id := blockID(b); id != "" {
				for _, a := range after[id] {
					blocks = append(blocks, strings.TrimSuffix(a, "\n"))
				}
			}
		}
		p.body = blocks
	}
	return nil
}

// write adds the pages to out, numbered in reading order.
func (l *layout) write(out Generated) {
	width := max(len(fmt.Sprint(len(l.pages))), 2)
	for i, p := range l.pages {
		out[fmt.Sprintf("%0*d-%s.md", width, i, p.name)] = pageFile(p.meta, p.body)
	}
}

// notes makes notes.yaml with the anchors cfg.Anchors proposes; a note
// without one is a warning at its seed line.
func (l *layout) notes(res *report.Result, cfg GenerateConfig) []byte {
	r := l.r
	ns := &Notes{Label: r.NotesLabel.Text, Heading: r.NotesHeading.Text}
	var anchors [][]Anchor
	if cfg.Anchors != nil {
		anchors = cfg.Anchors(r.Notes, l.paras(true))
	}
	seed := cfg.SeedPath
	if seed == "" {
		seed = cfg.SeedName
	}
	for i, n := range r.Notes {
		note := Note{Number: n.Num, Marker: n.Marker, Sep: n.Sep, Term: n.Term, Text: n.Text}
		if i < len(anchors) {
			note.Anchors = anchors[i]
		}
		if len(note.Anchors) == 0 {
			res.Warnings = append(res.Warnings, diag.Errorf(seed, n.Seed, "note %d (%s) could not be anchored in the body: add the body text it explains to its anchors in %s", n.Num, n.Term, NotesFile))
		}
		ns.Notes = append(ns.Notes, note)
	}
	return ns.Format(notesComment)
}
