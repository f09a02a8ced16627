// Package site renders a loaded edition into its output files: one HTML
// page per content page, the notes page, the corrections page, a 404
// page, sitemap.xml, robots.txt and the bundled assets. Render is pure
// (fs.FS in, files out) so the preview server can build in memory; Write
// puts a build on disk atomically.
//
// Templates (templates/*.html, html/template) each define "main" and are
// executed through "base" (templates/base.html); partials in
// templates/partials/*.html are shared. The data passed is *Page.
package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/yuin/goldmark"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/markup"
	"edition/generator/internal/report"
)

// Dir is an input directory and its name for messages.
type Dir struct {
	FS   fs.FS
	Name string // e.g. "content"
}

// Sources are the inputs of a build.
type Sources struct {
	Content, Templates, Static Dir
}

// DirSources returns Sources for directories on disk.
func DirSources(content, templates, static string) Sources {
	d := func(p string) Dir { return Dir{FS: os.DirFS(p), Name: filepath.ToSlash(filepath.Clean(p))} }
	return Sources{Content: d(content), Templates: d(templates), Static: d(static)}
}

// Output is a built site: slash path → bytes.
type Output map[string][]byte

// Names returns the output paths in order.
func (o Output) Names() []string {
	ns := make([]string, 0, len(o))
	for n := range o {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// Link is a titled relative link.
type Link struct {
	Href, Title, Cite string
	Children          []Link
}

// Page is the data a template receives.
type Page struct {
	Site     *Site
	Meta     content.Meta
	Kind     string // home, part, section, closing, notes, corrections, 404
	Title    string // <title> and <h1> where the template wants it
	URL      string // path below the edition root: "" or "part-2-1/"
	Root     string // relative path from this page to the edition root
	Body     template.HTML
	Crumbs   []Link
	Prev     *Link
	Next     *Link
	Sections []Link // for part pages: their subsections
	Paras    []markup.Para
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

// Site is what every page can see of the whole edition.
type Site struct {
	Settings    content.Settings
	Lang        string
	TOC         []Link // parts with their subsections, hrefs relative to the root
	Notes       *content.Notes
	Corrections []CorrectionView
	Punct       *PunctView
	CSS, JS     string // asset paths below the root
	Report      reportFront
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

// Render builds the whole edition from src.
func Render(src Sources) (Output, error) {
	c, err := content.Load(src.Content.FS, src.Content.Name)
	if err != nil {
		return nil, err
	}
	b := &builder{src: src, c: c, out: Output{}}
	if err := b.run(); err != nil {
		return nil, err
	}
	return b.out, nil
}

type builder struct {
	src   Sources
	c     *content.Content
	out   Output
	tmpl  map[string]*template.Template
	site  *Site
	pages []*Page
	md    goldmark.Markdown
}

func (b *builder) run() error {
	var errs diag.List
	if err := b.loadTemplates(); err != nil {
		return err
	}
	if err := b.assets(); err != nil {
		return err
	}
	b.site = &Site{Settings: b.c.Settings, Lang: "zh-Hant", Notes: b.c.Notes, CSS: b.out.find("assets/site-", ".css"), JS: b.out.find("assets/site-", ".js")}
	b.md = goldmark.New(goldmark.WithExtensions(markup.New(markup.Config{})))
	// Parse every page first: later passes (contents, notes, charts) need
	// the whole edition.
	type parsed struct {
		page *content.Page
		html []byte
		pc   []markup.Para
	}
	var ps []parsed
	ids := map[string]string{}
	for _, cp := range b.c.Pages {
		pc := markup.NewContext(cp.Meta.Cite)
		doc := b.md.Parser().Parse(textReader(cp.Source), withContext(pc))
		for _, e := range markup.Errors(pc) {
			e.Path = cp.Path
			errs = append(errs, e)
		}
		for _, p := range markup.Paras(pc) {
			if prev, dup := ids[p.ID]; dup {
				errs = append(errs, diag.Errorf(cp.Path, p.Line, "duplicate ID %q (also %s)", p.ID, prev))
			}
			ids[p.ID] = fmt.Sprintf("%s:%d", cp.Path, p.Line)
		}
		var buf bytes.Buffer
		if err := b.md.Renderer().Render(&buf, cp.Source, doc); err != nil {
			errs = append(errs, diag.Errorf(cp.Path, 0, "render: %v", err))
		}
		ps = append(ps, parsed{cp, buf.Bytes(), markup.Paras(pc)})
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, p := range ps {
		b.pages = append(b.pages, &Page{Site: b.site, Meta: p.page.Meta, Kind: p.page.Meta.Kind, Title: p.page.Meta.Title,
			URL: p.page.URL(), Body: template.HTML(p.html), Paras: p.pc})
	}
	b.navigation()
	for _, p := range b.pages {
		if p.Kind == "home" {
			m := p.Meta
			b.site.Report = reportFront{m.ReportTitle, m.Occasion, m.Speaker, m.Salutation}
		}
	}
	b.site.Corrections, b.site.Punct = b.corrections()
	for i, p := range b.pages {
		name := b.c.Pages[i].Meta.Template
		if name == "" {
			name = "page"
			if p.Kind == "home" {
				name = "home"
			}
		}
		if _, ok := b.tmpl[name]; !ok {
			cp := b.c.Pages[i]
			errs = append(errs, diag.Errorf(cp.Path, cp.MetaLine, "unknown template %q (have %s)", name, strings.Join(b.templateNames(), ", ")))
			continue
		}
		if err := b.execute(name, p.URL+"index.html", p); err != nil {
			errs = append(errs, diag.Errorf(b.c.Pages[i].Path, 0, "%v", err))
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
		if x.kind == "notes" && b.c.Notes == nil {
			continue
		}
		p := &Page{Site: b.site, Kind: x.kind, Title: x.title, URL: x.url}
		p.Root = rootOf(x.url)
		p.Crumbs = []Link{{Href: p.Href(""), Title: "首頁"}}
		if err := b.execute(x.kind, x.url+"index.html", p); err != nil {
			return err
		}
	}
	nf := &Page{Site: b.site, Kind: "404", Title: "找不到此頁", URL: "404.html", Root: basePath(b.c.Settings.BaseURL)}
	if err := b.execute("404", "404.html", nf); err != nil {
		return err
	}
	b.sitemap()
	return nil
}

func (b *builder) execute(name, file string, p *Page) error {
	var buf bytes.Buffer
	if err := b.tmpl[name].ExecuteTemplate(&buf, "base", p); err != nil {
		return err
	}
	b.out[file] = buf.Bytes()
	return nil
}

// rootOf returns the relative path from a page URL to the root.
func rootOf(url string) string {
	return strings.Repeat("../", strings.Count(url, "/"))
}

// basePath is the path part of the base URL, for pages served at any
// depth (the 404 page).
func basePath(base string) string {
	if i := strings.Index(base, "://"); i >= 0 {
		base = base[i+3:]
		if j := strings.Index(base, "/"); j >= 0 {
			return base[j:]
		}
		return "/"
	}
	if base == "" {
		return "/"
	}
	return base
}

func (b *builder) navigation() {
	var toc []Link
	parts := map[string]int{}
	for _, p := range b.pages {
		p.Root = rootOf(p.URL)
		switch p.Kind {
		case "part", "closing":
			l := Link{Href: p.URL, Title: p.Body0Heading(), Cite: p.Meta.Cite}
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
				toc[i].Children = append(toc[i].Children, Link{Href: p.URL, Title: p.Body0Heading(), Cite: p.Meta.Cite})
			}
		}
	}
	b.site.TOC = toc
	bySlug := map[string]*Page{}
	for _, p := range b.pages {
		bySlug[p.Meta.Slug] = p
	}
	for i, p := range b.pages {
		if p.Kind != "home" {
			p.Crumbs = []Link{{Href: p.Href(""), Title: "首頁"}}
			if par, ok := bySlug[p.Meta.Parent]; ok && p.Meta.Parent != "" {
				p.Crumbs = append(p.Crumbs, Link{Href: p.Href(par.URL), Title: par.Body0Heading()})
			}
		}
		if i > 0 {
			q := b.pages[i-1]
			p.Prev = &Link{Href: p.Href(q.URL), Title: q.Body0Heading(), Cite: q.Meta.Cite}
		}
		if i+1 < len(b.pages) {
			q := b.pages[i+1]
			p.Next = &Link{Href: p.Href(q.URL), Title: q.Body0Heading(), Cite: q.Meta.Cite}
		}
		if p.Kind == "part" {
			for _, l := range toc {
				if l.Href == p.URL {
					for _, c := range l.Children {
						c.Href = p.Href(c.Href)
						p.Sections = append(p.Sections, c)
					}
				}
			}
		}
	}
}

// Body0Heading is the page's report heading (一、2023年工作回顧), or its
// title when the page has none.
func (p *Page) Body0Heading() string {
	for _, para := range p.Paras {
		if para.Heading {
			return para.Text
		}
	}
	return p.Meta.Title
}

// corrections lists the recorded repairs with the place each stands in.
func (b *builder) corrections() ([]CorrectionView, *PunctView) {
	corr := b.c.Corrections
	if corr == nil {
		return nil, nil
	}
	var pv *PunctView
	m := corr.PunctMap()
	if corr.Punct != nil {
		pv = &PunctView{From: corr.Punct.Damaged, To: corr.Punct.Repaired, Reason: corr.Punct.Reason}
		for _, p := range b.pages {
			for _, para := range p.Paras {
				for _, r := range para.Text {
					if strings.ContainsRune(pv.To, r) {
						pv.Count++
					}
				}
			}
		}
		// The notes' marks count too; they are report text as well.
		if b.c.Notes != nil {
			for _, n := range b.c.Notes.Notes {
				for _, l := range n.Lines() {
					for _, r := range l {
						if strings.ContainsRune(pv.To, r) {
							pv.Count++
						}
					}
				}
			}
		}
	}
	var out []CorrectionView
	for i, it := range corr.Items {
		rep, _ := report.Punctuate(it.Repaired, m)
		v := CorrectionView{N: i + 1, SeedLine: it.SeedLine, Damaged: it.Damaged, Repaired: rep, Confidence: it.Confidence, Reason: it.Reason, Restored: it.Insertion()}
		v.Href, v.Cite = b.locate(rep, it.Insertion())
		out = append(out, v)
	}
	return out, pv
}

// locate finds the one paragraph that holds text, for a link from the
// corrections page. Text found in several places gets no link.
func (b *builder) locate(text string, restored bool) (href, cite string) {
	if restored {
		return "", "標題"
	}
	found := 0
	for _, p := range b.pages {
		for _, para := range p.Paras {
			if strings.Contains(para.Text, text) {
				found++
				href, cite = p.URL+"#"+para.ID, para.Cite
				if para.Heading {
					cite = p.Meta.Cite + " 標題"
				}
			}
		}
	}
	if b.c.Notes != nil {
		for _, n := range b.c.Notes.Notes {
			for _, l := range n.Lines() {
				if strings.Contains(l, text) {
					found++
					href, cite = fmt.Sprintf("notes/#n%d", n.Number), fmt.Sprintf("注釋%d", n.Number)
				}
			}
		}
	}
	if found != 1 {
		return "", ""
	}
	return href, cite
}

func (b *builder) sitemap() {
	base := b.c.Settings.BaseURL
	if base != "" && !strings.HasSuffix(base, "/") {
		base += "/"
	}
	var urls []string
	for _, n := range b.out.Names() {
		if path.Base(n) == "index.html" {
			urls = append(urls, base+strings.TrimSuffix(n, "index.html"))
		}
	}
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		fmt.Fprintf(&s, "  <url><loc>%s</loc></url>\n", template.HTMLEscapeString(u))
	}
	s.WriteString("</urlset>\n")
	b.out["sitemap.xml"] = []byte(s.String())
	b.out["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n")
}

// hash8 names assets by content, so a new stylesheet is never served stale.
func hash8(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b))[:8] }

func (o Output) find(prefix, suffix string) string {
	for n := range o {
		if strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
			return n
		}
	}
	return ""
}
