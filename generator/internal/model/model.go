// Package model names the objects of an edition that have an address, and
// holds the one function that gives each its URL. It is the first step of
// the edition model that issue 11 asks for: the build (package site)
// resolves pages, paragraphs, notes and charts and asks URL where they
// are; templates get the URLs so made.
package model

import (
	"fmt"
	"strings"
)

// The edition's URL scheme. Every URL here is relative to an edition's
// root ("" for Simplified, "zh-hant/" for Traditional); a content page's
// own URL is its slug plus "/" (content.Page.URL), the home page "".
const (
	NotesURL       = "notes/"       // every note, anchored #n1, #n2 …
	CorrectionsURL = "corrections/" // about the edition, and every repair
	FiguresURL     = "figures/"     // the dataset, every chart and the downloads
	NotFoundURL    = "404.html"     // in each edition
	ChangesURL     = "changes/"     // the edition's change history
	FullURL        = "full/"        // the whole report on one page
	// EmbedPrefix is where a page's or chart's embeddable copy lives:
	// EmbedPrefix + the page URL, or EmbedPrefix + "chart/" + chart ID + "/".
	EmbedPrefix = "embed/"
)

// Page is a page of an edition, by its URL.
type Page struct{ URL string }

// Para is a paragraph (or heading) of the report: its ID, the URL of the
// page that holds it, and its citation label (二（三）¶4, as the page
// counts it; "" for a heading).
type Para struct{ ID, Page, Cite string }

// Note is the report's note Number, on the notes page.
type Note struct{ Number int }

// Chart is a chart placed on the page at Page ("" for a fragment of the
// page that asks).
type Chart struct{ ID, Page string }

// ChartSVG is a chart's standalone SVG, below the figures page.
type ChartSVG struct{ ID string }

// ChartPNG is a chart's press image, ChartCSV its figures (with a
// byte-order mark for Excel when Excel is set), both beside its SVG.
type (
	ChartPNG struct{ ID string }
	ChartCSV struct {
		ID    string
		Excel bool
	}
)

// Card is the share card image of the page at Page.
type Card struct{ Page string }

// Embed is the embeddable copy of a Page or a Chart.
type Embed struct{ Of any }

// URL is obj's address relative to the edition root; "" for what has no
// address.
func URL(obj any) string {
	switch o := obj.(type) {
	case Page:
		return o.URL
	case Para:
		return o.Page + "#" + o.ID
	case Note:
		return fmt.Sprintf("%s#n%d", NotesURL, o.Number)
	case Chart:
		return o.Page + "#chart-" + o.ID
	case ChartSVG:
		return FiguresURL + "charts/" + o.ID + ".svg"
	case ChartPNG:
		return FiguresURL + "charts/" + o.ID + ".png"
	case ChartCSV:
		if o.Excel {
			return FiguresURL + "charts/" + o.ID + "-excel.csv"
		}
		return FiguresURL + "charts/" + o.ID + ".csv"
	case Card:
		slug := strings.TrimSuffix(o.Page, "/")
		if slug == "" {
			slug = "home"
		}
		return "cards/" + strings.ReplaceAll(slug, "/", "-") + ".png"
	case Embed:
		switch of := o.Of.(type) {
		case Page:
			return EmbedPrefix + of.URL
		case Chart:
			return EmbedPrefix + "chart/" + of.ID + "/"
		}
	}
	return ""
}

// File is url with a directory's index.html named, for links that must
// work from file:// as well (the search index's): "part-1/#p1-2" is
// "part-1/index.html#p1-2", "" is "index.html".
func File(url string) string {
	p, frag, has := strings.Cut(url, "#")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if has {
		return p + "#" + frag
	}
	return p
}

// Base is the address a site is published at, "" when it is not known. A
// site without one writes no absolute URL of its own: no canonical link,
// og:url or hreflang alternates, no sitemap and no oEmbed documents; its
// other links to itself are root-relative.
type Base string

// Known reports whether the site's address is known.
func (b Base) Known() bool { return b != "" }

// Abs is the address of rel, a path below the site root: absolute when
// the base is known, root-relative ("/" + rel) when not.
func (b Base) Abs(rel string) string {
	if !b.Known() {
		return "/" + rel
	}
	s := string(b)
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s + rel
}

// Path is the path part of the base, for pages served at any depth (the
// 404 page): "/" without a base.
func (b Base) Path() string {
	s := string(b)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		if j := strings.Index(s, "/"); j >= 0 {
			return s[j:]
		}
		return "/"
	}
	if s == "" {
		return "/"
	}
	return s
}
