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
	dir                  string        // below the edition's embed/: "part-2-1/", "chart/roads/"
	oembed               *embed.OEmbed // its oEmbed document; nil without a base URL
}

// embeddable reports whether a page of this kind gets an embed page.
func embeddable(kind string) bool {
	return kind == "part" || kind == "section" || kind == "closing"
}

// embeds makes the edition's embed pages (m.Embeds) and sets each
// embeddable page's Share and each chart's share panel on its page
// (Page.ChartShares). Call it after navigation and endnotes.
func (e *edition) embeds(md goldmark.Markdown, m *Model) error {
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
		sv := e.shareView(ep, "section", p, boxes)
		sv.Press = e.pressView(p, "")
		p.Share = sv
		m.Embeds = append(m.Embeds, ep)
	}
	done := map[string]bool{}
	for _, c := range e.charts {
		if done[c.ID] {
			continue
		}
		done[c.ID] = true
		ep, err := e.chartEmbed(md, c, label)
		if err != nil {
			return err
		}
		if ep != nil {
			m.Embeds = append(m.Embeds, ep)
		}
	}
	return nil
}

// embedPage starts the embed page for the page or chart at url (below
// embed/).
func (e *edition) embedPage(url, title, label string) *EmbedPage {
	root := rootOf(e.Prefix + model.EmbedPrefix + url)
	return &EmbedPage{Lang: e.Lang, Title: title, Edition: label, Site: e.site, dir: url,
		OEmbed: base(e.settings).Abs(e.Prefix + model.EmbedPrefix + url + "oembed.json"), CSS: root + e.assets.CSS, Script: root + "embed/embed.js"}
}

// chartEmbed makes one chart's embed page and sets the share panel after
// the chart on its page; nil for a chart that has none.
func (e *edition) chartEmbed(md goldmark.Markdown, c chartBlock, label string) (*EmbedPage, error) {
	s, err := chart.ParseSpec(c.Spec)
	if err != nil {
		return nil, nil // reported with its page's line when the page was parsed
	}
	var page *Page
	for _, p := range e.pages {
		if p.URL == c.Page {
			page = p
		}
	}
	if page == nil {
		return nil, nil
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
			return nil, err
		}
		cw := &copyWriter{Links: links}
		if err := convertAt(md, c.Page, "```chart\n"+c.Spec+"```\n", cw); err != nil {
			return nil, err
		}
		d.HTML = cw.Bytes()
	}
	ep.Body, ep.Chart = template.HTML(d.HTML), true
	sv := e.shareView(ep, "chart", page, []chart.Box{d.Box})
	sv.Press = e.pressView(page, c.ID)
	if page.ChartShares == nil {
		page.ChartShares = map[string]*ShareView{}
	}
	page.ChartShares[c.ID] = sv
	return ep, nil
}

// shareView returns the share view of an embed page, and sets its oEmbed
// document. Its heights for the snippet are estimated from what it shows:
// p's paragraphs (for a section) and the charts' boxes.
func (e *edition) shareView(ep *EmbedPage, kind string, p *Page, boxes []chart.Box) *ShareView {
	dir := e.Prefix + model.EmbedPrefix + ep.dir
	src := base(e.settings).Abs(dir)
	title := ep.Title + " · " + e.settings.Name
	hs := e.estimates(ep, p, boxes, embed.PhoneWidth, embed.WideWidth, embed.OEmbedWidth)
	phone, wide := hs[0], hs[1]
	sn := embed.Snippet{Src: src, Title: title, Height: phone, Phone: phone, Wide: wide, Script: base(e.settings).Abs("embed/resize.js"), Href: ep.Full,
		LinkText: e.ui("閱讀全文與注釋：") + ep.Title}
	sv := &ShareView{Kind: kind, Title: title, Embed: src, Code: e.highlight("html", sn.HTML()), Height: phone}
	if base(e.settings).Known() { // an oEmbed document's iframe src must be absolute
		o := embed.NewOEmbed(src, title, e.settings.Name, base(e.settings).Abs(e.Prefix), hs[2])
		ep.oembed = &o
		sv.OEmbed = src + "oembed.json" // the panel offers oEmbed only then
	}
	return sv
}
