package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"iter"
	"path"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/report"
	"edition/generator/internal/search"
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
		vs[i].Href = rootOf(from) + fmt.Sprintf("notes/#n%d", vs[i].Number)
	}
	return vs
}

// Link is a titled relative link.
type Link struct {
	Href, Title, Cite string
	Children          []Link
}

// Alternate is the same page in another edition.
type Alternate struct {
	Lang, Label, Href, Abs string
	Current                bool
}

// Page is the data a template receives.
type Page struct {
	Site       *Site
	Meta       content.Meta
	Kind       string // home, part, section, closing, notes, corrections, 404
	Title      string // <title> and <h1> where the template wants it
	URL        string // path below the edition root: "" or "part-2-1/"
	Root       string // relative path from this page to the edition root
	SiteRoot   string // relative path from this page to the site root (assets)
	Body       template.HTML
	Crumbs     []Link
	Prev       *Link
	Next       *Link
	Sections   []Link // for part pages: their subsections
	Paras      []markup.Para
	Alternates []Alternate
	Figures    *FigureView      // the figures page only
	Endnotes   []terms.NoteView // the notes of the terms this page uses
	NoteViews  []terms.NoteView // the notes page: every note with its uses
	Share      *ShareView       // embed code, for pages with an embed page (embed.go)
	uses       []terms.Use
}

// Href returns a link from this page to a path below the edition root.
func (p *Page) Href(to string) string {
	if to == "" {
		if p.Root == "" {
			return "./"
		}
		return p.Root
	}
	return p.Root + to
}

// Asset returns a link from this page to a path below the site root.
func (p *Page) Asset(to string) string { return p.SiteRoot + to }

// Canonical is the page's absolute address.
func (p *Page) Canonical() string { return baseURL(p.Site.Settings) + p.Site.Prefix + p.URL }

// Site is what every page of an edition can see.
type Site struct {
	Settings    content.Settings
	Lang        string
	Prefix      string
	TOC         []Link // parts with their subsections, hrefs relative to the root
	Notes       *content.Notes
	Corrections []CorrectionView
	Repairs     int // corrections that replace damaged text
	Restored    int // corrections that restore a missing line
	Punct       *PunctView
	CSS, JS     string // asset paths below the site root
	Report      reportFront
	HasFigures  bool
}

type reportFront struct{ Title, Occasion, Speaker, Salutation string }

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

// edition builds one script's edition into out.
type edition struct {
	bl *Builder // caches shared across editions and rebuilds
	content.Edition
	src      Sources
	c        *content.Content
	out      Output
	conv     func(string) string
	fold     func(rune) rune
	folded   iter.Seq[rune]
	lint     func(path, s string) diag.List
	css, js  string
	all      []content.Edition
	tmpl     map[string]*template.Template
	site     *Site
	pages    []*Page
	urls     []string // page URLs below the edition root, for the sitemap
	cpages   []*content.Page
	notes    *content.Notes
	settings content.Settings

	ds        *figures.Dataset  // key figures in this edition's script
	charts    []chartBlock      // charts placed in the content, in reading order
	paraPage  map[string]string // paragraph id → page URL
	chartPage map[string]string // chart id → page URL
	figChart  map[string]string // figure id → the first chart that shows it
	cur       string            // URL of the page being parsed or rendered

	anchors  []terms.Anchor
	parseKey []byte            // inputsKey, once per build
	uses     []terms.Use       // every linked term, in reading order
	cites    map[string]string // paragraph id → citation label
}

