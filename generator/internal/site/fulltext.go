package site

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"

	"edition/generator/internal/content"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
)

// The 全文 page: the whole report on one page per script, as gov.cn
// publishes it, so a reader can find any word with the browser's find in
// page and print the report as one document. Every page is rendered again
// as if it stood on this page: links between pages become links within
// it, the notes follow as endnotes and the charts stand where they stand
// on their pages. The pages' headings are rendered lower (markup's
// heading shift): a part's <h1> becomes the 全文 page's <h2>, a section's
// its <h3>.

// FullURL is the 全文 page, below the edition root.
const FullURL = "full/"

// fullPage renders the 全文 page. Call it after navigation and endnotes.
func (e *edition) fullPage(md goldmark.Markdown) error {
	if _, ok := e.tmpl["full"]; !ok {
		return nil // a site without templates/full.html has none
	}
	savedP, savedC := e.paras, e.chartPage
	e.paras, e.chartPage = parasHere(savedP, FullURL), here(savedC, FullURL)
	defer func() { e.paras, e.chartPage = savedP, savedC }()
	p := e.newPage("full", FullURL, e.ui("全文"))
	p.Crumbs = []Link{{Href: p.Href(""), Title: e.ui("首頁")}}
	var b strings.Builder
	for i, cp := range e.cpages {
		r := e.fullRender(md, cp) // errors were reported when the page was built
		for id, f := range r.figures {
			if p.figures == nil {
				p.figures = map[string]string{}
			}
			p.figures[id] = f
		}
		level := 1 + fullShift(cp)
		id, ok := title(r.paras)
		if !ok && cp.Meta.Kind != "home" && i < len(e.pages) {
			// A page whose heading its template adds (結語).
			id, ok = cp.Meta.Slug, true
			fmt.Fprintf(&b, "<h%d id=\"%s\">%s</h%d>\n", level, template.HTMLEscapeString(id), template.HTMLEscapeString(e.pages[i].Title), level)
		}
		if ok && i < len(e.pages) {
			p.Sections = append(p.Sections, Link{Href: "#" + id, Title: e.pages[i].heading(), Cite: strconv.Itoa(level)})
		}
		for _, s := range r.segs {
			b.WriteString(s.HTML)
		}
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
	return e.execute("full", p)
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

// here maps every key of m to the page url.
func parasHere(m map[string]model.Para, url string) map[string]model.Para {
	out := make(map[string]model.Para, len(m))
	for k, p := range m {
		p.Page = url
		out[k] = p
	}
	return out
}

func here(m map[string]string, url string) map[string]string {
	out := make(map[string]string, len(m))
	for k := range m {
		out[k] = url
	}
	return out
}
