package site

import (
	"bytes"
	"regexp"
	"strings"
)

// A site without a base URL (base_url unset in content/site.yaml, no
// build -base-url) does not know its own address, so it writes no
// absolute URL of its own: no canonical link, og:url or hreflang
// alternates, no sitemap (its <loc> must be absolute) and no oEmbed
// documents (their iframe src must be). Links are root-relative, and the
// share panel's snippet takes the address the page is served from when
// it is opened (static/js/embed-share.js). The pages are built with
// unsetBase as their base and unbase rewrites the output, so no code
// path needs two forms.

// unsetBase stands for the unknown address while building. The .invalid
// top-level domain is reserved (RFC 2606); unbase leaves none of it.
const unsetBase = "https://unset.invalid/"

var (
	// Tags that only make sense with an absolute address: the whole line.
	reAbsTags = regexp.MustCompile(`(?m)^<link rel="canonical"[^>]*>\n|^<link rel="alternate" hreflang="[^"]*" href="` + regexp.QuoteMeta(unsetBase) + `[^>]*>\n|^<meta property="og:url"[^>]*>\n|^<link rel="alternate" type="application/json\+oembed"[^>]*>\n`)
	// JSON-LD's "url": it must be absolute, so it goes.
	reLDURL = regexp.MustCompile(`,?"url":"` + regexp.QuoteMeta(unsetBase) + `[^"]*"`)
)

// MissingBaseURL reports whether out was built without a base URL (it
// then has no sitemap): build warns about it.
func MissingBaseURL(out Output) bool {
	_, ok := out["sitemap.xml"]
	return !ok
}

// unbase rewrites a site built with unsetBase as described above.
func unbase(out Output) {
	for name, b := range out {
		switch {
		case strings.HasSuffix(name, "oembed.json"), name == "sitemap.xml":
			delete(out, name)
			continue
		case name == "robots.txt":
			out[name] = []byte("User-agent: *\nAllow: /\n")
			continue
		case !bytes.Contains(b, []byte("unset.invalid")):
			continue
		case strings.HasSuffix(name, ".html"):
			b = reAbsTags.ReplaceAll(b, nil)
			b = reLDURL.ReplaceAll(b, nil)
		}
		out[name] = bytes.ReplaceAll(b, []byte(unsetBase), []byte("/"))
	}
}
