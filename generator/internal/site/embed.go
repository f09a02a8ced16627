package site

import (
	"html/template"
	"maps"
	"slices"

	"github.com/yuin/goldmark"

	"edition/generator/internal/chart"
	"edition/generator/internal/embed"
	"edition/generator/internal/model"
	"edition/generator/internal/terms"
)

// Embed pages (package embed): every part, section and the closing get a
// copy at embed/<page>/ and every chart one at embed/chart/<id>/, in each
// edition, each with oembed.json beside it; the pages and the charts get a
// 分享 / 嵌入 panel with the snippet. templates/embed.html renders the
// copies ("embed-page"); templates/partials/share.html holds "share" (the
// panel) and "embed-head" (the oEmbed discovery link). The embed pages load
// static/embed/embed.js, hosts load static/embed/resize.js; both are copied
// as they are. _headers tells the host which pages may be framed.

// ShareView is a section's or a chart's embed code, for the "share" panel
// and the discovery link.
type ShareView struct {
	Kind   string // "section" or "chart"
	Title  string
	Embed  string        // the embed page, absolute
	OEmbed string        // its oEmbed document, absolute; "" without a base URL (none is written)
	Code   template.HTML // the snippet, highlighted
	Height int           // initial height at embed.PhoneWidth
	Press  *PressView    // image, QR code, link and CSV (press.go)
}

// EmbedPage is the data of templates/embed.html.
type EmbedPage struct {
	Lang, Title, Edition string
	Site                 *Site
	Heading              string // an h1 when the content has none
	Full                 string // the full page (or the chart on it), absolute
	OEmbed               string // absolute: WordPress does not resolve a relative discovery link
	CSS, Script          string // relative
	Body                 template.HTML
	Endnotes             []terms.NoteView
	Chart                bool
	dir                  string // below the edition's embed/: "part-2-1/", "chart/roads/"
}

// embeddable reports whether a page of this kind gets an embed page.
func embeddable(kind string) bool {
	return kind == "part" || kind == "section" || kind == "closing"
}

// embeds writes the edition's embed pages and their oEmbed documents, sets
// each embeddable page's Share, and puts a share panel after each chart on
// the pages. Call it after navigation and endnotes, before the pages are
// executed.
func (e *edition) embeds(md goldmark.Markdown) error {
	if _, ok := e.tmpl["embed"]; !ok {
		return nil // a site without templates/embed.html has no embeds
	}
	label := ""
	for _, o := range e.all {
		if o.Lang == e.Lang {
			label = o.Label
		}
	}
	for _, p := range e.pages {
		if !embeddable(p.Kind) {
			continue
		}
		ep := e.embedPage(p.URL, p.Title, label)
		ep.Full = p.Canonical()
		links, err := embed.NewLinks(ep.Full, copyLocal(p.Paras, p.uses, slices.Sorted(maps.Keys(p.figures))))
		if err != nil {
			return err
		}
		ep.Body, ep.Endnotes = template.HTML(p.copy), embedNotes(p.Endnotes, links)
		if !p.HasHeading() {
			ep.Heading = p.Title
		}
		var boxes []chart.Box
		for _, id := range slices.Sorted(maps.Keys(p.boxes)) {
			boxes = append(boxes, p.boxes[id])
		}
		sv, err := e.writeEmbed(ep, "section", p, boxes)
		if err != nil {
			return err
		}
		sv.Press = e.pressView(p, "")
		p.Share = sv
	}
	done := map[string]bool{}
	for _, c := range e.charts {
		if done[c.ID] {
			continue
		}
		done[c.ID] = true
		if err := e.chartEmbed(md, c, label); err != nil {
			return err
		}
	}
	e.headers()
	return nil
}

// embedPage starts the embed page for the page or chart at url (below
// embed/).
func (e *edition) embedPage(url, title, label string) *EmbedPage {
	root := rootOf(e.Prefix + model.EmbedPrefix + url)
	return &EmbedPage{Lang: e.Lang, Title: title, Edition: label, Site: e.site, dir: url,
		OEmbed: base(e.settings).Abs(e.Prefix + model.EmbedPrefix + url + "oembed.json"), CSS: root + e.assets.CSS, Script: root + "embed/embed.js"}
}