func (e *edition) build() error {
	var errs diag.List
	e.convertContent()
	if e.lint != nil {
		errs = append(errs, e.lintContent()...)
	}
	if err := e.loadTemplates(); err != nil {
		return err
	}
	e.site = &Site{Settings: e.settings, Lang: e.Lang, Prefix: e.Prefix, Notes: e.notes, CSS: e.css, JS: e.js, HasFigures: e.ds != nil}
	e.prepass()
	e.anchors = e.termAnchors()
	exts := []goldmark.Extender{markup.New(markup.Config{}), terms.New(terms.Config{Anchors: e.anchors, Label: e.conv("注釋")}), chart.New(e.chartConfig())}
	if e.Convert {
		exts = append(exts, convertCharts{e.conv})
	}
	md := goldmark.New(goldmark.WithExtensions(exts...))
	ids := map[string]string{}
	texts := map[string]string{}
	var body []string
	e.cites = map[string]string{}
	for _, cp := range e.cpages {
		e.cur = cp.URL()
		html, paras, uses, perrs := e.renderCached(md, cp)
		errs = append(errs, perrs...)
		for _, p := range paras {
			if prev, dup := ids[p.ID]; dup {
				errs = append(errs, diag.Errorf(cp.Path, p.Line, "duplicate ID %q (also %s)", p.ID, prev))
			}
			ids[p.ID] = fmt.Sprintf("%s:%d", cp.Path, p.Line)
			texts[p.ID] = p.Text
			e.cites[p.ID] = p.Cite
			if !p.Heading {
				body = append(body, p.Text)
			}
		}
		e.uses = append(e.uses, uses...)
		e.pages = append(e.pages, &Page{Site: e.site, Meta: cp.Meta, Kind: cp.Meta.Kind, Title: cp.Meta.Title,
			URL: cp.URL(), Body: template.HTML(html), Paras: paras, uses: uses})
	}
	// Every note is linked from the body, as often as recorded; checked on
	// the seed's own script, whose text notes.yaml quotes.
	if e.notes != nil && !e.Convert {
		var nums []int
		for _, n := range e.notes.Notes {
			nums = append(nums, n.Number)
		}
		errs = append(errs, terms.Check(e.anchors, e.uses, nums, body)...)
	}
	// Every figure must still say what its sentence says. Checked on the
	// seed's own script, whose text the dataset quotes.
	if e.ds != nil && !e.Convert {
		errs = append(errs, figures.Validate(e.ds, func(id string) (string, bool) { t, ok := texts[id]; return t, ok })...)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	e.navigation()
	for _, p := range e.pages {
		if p.Kind == "home" {
			m := p.Meta
			e.site.Report = reportFront{m.ReportTitle, m.Occasion, m.Speaker, m.Salutation}
		}
	}
	e.site.Corrections, e.site.Punct = e.corrections()
	for _, c := range e.site.Corrections {
		if c.Restored {
			e.site.Restored++
		} else {
			e.site.Repairs++
		}
	}
	for _, p := range e.pages {
		p.Endnotes = terms.Used(e.noteViews(p.URL), p.uses)
	}
	if err := e.embeds(md); err != nil {
		return err
	}
	for i, p := range e.pages {
		cp := e.cpages[i]
		name := cp.Meta.Template
		if name == "" {
			name = "page"
			if p.Kind == "home" {
				name = "home"
			}
		}
		if _, ok := e.tmpl[name]; !ok {
			errs = append(errs, diag.Errorf(cp.Path, cp.MetaLine, "unknown template %q (have %s)", name, strings.Join(e.templateNames(), ", ")))
			continue
		}
		if err := e.execute(name, p); err != nil {
			errs = append(errs, diag.Errorf(cp.Path, 0, "%v", err))
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	extra := []struct{ kind, url, title string }{
		{"notes", "notes/", "注釋"},
		{"corrections", "corrections/", "關於本版 / 勘誤"},
	}
	for _, x := range extra {
		if x.kind == "notes" && e.notes == nil {
			continue
		}
		p := e.newPage(x.kind, x.url, e.conv(x.title))
		p.Crumbs = []Link{{Href: p.Href(""), Title: e.conv("首頁")}}
		if x.kind == "notes" {
			p.NoteViews = e.noteViews(x.url)
			for i := range p.NoteViews {
				p.NoteViews[i].Href = ""
			}
		}
		if err := e.execute(x.kind, p); err != nil {
			return err
		}
	}
	if err := e.figuresPage(md); err != nil {
		return err
	}
	if e.Prefix == "" {
		nf := e.newPage("404", "404.html", e.conv("找不到此頁"))
		nf.Root = basePath(e.settings.BaseURL)
		nf.SiteRoot = nf.Root
		nf.Alternates = nil
		if err := e.execute("404", nf); err != nil {
			return err
		}
	}
	if err := e.searchIndex(); err != nil {
		return err
	}
	if e.lint != nil {
		return e.lintOutput().Err()
	}
	return nil
}

// renderPage parses and renders one page's Markdown. A panic inside
// goldmark on some input becomes an error naming the page, not a crash.
func renderPage(md goldmark.Markdown, cp *content.Page) (html []byte, paras []markup.Para, uses []terms.Use, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			errs = append(errs, diag.Errorf(cp.Path, 0, "cannot render this page (internal error: %v)", r))
		}
	}()
	pc := markup.NewContext(cp.Meta.Cite)
	doc := md.Parser().Parse(text.NewReader(cp.Source), parser.WithContext(pc))
	for _, err := range append(markup.Errors(pc), chart.Errors(pc)...) {
		err.Path = cp.Path
		errs = append(errs, err)
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, cp.Source, doc); err != nil {
		errs = append(errs, diag.Errorf(cp.Path, 0, "render: %v", err))
	}
	return buf.Bytes(), markup.Paras(pc), terms.Uses(pc), errs
}

// convertContent makes this edition's copy of the content in its script.
func (e *edition) convertContent() {
	cv := e.conv
	e.settings = e.c.Settings
	s := &e.settings
	s.Name, s.Report, s.Issuer, s.Speaker, s.About = cv(s.Name), cv(s.Report), cv(s.Issuer), cv(s.Speaker), cv(s.About)
	for _, p := range e.c.Pages {
		q := *p
		m := &q.Meta
		m.Title, m.Cite, m.ReportTitle, m.Occasion, m.Speaker, m.Salutation, m.Description =
			cv(m.Title), cv(m.Cite), cv(m.ReportTitle), cv(m.Occasion), cv(m.Speaker), cv(m.Salutation), cv(m.Description)
		q.Source = []byte(cv(string(p.Source)))
		e.cpages = append(e.cpages, &q)
	}
	if n := e.c.Notes; n != nil {
		ns := &content.Notes{Path: n.Path, Heading: cv(n.Heading)}
		for _, note := range n.Notes {
			c := note
			c.Term = cv(c.Term)
			c.Text = nil
			for _, t := range note.Text {
				c.Text = append(c.Text, cv(t))
			}
			c.Anchors = nil
			for _, a := range note.Anchors {
				a.Text = cv(a.Text)
				c.Anchors = append(c.Anchors, a)
			}
			ns.Notes = append(ns.Notes, c)
		}
		e.notes = ns
	}
}

// lintContent finds Traditional characters left in the converted text.
// Conversion keeps lines and columns, so positions are the source's.
func (e *edition) lintContent() diag.List {
	var errs diag.List
	for _, p := range e.cpages {
		errs = append(errs, e.lint(p.Path, string(p.Source))...)
		for _, v := range []string{p.Meta.Title, p.Meta.Cite, p.Meta.Occasion, p.Meta.Speaker, p.Meta.Salutation, p.Meta.ReportTitle} {
			for _, err := range e.lint(p.Path, v) {
				err.Line, err.Col = p.MetaLine, 0
				errs = append(errs, err)
			}
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			for _, t := range append([]string{n.Term}, n.Text...) {
				for _, err := range e.lint(e.notes.Path, t) {
					err.Line, err.Col = n.Line, 0
					errs = append(errs, err)
				}
			}
		}
	}
	return errs
}

func (e *edition) newPage(kind, url, title string) *Page {
	p := &Page{Site: e.site, Kind: kind, Title: title, URL: url}
	e.place(p)
	return p
}

// place sets a page's relative roots and its alternates in other editions.
func (e *edition) place(p *Page) {
	p.Root = rootOf(p.URL)
	p.SiteRoot = rootOf(e.Prefix + p.URL)
	for _, o := range e.all {
		p.Alternates = append(p.Alternates, Alternate{Lang: o.Lang, Label: o.Label, Href: p.SiteRoot + o.Prefix + p.URL,
			Abs: baseURL(e.settings) + o.Prefix + p.URL, Current: o.Lang == e.Lang})
	}
}

func (e *edition) execute(name string, p *Page) error {
	var buf bytes.Buffer
	if err := e.tmpl[name].ExecuteTemplate(&buf, "base", p); err != nil {
		return err
	}
	file := p.URL
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if strings.HasSuffix(file, "/index.html") || file == "index.html" {
		e.urls = append(e.urls, p.URL)
	}
	e.out[e.Prefix+file] = buf.Bytes()
	return nil
}

func (e *edition) navigation() {
	var toc []Link
	parts := map[string]int{}
	for _, p := range e.pages {
		e.place(p)
		switch p.Kind {
		case "part", "closing":
			l := Link{Href: p.URL, Title: p.heading(), Cite: p.Meta.Cite}
			if p.Kind == "part" {
				for _, para := range p.Paras {
					if para.Lead != "" && strings.HasSuffix(para.Cite, "¶1") && para.Cite != p.Meta.Cite+"¶1" {
						l.Children = append(l.Children, Link{Href: p.URL + "#" + para.ID, Title: strings.TrimSuffix(para.Lead, "。"), Cite: strings.TrimSuffix(para.Cite, "¶1")})
					}
				}
			}
			parts[p.Meta.Slug] = len(toc)
			toc = append(toc, l)
		case "section":
			if i, ok := parts[p.Meta.Parent]; ok {
				toc[i].Children = append(toc[i].Children, Link{Href: p.URL, Title: p.heading(), Cite: p.Meta.Cite})
			}
		}
	}
	e.site.TOC = toc
	bySlug := map[string]*Page{}
	for _, p := range e.pages {
		bySlug[p.Meta.Slug] = p
	}
	home := e.conv("首頁")
	for i, p := range e.pages {
		if p.Kind != "home" {
			p.Crumbs = []Link{{Href: p.Href(""), Title: home}}
			if par, ok := bySlug[p.Meta.Parent]; ok && p.Meta.Parent != "" {
				p.Crumbs = append(p.Crumbs, Link{Href: p.Href(par.URL), Title: par.heading()})
			}
		}
		if i > 0 {
			q := e.pages[i-1]
			p.Prev = &Link{Href: p.Href(q.URL), Title: q.heading(), Cite: q.Meta.Cite}
		}
		if i+1 < len(e.pages) {
			q := e.pages[i+1]
			p.Next = &Link{Href: p.Href(q.URL), Title: q.heading(), Cite: q.Meta.Cite}
		}
		if p.Kind == "part" {
			for _, l := range toc {
				if l.Href == p.URL {
					for _, c := range l.Children {
						if strings.Contains(c.Href, "#") {
							continue // an inline subsection, already on this page
						}
						c.Href = p.Href(c.Href)
						p.Sections = append(p.Sections, c)
					}
				}
			}
		}
	}
}

// HasHeading reports whether the page's report text has a heading of its
// own; the closing paragraph has none, so the template supplies one.
func (p *Page) HasHeading() bool {
	for _, para := range p.Paras {
		if para.Heading {
			return true
		}
	}
	return false
}

// heading is the page's report heading (一、2023年工作回顧), or its title
// when the page has none.
func (p *Page) heading() string {
	for _, para := range p.Paras {
		if para.Heading {
			return para.Text
		}
	}
	return p.Meta.Title
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
					href, cite = fmt.Sprintf("notes/#n%d", n.Number), e.conv(fmt.Sprintf("注釋%d", n.Number))
				}
			}
		}
	}
	if found != 1 {
		return "", ""
	}
	return href, cite
}

