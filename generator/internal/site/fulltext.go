package site

import (
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"

	"edition/generator/internal/model"
)

// The 全文 page: the whole report on one page per script, as gov.cn
// publishes it, so a reader can find any word with the browser's find in
// page and print the report as one document. Every page is rendered again
// as if it stood on this page: links between pages become links within
// it, the notes follow as endnotes and the charts stand where they stand
// on their pages. The section pages' own <h1> become <h2> (parts) and
// <h3> (sections).

// FullURL is the 全文 page, below the edition root.
const FullURL = "full/"

var reFirstH1 = regexp.MustCompile(`<h1 id="([^"]+)"[^>]*>`)

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
		body := leadHeadings(string(r.html), r.paras)
		level := "2"
		if cp.Meta.Kind == "section" {
			level = "3"
			body = strings.ReplaceAll(body, `aria-level="2"`, `aria-level="4"`)
		} else {
			body = strings.ReplaceAll(body, `aria-level="2"`, `aria-level="3"`)
		}
		if !strings.Contains(body, "<h1") && cp.Meta.Kind != "home" && i < len(e.pages) {
			// A page whose heading its template adds (結語).
			body = `<h1 id="` + template.HTMLEscapeString(cp.Meta.Slug) + `">` + template.HTMLEscapeString(e.pages[i].Title) + "</h1>\n" + body
		}
		if m := reFirstH1.FindStringSubmatch(body); m != nil && i < len(e.pages) {
			p.Sections = append(p.Sections, Link{Href: "#" + m[1], Title: e.pages[i].heading(), Cite: level})
		}
		body = strings.ReplaceAll(strings.ReplaceAll(body, "<h1", "<h"+level), "</h1>", "</h"+level+">")
		b.WriteString(body)
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