// chartEmbed writes one chart's embed page and adds the share panel after
// the chart on its page.
func (e *edition) chartEmbed(md goldmark.Markdown, c chartBlock, label string) error {
	s, err := chart.ParseSpec(c.Spec)
	if err != nil {
		return nil // reported with its page's line when the page was parsed
	}
	var page *Page
	for _, p := range e.pages {
		if p.URL == c.Page {
			page = p
		}
	}
	if page == nil {
		return nil
	}
	// The chart drawn for its embed page when its page was drawn; drawn
	// here only if the page does not hold it (an error box stands there
	// instead).
	ep := e.embedPage("chart/"+c.ID+"/", s.Title, label)
	ep.Full = page.Canonical() + model.URL(model.Chart{ID: c.ID})
	d, ok := page.chartCopies[c.ID]
	if !ok {
		links, err := embed.NewLinks(page.Canonical(), nil)
		if err != nil {
			return err
		}
		cw := &copyWriter{Links: links}
		if err := convertAt(md, c.Page, "```chart\n"+c.Spec+"```\n", cw); err != nil {
			return err
		}
		d.HTML = cw.Bytes()
	}
	ep.Body, ep.Chart = template.HTML(d.HTML), true
	sv, err := e.writeEmbed(ep, "chart", page, []chart.Box{d.Box})
	if err != nil {
		return err
	}
	sv.Press = e.pressView(page, c.ID)
	if page.ChartShares == nil {
		page.ChartShares = map[string]*ShareView{}
	}
	page.ChartShares[c.ID] = sv
	return nil
}

// writeEmbed renders an embed page and its oEmbed document and returns
// the share view for it. Its heights for the snippet are estimated from
// what it shows: p's paragraphs (for a section) and the charts' boxes.
func (e *edition) writeEmbed(ep *EmbedPage, kind string, p *Page, boxes []chart.Box) (*ShareView, error) {
	page, err := e.executeMemo(e.tmpl["embed"], "embed-page", ep.dir, ep)
	if err != nil {
		return nil, err
	}
	dir := e.Prefix + model.EmbedPrefix + ep.dir
	e.out[dir+"index.html"] = page
	src := base(e.settings).Abs(dir)
	title := ep.Title + " · " + e.settings.Name
	hs := e.estimates(ep, p, boxes, embed.PhoneWidth, embed.WideWidth, embed.OEmbedWidth)
	phone, wide := hs[0], hs[1]
	sn := embed.Snippet{Src: src, Title: title, Height: phone, Phone: phone, Wide: wide, Script: base(e.settings).Abs("embed/resize.js"), Href: ep.Full,
		LinkText: e.ui("閱讀全文與注釋：") + ep.Title}
	sv := &ShareView{Kind: kind, Title: title, Embed: src, Code: e.highlight("html", sn.HTML()), Height: phone}
	if base(e.settings).Known() { // an oEmbed document's iframe src must be absolute
		o := embed.NewOEmbed(src, title, e.settings.Name, base(e.settings).Abs(e.Prefix), hs[2])
		e.out[dir+"oembed.json"] = o.JSON()
		sv.OEmbed = src + "oembed.json" // the panel offers oEmbed only then
	}
	return sv, nil
}

// headers writes _headers (see embed.Headers): the embed pages may be
// framed anywhere, every other page only by the site itself. The editions
// have the same pages, so each writes the same file for all of them.
func (e *edition) headers() {
	dirs := []string{model.NotesURL, model.CorrectionsURL, model.FiguresURL, "changes/", FullURL}
	for _, p := range e.pages {
		if p.URL != "" {
			dirs = append(dirs, p.URL)
		}
	}
	pages := []string{model.NotFoundURL}
	var prefixes []string
	for _, o := range e.all {
		prefixes = append(prefixes, o.Prefix+model.EmbedPrefix)
		pages = append(pages, o.Prefix, o.Prefix+"index.html")
		for _, d := range dirs {
			pages = append(pages, o.Prefix+d+"*")
		}
	}
	e.out["_headers"] = embed.Headers(prefixes, pages)
}