// searchIndex writes the edition's search index: every paragraph and note.
func (e *edition) searchIndex() error {
	var docs []search.Doc
	for _, p := range e.pages {
		for _, para := range p.Paras {
			if para.Heading {
				continue
			}
			docs = append(docs, search.Doc{URL: p.URL + "index.html#" + para.ID, Cite: para.Cite, Kind: "para", Text: para.Text})
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			docs = append(docs, search.Doc{URL: fmt.Sprintf("notes/index.html#n%d", n.Number), Cite: e.conv(fmt.Sprintf("注釋%d", n.Number)), Kind: "note", Text: strings.Join(n.Lines(), "")})
		}
	}
	js, err := search.Build(docs, search.Config{Fold: e.fold, Folded: e.folded})
	if err != nil {
		return err
	}
	e.out[path.Join(e.Prefix, "search-index.js")] = js
	return nil
}

// JSONLD describes the report for search engines (schema.org Report): who
// issued it, when, and who delivered it.
func (p *Page) JSONLD() template.JS {
	s := p.Site.Settings
	job, name := "", s.Speaker
	if f := strings.Fields(p.Site.Report.Speaker); len(f) == 2 {
		job, name = f[0], f[1]
	}
	org := map[string]any{"@type": "GovernmentOrganization", "name": s.Issuer}
	d := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Report",
		"name":                s.Report,
		"headline":            p.Site.Report.Title,
		"alternativeHeadline": p.Site.Report.Occasion,
		"inLanguage":          p.Site.Lang,
		"datePublished":       s.Date,
		"publisher":           org,
		"author":              map[string]any{"@type": "Person", "name": name, "jobTitle": job, "worksFor": org},
		"url":                 p.Canonical(),
		"description":         s.About,
	}
	if s.OfficialURL != "" {
		d["isBasedOn"] = s.OfficialURL
	}
	b, _ := json.Marshal(d)
	return template.JS(b)
}

