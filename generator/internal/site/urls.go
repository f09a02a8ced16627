package site

import "fmt"

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
