package site

import "strings"

// tableOfContents places every page and lists the parts (and the
// closing), each with its subsections: section pages, or the part's own
// second-level lead sentences.
func (e *edition) tableOfContents() []Link {
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
	return toc
}

// navigation places every page and builds the contents, the breadcrumbs,
// the previous and next links, and each part's list of subsections.
func (e *edition) navigation() {
	toc := e.tableOfContents()
	e.site.TOC = toc
	// Every page lists every part; ShowsChildren opens its own. The list
	// is shared: its size grows with the parts, not with pages × parts.
	for _, p := range e.pages {
		p.Contents = toc
	}
	bySlug := map[string]*Page{}
	for _, p := range e.pages {
		bySlug[p.Meta.Slug] = p
	}
	home := e.ui("首頁")
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

// ownPart is the URL of the part that holds page p (or p's own).
func ownPart(p *Page) string {
	if p.Meta.Parent != "" {
		return p.Meta.Parent + "/"
	}
	return p.URL
}

// ShowsChildren reports whether the page's contents list shows the
// subsections of the part at href: all of them on the home page, else
// only the page's own part's.
func (p *Page) ShowsChildren(href string) bool {
	return p.Kind == "home" || href == ownPart(p)
}
