package site

import (
	"encoding/json"
	"html/template"
	"strings"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
	"edition/generator/internal/terms"
)

// Link is a titled relative link.
type Link struct {
	Href, Title, Cite string
	Children          []Link
}

// Alternate is the same page in another edition.
type Alternate struct {
	Lang, Label, Href, Abs string
	Current                bool
	// On a 404 page: its message and its home link in this edition's
	// script, for a reader of that script whom the host sent to another
	// edition's 404 (most hosts serve the root's for any address).
	NotFound, Home string
}

// Page is the data a template receives.
type Page struct {
	Site     *Site
	Meta     content.Meta
	Kind     string // home, part, section, closing, notes, corrections, 404
	Title    string // <title> and <h1> where the template wants it
	URL      string // path below the edition root: "" or "part-2-1/"
	Source   string // the content file the page is made from, where its Paras' Lines are; "" for a page of the whole edition
	Root     string // relative path from this page to the edition root
	SiteRoot string // relative path from this page to the site root (assets)
	Body     template.HTML
	TitleEnd int // where the page's title (its first <h1>) ends in Body; 0 for none
	// Cuts are where each chart's figure ends in Body, and ChartShares
	// each chart's share panel, which the templates show after its first
	// figure (Runs, BodyHead, BodyRest; set by embed.go).
	Cuts        []Cut
	ChartShares map[string]*ShareView
	Crumbs      []Link
	Prev        *Link
	Next        *Link
	Sections    []Link // for part pages: their subsections
	// Contents is the page's contents list: every part, with the
	// subsections of those ShowsChildren opens (the edition's TOC, shared
	// by every page that has the list, so a page's size does not grow
	// with the number of pages).
	Contents    []Link
	Paras       []markup.Para
	Alternates  []Alternate
	Figures     *FigureView      // the figures page only
	Endnotes    []terms.NoteView // the notes of the terms this page uses
	NoteViews   []terms.NoteView // the notes page: every note with its uses
	Share       *ShareView       // embed code, for pages with an embed page (embed.go)
	Card        string           // share card below the edition root (press.go); "" for none
	Styles      string           // the optional styles the page needs (firstscreen.go): "charts", "notes", both or none
	template    string           // the template that renders it (resolve chose it)
	uses        []terms.Use
	figures     map[string]string // chart id → its <figure>, as the body shows it
	boxes       map[string]chart.Box
	copy        string                 // the body as its embed page shows it (copy.go)
	chartCopies map[string]chart.Drawn // each chart as its embed page shows it
	full        string                 // the body as the 全文 page shows it
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

// Canonical is the page's address: absolute when the site is based,
// root-relative when not (see siteURL).
func (p *Page) Canonical() string { return base(p.Site.Settings).Abs(p.Site.Prefix + p.URL) }

// CardURL is the share card's absolute address, or "" when the base URL
// is unknown (og:image must be absolute) or the page has no card.
func (p *Page) CardURL() string {
	if p.Card == "" || !p.Site.Based() {
		return ""
	}
	return base(p.Site.Settings).Abs(p.Site.Prefix + p.Card)
}

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
	Conversions int // corrections of the seed's conversion to Traditional
	Punct       *PunctView
	CSS, JS     string                  // asset paths below the site root
	LateCSS     string                  // below the site root: styles for further down (firstscreen.go)
	InlineCSS   map[string]template.CSS // the first screen's styles, in <head>, by Page.Styles
	Report      reportFront
	HasFigures  bool
	Changes     []Change // the 更新記錄, newest first (provenance.go)
	URLs        URLs
}

// URLs are the addresses of the edition's own pages below its root, from
// package model, for templates: {{.Href .Site.URLs.NotesPage}}. (Not
// named Notes: siteReads takes any Notes in a template for Site.Notes.)
type URLs struct{ NotesPage, CorrectionsPage, FiguresPage, FullPage, ChangesPage string }

func siteURLs() URLs {
	return URLs{NotesPage: model.NotesURL, CorrectionsPage: model.CorrectionsURL, FiguresPage: model.FiguresURL, FullPage: model.FullURL, ChangesPage: model.ChangesURL}
}

// Based reports whether the site's address is known: templates write the
// tags that need an absolute URL (canonical, og:url, hreflang, oEmbed)
// only then.
func (s *Site) Based() bool { return base(s.Settings).Known() }

type reportFront struct{ Title, Occasion, Speaker, Salutation string }

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
		"description":         s.About,
	}
	if p.Site.Based() { // schema.org's url must be absolute
		d["url"] = p.Canonical()
	}
	if s.OfficialURL != "" {
		d["isBasedOn"] = s.OfficialURL
	}
	b, _ := json.Marshal(d)
	return template.JS(b)
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
			Abs: base(e.settings).Abs(o.Prefix + p.URL), Current: o.Lang == e.Lang})
	}
}

// styles are the optional stylesheets the page needs, from what it shows:
// charts (on its own pages, or the figures page's table and charts), and
// notes (term links, endnotes, the notes page).
func (p *Page) styles() string {
	var fs []string
	if len(p.figures) > 0 || p.Figures != nil {
		fs = append(fs, StyleCharts)
	}
	if len(p.uses) > 0 || len(p.Endnotes) > 0 || p.NoteViews != nil {
		fs = append(fs, StyleNotes)
	}
	return strings.Join(fs, " ")
}
