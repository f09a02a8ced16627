package site

import (
	"html/template"
	"iter"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
	"edition/generator/internal/report"
	"edition/generator/internal/search"
	"edition/generator/internal/terms"
)

// edition is one script's edition being built: the load and resolve
// stages' state, from which resolve makes the edition's Model; the
// renderer it hands the Model to gives the outputs to sink.
type edition struct {
	bl *Builder // caches shared across editions and rebuilds
	content.Edition
	src      Sources
	c        *content.Content
	sink     Sink
	conv     func(string) string // the content into this edition's script
	ui       func(string) string // the templates' and Go's UI text (written in Traditional) into it
	uiKey    string              // the UI table it was made with, for the template cache
	fold     func(rune) rune
	folded   iter.Seq[rune]
	lint     func(path, s string) diag.List
	assets   bundles
	all      []content.Edition
	tmpl     map[string]*template.Template
	site     *Site
	pages    []*Page
	urls     []string // page URLs below the edition root, for the sitemap
	cpages   []*content.Page
	notes    *content.Notes
	settings content.Settings

	ds        *figures.Dataset      // key figures in this edition's script
	charts    []chartBlock          // charts placed in the content, in reading order
	paras     map[string]model.Para // paragraph id → its page and citation label
	chartPage map[string]string     // chart id → page URL
	figChart  map[string]string     // figure id → the first chart that shows it
	// contentURLs is every content page's URL, for the 全文 page's links.
	contentURLs map[string]bool

	anchors  []terms.Anchor
	parseKey []byte           // inputsKey, once per build
	parseSum []byte           // its hash
	tmplKey  [32]byte         // the parsed templates' sources (loadTemplates)
	siteKey  []byte           // the Site as JSON, once per build (incremental.go)
	citesKey []byte           // every paragraph's citation label, for drawCached
	uses     []terms.Use      // every linked term, in reading order
	jobs     []pressJob       // press images to make (press.go)
	views    []terms.NoteView // every note's uses, linked from the root (rootViews)
}

// build makes the edition in two stages: resolve builds its Model, and
// a renderer gives its outputs to e.sink.
func (e *edition) build() error {
	m, err := e.resolve()
	if err != nil {
		return err
	}
	r := e.renderer()
	jobs := m.Images
	err = r.render(m)
	e.urls = r.urls
	if err != nil {
		return err
	}
	// The images need none of the pages. Drawing them (most of a build
	// from scratch) with the whole Model live made the collector mark it
	// again for every few images: at fifty times this report's size, the
	// cost per page doubled.
	m, e.pages, e.site = nil, nil, nil
	return r.images(jobs)
}

// renderer is the render stage for this edition, writing into e.sink.
func (e *edition) renderer() *renderer {
	return &renderer{bl: e.bl, tmpl: e.tmpl, tmplKey: e.tmplKey, tmplDir: e.src.Templates.Name, prefix: e.Prefix,
		search: search.Config{Fold: e.fold, Folded: e.folded}, lint: e.lint, sink: e.sink}
}