// quoteMarks open elements whose text is deliberately not Simplified:
// quoted evidence (translate="no": the damaged seed text, the byte-level
// reasons) and names of the Traditional edition (lang="zh-Hant": 繁體).
var quoteMarks = []string{`translate="no"`, `lang="zh-Hant"`}

// blankQuoted blanks the text of those elements (up to the next tag,
// which is all they hold), one space per character and keeping line
// breaks, so the lint's lines and columns stay right.
func blankQuoted(s string) string {
	type span struct{ from, to int }
	var spans []span
	for _, m := range quoteMarks {
		for from := 0; ; {
			i := strings.Index(s[from:], m)
			if i < 0 {
				break
			}
			i += from
			gt := strings.IndexByte(s[i:], '>')
			if gt < 0 {
				break
			}
			start := i + gt + 1
			end := strings.Index(s[start:], "</")
			if end < 0 {
				break
			}
			spans = append(spans, span{start, start + end})
			from = start + end
		}
	}
	if len(spans) == 0 {
		return s
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.from < at {
			continue
		}
		b.WriteString(s[at:sp.from])
		for _, r := range s[sp.from:sp.to] {
			if r == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		at = sp.to
	}
	b.WriteString(s[at:])
	return b.String()
}

// lintOutput checks the Simplified edition's built files for Traditional
// characters that came from somewhere other than the content (a template
// or a label written in Go): the content lint cannot see those. The
// damaged text and the reasons on the corrections page are quoted as the
// seed and the forensics have them. Assets are shared by both editions.
func (e *edition) lintOutput() diag.List {
	var errs diag.List
	for _, n := range e.out.Names() {
		// Scripts are left out: the search index's fold table and the
		// shared bundle hold both scripts on purpose.
		if !strings.HasPrefix(n, e.Prefix) || !(strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".svg") ||
			strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".json")) {
			continue
		}
		if e.Prefix == "" && strings.HasPrefix(n, "zh-hant/") {
			continue
		}
		var key uint64
		if e.bl != nil {
			key = e.bl.key(e.out[n])
			if e.bl.isClean(key) {
				continue
			}
		}
		text := blankQuoted(string(e.out[n]))
		l := e.lint(n, text)
		for _, err := range l {
			err.Msg += " (in the built file; it comes from a template or the generator, not from content/)"
			errs = append(errs, err)
		}
		if len(l) == 0 && e.bl != nil {
			e.bl.setClean(key)
		}
	}
	return errs
}

