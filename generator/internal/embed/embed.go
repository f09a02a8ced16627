// Package embed holds the pure parts of letting other sites embed the
// edition's sections and charts: how an embed page writes its links, so
// that anything not on it opens the full edition in a new tab (Links,
// asked by the renderers as they write each link), estimating the page's
// height for the snippet from what it shows (Estimate), the copyable
// snippet itself, the oEmbed document, and the host headers file that
// allows framing of the embed pages only.
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
// estimate (see Estimate) is the iframe's initial height, for hosts that
// run no script; the embed page posts its real height as soon as it runs,
// and the host script (or WordPress's wp-embed) sets it.
package embed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/url"
	"sort"
	"strings"
)

// Links is how an embed page writes its links (model.Copy): a link to a
// place on the embed page stays as it is; every other link, and every
// permalink (pin), is made absolute against the full page's address (or
// root-relative, when the site's address is not known) and opens in a new
// tab. The renderers ask it as they write each link: nothing is rewritten
// afterwards.
type Links struct {
	base  *url.URL
	local map[string]bool // the ids on the embed page
}

// NewLinks is Links for an embed page of the page at full, holding the
// elements with ids local.
func NewLinks(full string, local map[string]bool) (Links, error) {
	b, err := url.Parse(full)
	if err != nil {
		return Links{}, fmt.Errorf("embed: base %q: %v", full, err)
	}
	return Links{base: b, local: local}, nil
}

// Link implements model.Copy.
func (l Links) Link(href string, pin bool) (string, bool) {
	if frag, ok := strings.CutPrefix(href, "#"); ok && l.local[frag] && !pin {
		return href, false
	}
	u, err := url.Parse(href)
	if err != nil || l.base == nil {
		return href, false
	}
	return l.base.ResolveReference(u).String(), true
}

// Snippet is the embed code a press office copies.
type Snippet struct {
	Src      string // the embed page, absolute
	Title    string // the iframe's accessible name
	Height   int    // initial height in CSS pixels, for one-height snippets
	Script   string // the host resize script, absolute
	Href     string // the full page, absolute: the fallback link
	LinkText string
	// Phone and Wide are the page's heights at PhoneWidth and at
	// WideWidth (and wider: the column stops growing there). When they
	// differ by more than OneHeight, the snippet is a responsive box.
	Phone, Wide int
}

// Widths the snippet's heights are taken at: a small phone, and the
// widest the embed column gets (40rem plus padding: tablets and desktops
// lay it out alike, as measured in Chromium at 768 and 1280 px).
const (
	PhoneWidth = 320
	WideWidth  = 672
)

// OneHeight is how much taller the phone layout may be than the wide one
// for a single height to serve both: at most a fifth of the frame blank.
const OneHeight = 1.25

// HTML is the snippet: a titled iframe at full width, the resize script,
// and a plain link that survives CMSs which strip iframes and scripts.
//
// Without the script the frame keeps its first height. A chart is about
// as tall at any width, so it gets one height (the taller). A section is
// nearly twice as tall on a phone as in a wide column, so one height
// either clips it or leaves a long blank; it gets a box whose height
// follows its own width with no script: the larger of the wide height
// and a line through the phone and wide heights (a padding in % of the
// width, which CSS resolves against the host's column). Text height
// falls as 1/width, so the line lies above the true heights between the
// two widths and nothing is clipped. A CMS that strips style attributes
// leaves the iframe at its phone height attribute: a blank, never a cut.
func (s Snippet) HTML() string {
	e := template.HTMLEscapeString
	if s.Phone == 0 || float64(s.Phone) <= float64(s.Wide)*OneHeight {
		h := max(s.Height, s.Phone, s.Wide)
		return fmt.Sprintf(`<div class="edition-embed">
<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy" style="display:block;border:0;width:100%%;min-width:100%%;height:%dpx"></iframe>
<script async src="%s"></script>
<p><a href="%s">%s</a></p>
</div>`, e(s.Src), e(s.Title), h, h, e(s.Script), e(s.Href), e(s.LinkText))
	}
	return fmt.Sprintf(`<div class="edition-embed">
<div class="edition-embed-box" style="position:relative;overflow:hidden">
<div style="float:left;width:1px;margin-left:-1px;%s"></div><div style="float:left;width:1px;margin-left:-1px;height:%dpx"></div>
<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy" style="position:absolute;top:0;left:0;display:block;border:0;width:100%%;height:100%%"></iframe>
</div>
<script async src="%s"></script>
<p><a href="%s">%s</a></p>
</div>`, s.slope(), s.Wide, e(s.Src), e(s.Title), s.Phone, e(s.Script), e(s.Href), e(s.LinkText))
}

// slope is the padding that draws the line through (PhoneWidth, Phone)
// and (WideWidth, Wide): a px − b % of the box's width.
func (s Snippet) slope() string {
	b := float64(s.Phone-s.Wide) / float64(WideWidth-PhoneWidth) // px per px of width
	a := float64(s.Phone) + b*PhoneWidth
	return fmt.Sprintf("padding-top:calc(%dpx - %.2f%%)", int(math.Ceil(a)), b*100)
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
