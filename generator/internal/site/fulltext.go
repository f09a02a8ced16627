package site

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"edition/generator/internal/content"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
)

// The 全文 page: the whole report on one page per script, as gov.cn
// publishes it, so a reader can find any word with the browser's find in
// page and print the report as one document. When a page is drawn, its
// tree (parsed once) is rendered a second time for this page, into a
// fullWriter: links between pages become links within it (fullLinks),
// and the headings are rendered lower (markup.Shifter): a part's <h1>
// becomes the 全文 page's <h2>, a section's its <h3>. The notes follow as
// endnotes; the charts stand where they stand on their pages.

// FullURL is the 全文 page, below the edition root.
const FullURL = model.FullURL

// fullPage makes the 全文 page from each page's body as drawn for it
// (drawPage, with a fullWriter). Call it after navigation and endnotes.
func (e *edition) fullPage() *Page {
	if _, ok := e.tmpl["full"]; !ok {
		return nil // a site without templates/full.html has none
	}
	p := e.newPage("full", FullURL, e.ui("全文"))
	p.Crumbs = []Link{{Href: p.Href(""), Title: e.ui("首頁")}}
	var b strings.Builder
	n := 0
	for _, page := range e.pages {
		n += len(page.full) + 128
	}
	b.Grow(n) // the page holds the whole report: no doubling's spare room
	for i, cp := range e.cpages {
		if i >= len(e.pages) {
			break
		}
		page := e.pages[i] // errors were reported when the page was built
		for id, f := range page.figures {
			if p.figures == nil {
				p.figures = map[string]string{}
			}
			p.figures[id] = f
		}
		level := 1 + fullShift(cp)
		id, ok := title(page.Paras)
		if !ok && cp.Meta.Kind != "home" {
			// A page whose heading its template adds (結語).
			id, ok = cp.Meta.Slug, true
			fmt.Fprintf(&b, "<h%d id=\"%s\">%s</h%d>\n", level, template.HTMLEscapeString(id), template.HTMLEscapeString(page.Title), level)
		}
		if ok {
			p.Sections = append(p.Sections, Link{Href: "#" + id, Title: page.heading(), Cite: strconv.Itoa(level)})
		}
		b.WriteString(page.full)
		page.full = "" // in this page's body now: not held twice
	}
	p.Body = template.HTML(b.String())
	// Every use of a term is on this page: back-links stay on it.
	p.Endnotes = e.noteViews(FullURL)
	for i := range p.Endnotes {
		p.Endnotes[i].Href = ""
		for j, u := range p.Endnotes[i].Uses {
			_, frag, _ := strings.Cut(u.Href, "#")
			p.Endnotes[i].Uses[j].Href = "#" + frag
		}
	}
	return p
}

// fullShift is how many levels lower a page's headings are on the 全文
// page: parts' titles are its <h2>, sections' its <h3>.
func fullShift(cp *content.Page) int {
	if cp.Meta.Kind == "section" {
		return 2
	}
	return 1
}

// title is the ID of the page's title, its first level-1 heading.
func title(paras []markup.Para) (string, bool) {
	for _, p := range paras {
		if p.Heading && p.Level == 1 {
			return p.ID, true
		}
	}
	return "", false
}

// drawFor is where a page's tree is rendered besides its own page.
type drawFor struct {
	embed string     // the address of the page its embed page copies; "" for none
	full  *fullLinks // the 全文 page's links; nil when the site has none
	shift int        // its headings' shift there
}

// drawFor is where cp is shown besides its own page.
func (e *edition) drawFor(cp *content.Page) drawFor {
	d := drawFor{embed: e.embedFull(cp)}
	if _, ok := e.tmpl["full"]; ok {
		if e.contentURLs == nil {
			e.contentURLs = map[string]bool{}
			for _, c := range e.cpages {
				e.contentURLs[c.URL()] = true
			}
		}
		from, _ := url.Parse("/" + cp.URL()) // a page's URL is a path
		d.full, d.shift = &fullLinks{from: from, pages: e.contentURLs}, fullShift(cp)
	}
	return d
}

// fullWriter is the writer a page's tree is rendered into for the 全文
// page: its headings lower (markup.Shifter), its links for the page that
// holds every paragraph (fullLinks). It is report text: the fidelity
// check reads it.
type fullWriter struct {
	bodyWriter
	fullLinks
	shift int
}

var (
	_ model.Relinker = (*fullWriter)(nil)
	_ markup.Shifter = (*fullWriter)(nil)
)

func (w *fullWriter) HeadingShift() int { return w.shift }

// fullLinks writes, for the 全文 page, a link that a page writes: to a
// place on any content page as a link within the 全文 page, which holds
// them all; to anything else relative to the 全文 page.
type fullLinks struct {
	from  *url.URL        // the page's own address, as a path: "/part-2-1/"
	pages map[string]bool // every content page's URL: "", "part-1/" …
}

// Link implements model.Relinker.
func (l fullLinks) Link(href string, _ bool) (string, bool) {
	u, err := url.Parse(href)
	if err != nil || u.IsAbs() || u.Host != "" || strings.HasPrefix(u.Path, "/") {
		return href, false // an address of its own: the same from any page
	}
	t := l.from.ResolveReference(u)
	to := strings.TrimPrefix(t.Path, "/")
	frag := ""
	if t.Fragment != "" {
		frag = "#" + t.EscapedFragment()
	}
	if l.pages[to] && frag != "" {
		return frag, false
	}
	return rel(FullURL, to) + frag, false
}
