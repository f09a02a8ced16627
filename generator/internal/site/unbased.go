package site

import (
	"bytes"
	"hash/maphash"
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

// absTags start the lines that only make sense with an absolute address
// (the whole line goes); hrefUnset must follow an hreflang alternate's
// language for it to go.
var absTags = []string{
	`<link rel="canonical"`,
	`<link rel="alternate" hreflang="`,
	`<meta property="og:url"`,
	`<link rel="alternate" type="application/json+oembed"`,
}

const hrefUnset = `" href="` + unsetBase

// MissingBaseURL reports whether out was built without a base URL (it
// then has no sitemap): build warns about it.
func MissingBaseURL(out Output) bool {
	_, ok := out["sitemap.xml"]
	return !ok
}

// unbase rewrites a site built with unsetBase as described above; bl
// remembers each file's rewrite for the next build.
func (bl *Builder) unbase(out Output) {
	for name, b := range out {
		nb, keep := memoised(bl, "unbase", func(h *maphash.Hash) { h.WriteString(name + "\x00"); h.Write(b) },
			func() unbased { nb, keep := unbaseFile(name, b); return unbased{nb, keep} }).unpack()
		if !keep {
			delete(out, name)
		} else {
			out[name] = nb
		}
	}
}

type unbased struct {
	b    []byte
	keep bool
}

func (u unbased) unpack() ([]byte, bool) { return u.b, u.keep }

// unbaseFile is one file's rewrite, and whether it stays.
func unbaseFile(name string, b []byte) ([]byte, bool) {
	switch {
	case strings.HasSuffix(name, "oembed.json"), name == "sitemap.xml":
		return nil, false
	case name == "robots.txt":
		return []byte("User-agent: *\nAllow: /\n"), true
	case !bytes.Contains(b, []byte("unset.invalid")):
		return b, true
	case strings.HasSuffix(name, ".html"):
		b = dropLDURLs(dropAbsTags(b))
	}
	return bytes.ReplaceAll(b, []byte(unsetBase), []byte("/")), true
}

// dropAbsTags removes each line that starts with one of absTags and ends
// at the tag's first ">" (a tag may span lines). It scans the lines once:
// a regexp doing the same was two thirds of a preview rebuild.
func dropAbsTags(b []byte) []byte {
	out := b[:0:0]
	for i := 0; i < len(b); {
		if n := absTagLen(b[i:]); n > 0 {
			i += n
			continue
		}
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			j = len(b) - i - 1
		}
		out = append(out, b[i:i+j+1]...)
		i += j + 1
	}
	return out
}

// absTagLen is the length of the absolute-address tag line b starts
// with, its newline included, or 0.
func absTagLen(b []byte) int {
	for k, t := range absTags {
		if !bytes.HasPrefix(b, []byte(t)) {
			continue
		}
		n := len(t)
		if k == 1 { // an alternate by language goes only when it is ours
			q := bytes.IndexByte(b[n:], '"')
			if q < 0 || !bytes.HasPrefix(b[n+q:], []byte(hrefUnset)) {
				return 0
			}
			n += q + len(hrefUnset)
		}
		g := bytes.IndexByte(b[n:], '>')
		if g < 0 || n+g+1 >= len(b) || b[n+g+1] != '\n' {
			return 0
		}
		return n + g + 2
	}
	return 0
}

// dropLDURLs removes JSON-LD's "url" members that name unsetBase, with
// the comma before them.
func dropLDURLs(b []byte) []byte {
	pre := []byte(`"url":"` + unsetBase)
	out := []byte{}
	last := 0
	for i := 0; ; {
		j := bytes.Index(b[i:], pre)
		if j < 0 {
			break
		}
		start := i + j
		q := bytes.IndexByte(b[start+len(pre):], '"')
		if q < 0 {
			break
		}
		end := start + len(pre) + q + 1
		if start > last && b[start-1] == ',' {
			start--
		}
		out = append(out, b[last:start]...)
		last, i = end, end
	}
	if last == 0 {
		return b
	}
	return append(out, b[last:]...)
}