// resolve builds the edition's Model: load what the edition needs from
// the loaded content (script, templates), parse each page once
// (paragraphs, citations, term uses, charts), validate the whole in one
// pass (validate.go: every problem, templates' and content's, in one
// list), draw the pages, then resolve what needs every page (navigation,
// corrections, endnotes, embeds and share panels) and make the pages of
// the whole edition (notes, corrections, figures, 全文, 404).
func (e *edition) resolve() (*Model, error) {
	errs, err := e.load()
	if err != nil {
		return nil, err
	}
	e.prepass()
	e.anchors = e.termAnchors()
	md := e.markdown()
	pps := e.parsePages(md)
	errs = append(errs, validate(e.validation(pps))...)
	errs = append(errs, e.pageTemplates()...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if err := e.drawPages(md, pps).Err(); err != nil {
		return nil, err
	}
	e.resolveSite()
	m := &Model{Site: e.site, Pages: e.pages, Editions: e.all}
	if _, ok := e.tmpl["embed"]; ok { // a site without templates/embed.html has no embeds
		if err := e.embeds(md, m); err != nil {
			return nil, err
		}
	}
	for i, p := range e.pages {
		e.finish(p, e.cpages[i].Meta.Template)
	}
	if err := e.sitePages(md, m); err != nil {
		return nil, err
	}
	m.Search, m.Images = e.searchDocs(), e.jobs
	return m, nil
}

// load readies what the edition needs from the loaded content (its
// script, templates and change history), collecting the problems found
// so they are reported with the pages' own; err is one that is not a
// diag list.
func (e *edition) load() (errs diag.List, err error) {
	e.convertContent()
	if e.lint != nil {
		errs = append(errs, e.lintContent()...)
	}
	e.site = &Site{Settings: e.settings, Lang: e.Lang, Prefix: e.Prefix, Notes: e.notes, CSS: e.assets.CSS, JS: e.assets.JS, LateCSS: e.assets.LateCSS, InlineCSS: e.assets.InlineCSS, HasFigures: e.ds != nil, URLs: siteURLs()}
	changes, cerr := loadChanges(e.src.Content, e.c.Settings.Version, e.c.Settings.Updated)
	for _, c := range changes {
		for i := range c.Changes {
			c.Changes[i] = e.conv(c.Changes[i])
		}
		e.site.Changes = append(e.site.Changes, c)
	}
	for _, err := range []error{e.loadTemplates(), cerr} {
		if err == nil {
			continue
		}
		l := diag.All(err)
		if l == nil {
			return nil, err
		}
		errs = append(errs, l...)
	}
	return errs, nil
}

// parsePages parses every page once (the Resolve stage), collecting each
// paragraph's citation label and the term uses.
func (e *edition) parsePages(md goldmark.Markdown) []pageParse {
	pps := make([]pageParse, len(e.cpages))
	for i, cp := range e.cpages {
		pps[i] = e.parseCached(md, cp)
		for _, p := range pps[i].paras {
			mp := e.paras[p.ID]
			mp.ID, mp.Cite = p.ID, p.Cite
			if mp.Page == "" {
				mp.Page = cp.URL()
			}
			e.paras[p.ID] = mp
		}
		e.uses = append(e.uses, pps[i].uses...)
	}
	return pps
}

// validation is what validate checks: the pages as parsed, against
// notes.yaml and figures.tsv on the seed's own script, whose text both
// quote.
func (e *edition) validation(pps []pageParse) validation {
	return validation{pages: e.cpages, parsed: pps, notes: e.notes, anchors: e.anchors, ds: e.ds, quoted: !e.Convert}
}

// drawPages renders every parsed page, drawing the charts: every label is
// known now.
func (e *edition) drawPages(md goldmark.Markdown, pps []pageParse) diag.List {
	var errs diag.List
	for i, cp := range e.cpages {
		r := e.drawCached(md, cp, pps[i])
		pps[i].doc, pps[i].pc = nil, nil // drawn: its tree is not needed again
		errs = append(errs, r.errs...)
		e.pages = append(e.pages, &Page{Site: e.site, Meta: cp.Meta, Kind: cp.Meta.Kind, Title: cp.Meta.Title,
			URL: cp.URL(), Source: cp.Path, Body: template.HTML(r.body), TitleEnd: r.title, Cuts: r.cuts, Paras: r.paras, uses: r.uses, figures: r.figures,
			boxes: r.boxes, copy: r.copy, chartCopies: r.chartCopies, full: r.full})
	}
	return errs
}

// resolveSite fills in what needs every page: navigation, the report's
// front matter, the corrections and each page's endnotes.
func (e *edition) resolveSite() {
	e.navigation()
	for _, p := range e.pages {
		if p.Kind == "home" {
			m := p.Meta
			e.site.Report = reportFront{m.ReportTitle, m.Occasion, m.Speaker, m.Salutation}
		}
	}
	e.site.Corrections, e.site.Punct = e.corrections()
	for _, c := range e.site.Corrections {
		switch {
		case c.Restored:
			e.site.Restored++
		case c.Confidence == report.ConversionError:
			e.site.Conversions++
		default:
			e.site.Repairs++
		}
	}
	for _, p := range e.pages {
		p.Endnotes = e.endnotes(p)
	}
}

// pageTemplates checks that each content page's template exists, when
// the templates loaded (their own errors are reported otherwise).
func (e *edition) pageTemplates() diag.List {
	var errs diag.List
	if len(e.tmpl) == 0 {
		return nil
	}
	for _, cp := range e.cpages {
		if name := templateOf(cp.Meta); e.tmpl[name] == nil {
			errs = append(errs, diag.Errorf(cp.Path, cp.MetaLine, "unknown template %q (have %s)", name, strings.Join(e.templateNames(), ", ")))
		}
	}
	return errs
}

// templateOf is the template a content page asks for, or its kind's.
func templateOf(m content.Meta) string {
	switch {
	case m.Template != "":
		return m.Template
	case m.Kind == "home":
		return "home"
	}
	return "page"
}

// finish completes page p for its template name (the page's template or,
// for a content page, "" for its kind's): its share card and the styles
// it needs.
func (e *edition) finish(p *Page, name string) {
	if name == "" {
		name = templateOf(p.Meta)
	}
	p.template = name
	e.cardFor(p)
	p.Styles = p.styles()
}

// sitePages makes the pages made from the whole edition rather than one
// content page: notes, corrections, changes, figures, 全文 and 404.
func (e *edition) sitePages(md goldmark.Markdown, m *Model) error {
	extra := []struct{ kind, url, title string }{
		{"notes", model.NotesURL, "注釋"},
		{"corrections", model.CorrectionsURL, "關於本版 / 勘誤"},
		{"changes", model.ChangesURL, "更新記錄"},
	}
	add := func(p *Page) {
		e.finish(p, p.Kind)
		m.SitePages = append(m.SitePages, p)
	}
	for _, x := range extra {
		if x.kind == "notes" && e.notes == nil || x.kind == "changes" && e.site.Changes == nil {
			continue
		}
		p := e.newPage(x.kind, x.url, e.ui(x.title))
		p.Crumbs = []Link{{Href: p.Href(""), Title: e.ui("首頁")}}
		if x.kind == "notes" {
			p.NoteViews = e.noteViews(x.url)
			for i := range p.NoteViews {
				p.NoteViews[i].Href = ""
			}
		}
		add(p)
	}
	fp, err := e.figuresPage(md, m)
	if err != nil {
		return err
	}
	for _, p := range []*Page{fp, e.fullPage(), e.notFoundPage()} {
		if p != nil {
			add(p)
		}
	}
	return nil
}

// notFoundPage renders the edition's 404 page. Each edition has its own:
// hosts that serve the nearest 404.html (Cloudflare Pages) answer a
// Traditional address in Traditional; most serve the root's for any
// address, so that one also speaks to readers of the other script. Links
// are from the site's root path: a 404 page is served at any depth.
func (e *edition) notFoundPage() *Page {
	nf := e.newPage("404", model.NotFoundURL, e.ui("找不到此頁"))
	nf.SiteRoot = base(e.settings).Path()
	nf.Root = nf.SiteRoot + e.Prefix
	nf.Contents = e.site.TOC // the parts, which the page offers as 目錄
	// Only the other editions' home pages: the 404 page knows not which
	// page was asked for.
	nf.Alternates = nil
	for _, o := range e.all {
		if o.Lang == e.Lang {
			continue
		}
		a := Alternate{Lang: o.Lang, Label: o.Label, Href: nf.SiteRoot + o.Prefix}
		if o.Lang == "zh-Hant" {
			// The UI is written in Traditional: these are the Traditional
			// edition's own words.
			a.NotFound, a.Home = "找不到此頁。", "前往"+o.Label+"版首頁"
		}
		nf.Alternates = append(nf.Alternates, a)
	}
	return nf
}

// pageParse is a page parsed but not yet drawn: what the extensions
// found (paragraphs with their citation labels, term uses, problems) and,
// within one build, the tree to render. Charts are drawn when the tree is
// rendered, after every page is parsed, so they cite any page's
// paragraphs by the labels markup gave them.
type pageParse struct {
	url   string // the URL the page is parsed at
	paras []markup.Para
	uses  []terms.Use
	errs  diag.List
	doc   ast.Node // nil when the rest came from the cache: parse again to draw
	pc    parser.Context
}

// parsePage parses one page's Markdown as if it stood at url. A panic
// inside goldmark on some input becomes an error naming the page, not a
// crash.
func parsePage(md goldmark.Markdown, cp *content.Page, url string) (p pageParse) {
	p.url = url
	defer func() {
		if x := recover(); x != nil {
			p.doc, p.errs = nil, append(p.errs, diag.Errorf(cp.Path, 0, "cannot parse this page (internal error: %v)", x))
		}
	}()
	pc := markup.NewContext(cp.Meta.Cite)
	chart.SetPage(pc, url)
	doc := md.Parser().Parse(text.NewReader(cp.Source), parser.WithContext(pc))
	for _, err := range append(markup.Errors(pc), chart.Errors(pc)...) {
		err.Path = cp.Path
		p.errs = append(p.errs, err)
	}
	p.doc, p.pc, p.paras, p.uses = doc, pc, markup.Paras(pc), terms.Uses(pc)
	return p
}

// drawPage renders a parsed page, drawing its charts; and renders the
// same tree again for the other places that show the page (d): its embed
// pages and the 全文 page (copy.go). Each page is parsed once.
func drawPage(md goldmark.Markdown, cp *content.Page, p pageParse, d drawFor) (r parsed) {
	r.paras, r.uses = p.paras, p.uses // r.errs: only what rendering adds
	defer func() {
		if x := recover(); x != nil {
			r.errs = append(r.errs, diag.Errorf(cp.Path, 0, "cannot render this page (internal error: %v)", x))
		}
	}()
	if p.doc == nil {
		if p = parsePage(md, cp, p.url); p.doc == nil {
			return r
		}
	}
	var buf bodyWriter
	if err := md.Renderer().Render(&buf, cp.Source, p.doc); err != nil {
		r.errs = append(r.errs, diag.Wrap(cp.Path, 0, "render", err))
	}
	r.figures, r.boxes = map[string]string{}, map[string]chart.Box{}
	for _, c := range chart.Charts(p.pc) {
		r.figures[c.ID] = string(c.Node.HTML)
		r.boxes[c.ID] = c.Node.Box
	}
	r.body, r.title, r.cuts = buf.body()
	if d.embed != "" {
		if err := r.drawCopies(md, cp, p, d.embed); err != nil {
			r.errs = append(r.errs, diag.Wrap(cp.Path, 0, "render for its embed page", err))
		}
	}
	if d.full != nil {
		fw := &fullWriter{fullLinks: *d.full, shift: d.shift}
		if err := md.Renderer().Render(fw, cp.Source, p.doc); err != nil {
			r.errs = append(r.errs, diag.Wrap(cp.Path, 0, "render for the 全文 page", err))
		}
		r.full = fw.String()
	}
	return r
}