func (bl *Builder) isClean(k uint64) bool {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	return bl.clean[k]
}

func (bl *Builder) setClean(k uint64) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if bl.clean == nil {
		bl.clean = map[uint64]bool{}
	}
	bl.clean[k] = true
}

// parsed is one page's goldmark result.
type parsed struct {
	html  []byte
	paras []markup.Para
	uses  []terms.Use
	errs  diag.List
}

// renderCached is renderPage, remembered by the Builder: a page is parsed
// again only when its source, or something its rendering reads from other
// files (the anchors, the figures, where paragraphs and charts are), has
// changed. The key covers all of them.
func (e *edition) renderCached(md goldmark.Markdown, cp *content.Page) ([]byte, []markup.Para, []terms.Use, diag.List) {
	if e.bl == nil {
		return renderPage(md, cp)
	}
	if e.parseKey == nil {
		e.parseKey = e.inputsKey()
	}
	var b bytes.Buffer
	b.Write(e.parseKey)
	fmt.Fprintf(&b, "\x00%s\x00%s\x00%s\x00", cp.Path, cp.URL(), cp.Meta.Cite)
	b.Write(cp.Source)
	k := e.bl.key(b.Bytes())
	e.bl.mu.Lock()
	r, ok := e.bl.parsed[k]
	e.bl.mu.Unlock()
	if !ok {
		r.html, r.paras, r.uses, r.errs = renderPage(md, cp)
		e.bl.mu.Lock()
		if e.bl.parsed == nil {
			e.bl.parsed = map[uint64]parsed{}
		}
		e.bl.parsed[k] = r
		e.bl.mu.Unlock()
	}
	return r.html, r.paras, r.uses, r.errs
}

// inputsKey is what every page's rendering reads besides its own source:
// the edition's script and conversion table, the anchors, the figures,
// and which page holds each paragraph and chart.
func (e *edition) inputsKey() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\x00%s\x00%s\x00", e.Lang, e.Prefix, e.bl.convKey)
	for _, a := range e.anchors {
		fmt.Fprintf(&b, "a%d\x00%s\x00%d\x00%s\x00%d\x00", a.Note, a.Text, a.Count, a.Path, a.Line)
	}
	if e.ds != nil {
		b.Write(figures.Format(e.ds))
	}
	for _, m := range []map[string]string{e.paraPage, e.chartPage, e.figChart} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%s\x00", k, m[k])
		}
		b.WriteString("\x01")
	}
	return b.Bytes()
}
