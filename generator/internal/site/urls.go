package site

import (
	"fmt"
	"strings"

	"edition/generator/internal/content"
)

// The edition's URL scheme, in one place. Every URL here is relative to an
// edition's root ("" for Simplified, "zh-hant/" for Traditional); a content
// page's own URL is its slug plus "/" (content.Page.URL), the home page "".
const (
	notesURL       = "notes/"       // every note, anchored #n1, #n2 …
	correctionsURL = "corrections/" // about the edition, and every repair
	figuresURL     = "figures/"     // the dataset, every chart and the downloads
	notFoundURL    = "404.html"     // in each edition (see renderSitePages)
	// EmbedPrefix is where a page's or chart's embeddable copy lives:
	// EmbedPrefix + the page URL (+ chart ID + "/").
	EmbedPrefix = "embed/"
)

// noteURL is note n's place on the notes page.
func noteURL(n int) string { return fmt.Sprintf("%s#n%d", notesURL, n) }

// chartAnchor is the fragment of chart id on the page that places it.
func chartAnchor(id string) string { return "#chart-" + id }

// chartSVGURL is chart id's standalone SVG, relative to figuresURL.
func chartSVGURL(id string) string { return "charts/" + id + ".svg" }

// A site without a base URL (base_url unset in content/site.yaml, no build
// -base-url) does not know its own address, so it writes no absolute URL
// of its own: no canonical link, og:url or hreflang alternates, no sitemap
// (its <loc> must be absolute) and no oEmbed documents (their iframe src
// must be). Its other links to itself are root-relative, and the share
// panel's snippet takes the address the page is served from when it is
// opened (static/js/embed-share.js). Every such choice asks based or
// siteURL, so the pages are written right the first time.

// based reports whether the site's published address is known.
func based(s content.Settings) bool { return s.BaseURL != "" }

// siteURL is the address of rel, a path below the site root: absolute
// when the base URL is known, root-relative ("/" + rel) when not.
func siteURL(s content.Settings, rel string) string {
	if !based(s) {
		return "/" + rel
	}
	return baseURL(s) + rel
}

// baseURL is the published address ending in a slash, "" when unknown.
func baseURL(s content.Settings) string {
	b := s.BaseURL
	if b != "" && !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// basePath is the path part of the base URL, for pages served at any
// depth (the 404 page): "/" without one.
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

// MissingBaseURL reports whether out was built without a base URL (it
// then has no sitemap): build warns about it.
func MissingBaseURL(out Output) bool {
	_, ok := out["sitemap.xml"]
	return !ok
}
