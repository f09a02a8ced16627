// Package embed holds the pure parts of letting other sites embed the
// edition's sections and charts: rewriting an embed page's links so that
// anything not on the embed page opens the full edition in a new tab,
// estimating the page's height for the snippet, the copyable snippet
// itself, the oEmbed document, and the host headers file that allows
// framing of the embed pages only.
//
// An embed page is a copy of a section (or one chart) with its notes and
// a source line; it lives at embed/<page>/ or embed/chart/<id>/ in each
// edition, with oembed.json beside it. The site's own pages stay
// unframable.
//
// Framing. A <meta> CSP cannot carry frame-ancestors (browsers ignore it
// there), so the build writes _headers, which Netlify and Cloudflare Pages
// read: "frame-ancestors *" and no X-Frame-Options under each edition's
// embed/ (any site, http or https, may frame them: intranet CMSs often
// run on http); "frame-ancestors 'self'" plus X-Frame-Options: SAMEORIGIN
// (for old browsers) on every other page. On another server, the same in
// its own terms, for example nginx:
//
//	location ~ ^/(zh-hant/)?embed/ { add_header Content-Security-Policy "frame-ancestors *"; }
//	location / { add_header Content-Security-Policy "frame-ancestors 'self'"; add_header X-Frame-Options SAMEORIGIN; }
//
// and serve oembed.json as application/json. The embed pages' own meta
// CSP limits them to the site's scripts and styles.
//
// Heights are estimated, not measured: the build runs no browser. The
// estimate (see Height) is the iframe's initial height, for hosts that
// run no script; the embed page posts its real height as soon as it runs,
// and the host script (or WordPress's wp-embed) sets it.
package embed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Rewrite prepares an embed page's HTML: links to places on the page
// stay as they are; every other link, and every permalink (a.pin), is
// made absolute against base (the full page's address) and opens in a new
// tab. data-seed marks are dropped: an embed page is a copy, not the
// report text the fidelity check reads.
func Rewrite(doc []byte, base string) ([]byte, error) {
	out, _, err := RewriteMeasured(doc, base, nil, Layout{})
	return out, err
}

// RewriteMeasured is Rewrite, and Height of the result at each of widths,
// from one parse of the page.
func RewriteMeasured(doc []byte, base string, widths []int, l Layout) ([]byte, []int, error) {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return nil, nil, err
	}
	b, err := url.Parse(base)
	if err != nil {
		return nil, nil, fmt.Errorf("embed: base %q: %v", base, err)
	}
	ids := map[string]bool{}
	walk(root, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok {
			ids[v] = true
		}
	})
	walk(root, func(n *html.Node) {
		del(n, "data-seed")
		if n.Data != "a" {
			return
		}
		href, ok := attr(n, "href")
		if !ok {
			return
		}
		if frag, local := strings.CutPrefix(href, "#"); local && ids[frag] && !hasClass(n, "pin") {
			return
		}
		u, err := url.Parse(href)
		if err != nil {
			return
		}
		set(n, "href", b.ResolveReference(u).String())
		set(n, "target", "_blank")
		set(n, "rel", "noopener")
	})
	var out bytes.Buffer
	if err := html.Render(&out, root); err != nil {
		return nil, nil, err
	}
	out.WriteString("\n")
	hs := make([]int, len(widths))
	for i, w := range widths {
		hs[i] = heightOf(root, w, l)
	}
	return out.Bytes(), hs, nil
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

func set(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func del(n *html.Node, key string) {
	as := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != key {
			as = append(as, a)
		}
	}
	n.Attr = as
}

func hasClass(n *html.Node, c string) bool {
	v, _ := attr(n, "class")
	for f := range strings.FieldsSeq(v) {
		if f == c {
			return true
		}
	}
	return false
}

// Snippet is the embed code a press office copies.
type Snippet struct {
	Src      string // the embed page, absolute
	Title    string // the iframe's accessible name
	Height   int    // initial height in CSS pixels
	Script   string // the host resize script, absolute
	Href     string // the full page, absolute: the fallback link
	LinkText string
}

// HTML is the snippet: a titled iframe at full width with its initial
// height, the resize script, and a plain link that survives CMSs which
// strip iframes and scripts.
func (s Snippet) HTML() string {
	e := template.HTMLEscapeString
	return fmt.Sprintf(`<div class="edition-embed">
<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy" style="display:block;border:0;width:100%%;min-width:100%%;height:%dpx"></iframe>
<script async src="%s"></script>
<p><a href="%s">%s</a></p>
</div>`, e(s.Src), e(s.Title), s.Height, s.Height, e(s.Script), e(s.Href), e(s.LinkText))
}

// OEmbed is an oEmbed 1.0 response of type rich (oembed.com §2.3.4).
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age,omitempty"`
}

// OEmbedWidth is the width the oEmbed document is written for: a static
// file cannot honour maxwidth, so it names one common column width.
const OEmbedWidth = 600

// NewOEmbed is the oEmbed document for an embed page. Its html is a bare
// iframe with only the attributes WordPress keeps for other providers
// (src, width, height, frameborder, title): no script, no style.
func NewOEmbed(src, title, provider, providerURL string, height int) OEmbed {
	e := template.HTMLEscapeString
	return OEmbed{
		Version: "1.0", Type: "rich", Title: title,
		ProviderName: provider, ProviderURL: providerURL,
		HTML:  fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" frameborder="0"></iframe>`, e(src), e(title), OEmbedWidth, height),
		Width: OEmbedWidth, Height: height, CacheAge: 86400,
	}
}

// JSON is the document as served: UTF-8, HTML not escaped to \u003c.
func (o OEmbed) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(o) // plain strings and ints: cannot fail
	return b.Bytes()
}

// Headers is a _headers file (Netlify and Cloudflare Pages format) for
// the site's paths: framable and with no X-Frame-Options under each embed
// prefix; same-origin framing only on every other page. Both hosts merge
// the headers of every rule a path matches, so the rules must not
// overlap: pages are listed by their own paths (exact for an edition
// root, a splat for a page directory), never as "/*".
func Headers(embedPrefixes, pages []string) []byte {
	var b strings.Builder
	b.WriteString("# Framing policy: embed pages may be framed by any site; other pages only by this one.\n")
	b.WriteString("# Netlify / Cloudflare Pages format; see generator/internal/embed.\n")
	for _, p := range sorted(embedPrefixes) {
		fmt.Fprintf(&b, "/%s*\n  Content-Security-Policy: frame-ancestors *\n  Access-Control-Allow-Origin: *\n", p)
	}
	for _, p := range sorted(pages) {
		fmt.Fprintf(&b, "/%s\n  Content-Security-Policy: frame-ancestors 'self'\n  X-Frame-Options: SAMEORIGIN\n", p)
	}
	return []byte(b.String())
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
