package sitetest

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"edition/generator/internal/site"
)

// Assertions about the built edition's files (moved from package site,
// whose own tests need no whole-edition build for them).

// TestUnsetBaseURL: without a base URL the site writes no absolute
// address of its own and no placeholder: no canonical, og:url, hreflang
// alternates, sitemap or oEmbed; links are root-relative.
func TestUnsetBaseURL(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	_, out := built(t)
	if !site.MissingBaseURL(out) {
		t.Fatal("the repository's site.yaml sets base_url; this test wants it unset")
	}
	for name, b := range out {
		for _, bad := range []string{"unset.invalid", "example.org", `rel="canonical"`, `og:url`, `hreflang="zh-Hant" href="http`, "json+oembed"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if strings.HasSuffix(name, "oembed.json") || name == "sitemap.xml" {
			t.Errorf("%s written without a base URL", name)
		}
	}
	if !strings.Contains(string(out["part-2-1/index.html"]), `<a href="/embed/part-2-1/">`) {
		t.Error("the share panel's embed link is not root-relative")
	}
}

// TestFullPage: the 全文 page holds every paragraph of the report once,
// links within itself, and lists every note.
func TestFullPage(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	_, out := built(t)
	full := string(out["full/index.html"])
	for _, want := range []string{`<p id="p1-1" data-seed>`, `<p id="p3-4-1" data-seed`, `<h2 id="closing">结语</h2>`, `<li id="n36"`, `href="#chart-`, `第1.1版`} {
		if !strings.Contains(full, want) {
			t.Errorf("全文 has no %s", want)
		}
	}
	if n := strings.Count(full, `<p id="p2-1-1" `); n != 1 {
		t.Errorf("p2-1-1 appears %d times", n)
	}
	if strings.Contains(full, `href="../part-`) {
		t.Error("全文 links to the section pages instead of within itself")
	}
	if !strings.Contains(string(out["zh-hant/full/index.html"]), `<h2 id="closing">結語</h2>`) {
		t.Error("no Traditional 全文")
	}
}

// TestOEmbedDocuments: every embed page has an oembed.json with every
// field oEmbed 1.0 requires of a rich response, whose html is a bare
// iframe of the embed page, and every embeddable page links to it.
func TestOEmbedDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	_, out := builtBased(t)
	n := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, "/oembed.json") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			var o map[string]any
			if err := json.Unmarshal(out[name], &o); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"version", "type", "html", "width", "height", "title", "provider_name", "provider_url"} {
				if _, ok := o[k]; !ok {
					t.Errorf("no %q", k)
				}
			}
			if o["version"] != "1.0" || o["type"] != "rich" {
				t.Errorf("version %v type %v, want 1.0 rich", o["version"], o["type"])
			}
			for _, k := range []string{"width", "height"} {
				if v, ok := o[k].(float64); !ok || v <= 0 || v != math.Trunc(v) {
					t.Errorf("%s = %v, want a positive integer", k, o[k])
				}
			}
			h, _ := o["html"].(string)
			dir := strings.TrimSuffix(name, "oembed.json")
			want := regexp.MustCompile(`^<iframe src="https://edition\.example\.org/` + regexp.QuoteMeta(dir) + `" title="[^"<>]+" width="\d+" height="\d+" frameborder="0"></iframe>$`)
			if !want.MatchString(h) {
				t.Errorf("html = %s, want a bare iframe of %s", h, dir)
			}
			if _, ok := out[dir+"index.html"]; !ok {
				t.Errorf("no embed page %sindex.html", dir)
			}
		})
	}
	// 12 sections and 10 charts in each of the two editions.
	if n != 44 {
		t.Errorf("%d oEmbed documents, want 44", n)
	}
	for _, p := range []string{"part-2-1/index.html", "zh-hant/closing/index.html"} {
		if !strings.Contains(string(out[p]), `type="application/json+oembed"`) {
			t.Errorf("%s: no oEmbed discovery link", p)
		}
	}
}

// TestEmbedPagesAreCopies: embed pages carry no data-seed (the fidelity
// check reads the site's own pages only), no site navigation, a canonical
// link to the full page, and their permalinks open the full edition.
func TestEmbedPagesAreCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	_, out := builtBased(t)
	for _, c := range []struct{ name, canonical, pin string }{
		{"embed/part-2-1/index.html", "https://edition.example.org/part-2-1/", `<a class="pin" href="https://edition.example.org/part-2-1/#p2-1-1" data-ed target="_blank" rel="noopener">`},
		{"zh-hant/embed/part-1/index.html", "https://edition.example.org/zh-hant/part-1/", `href="https://edition.example.org/zh-hant/part-1/#p1-1" data-ed target="_blank" rel="noopener">`},
		{"embed/chart/roads/index.html", "https://edition.example.org/part-2-5/#chart-roads", `href="https://edition.example.org/part-2-5/#p2-5-`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := string(out[c.name])
			for _, bad := range []string{"data-seed", `class="masthead"`, `class="prevnext"`, "X-Frame-Options"} {
				if strings.Contains(s, bad) {
					t.Errorf("has %s", bad)
				}
			}
			for _, want := range []string{`<link rel="canonical" href="` + c.canonical + `">`, c.pin, `<meta name="color-scheme" content="light dark">`, `http-equiv="Content-Security-Policy"`} {
				if !strings.Contains(s, want) {
					t.Errorf("no %s", want)
				}
			}
		})
	}
	hd := string(out["_headers"])
	for _, want := range []string{"/embed/*\n  Content-Security-Policy: frame-ancestors *\n", "/zh-hant/embed/*\n  Content-Security-Policy: frame-ancestors *\n",
		"/part-2-1/*\n  Content-Security-Policy: frame-ancestors 'self'\n  X-Frame-Options: SAMEORIGIN\n"} {
		if !strings.Contains(hd, want) {
			t.Errorf("_headers lacks %q", want)
		}
	}
	if strings.Contains(hd, "\n/*\n") {
		t.Error("_headers has a rule for /*: hosts merge it into the embed pages' headers")
	}
}

// TestPagesCarryTheStylesTheyUse: a page inlines the charts' and the
// notes' styles (static/css/chart.css, notes.css) only when it shows
// charts or notes. Each class that only those sheets style and that a
// page uses (or, for term links, that notes.js adds) must be styled by
// the page's own inline CSS; and a page that uses none of them must not
// carry them.
func TestPagesCarryTheStylesTheyUse(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	_, out := built(t)
	classesOf := func(file string) map[string]bool {
		b, err := os.ReadFile("../../../static/css/" + file)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, c := range reCSSClass.FindAllStringSubmatch(string(b), -1) {
			m[c[1]] = true
		}
		return m
	}
	shared := map[string]bool{}
	for _, f := range []string{"00-base.css", "20-search.css", "embed.css"} {
		for c := range classesOf(f) {
			shared[c] = true
		}
	}
	optional := map[string]map[string]bool{} // sheet → classes only it styles
	for _, f := range []string{"chart.css", "notes.css"} {
		optional[f] = map[string]bool{}
		for c := range classesOf(f) {
			if !shared[c] {
				optional[f][c] = true
			}
		}
	}
	checked := 0
	for _, p := range pages(out) {
		if strings.Contains(p, "embed/") {
			continue // embed pages link the whole stylesheet
		}
		checkPageStyles(t, p, string(out[p]), optional)
		checked++
	}
	if checked < 30 {
		t.Fatalf("checked %d pages", checked)
	}
}

var (
	reCSSClass  = regexp.MustCompile(`\.([a-zA-Z][\w-]*)`)
	reClassAttr = regexp.MustCompile(`class="([^"]*)"`)
	reStyle     = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
)

func checkPageStyles(t *testing.T, name, page string, optional map[string]map[string]bool) {
	t.Helper()
	m := reStyle.FindStringSubmatch(page)
	if m == nil {
		t.Errorf("%s: no inline styles", name)
		return
	}
	inline := m[1]
	used := map[string]bool{}
	for _, a := range reClassAttr.FindAllStringSubmatch(page, -1) {
		for _, c := range strings.Fields(a[1]) {
			used[c] = true
		}
	}
	for sheet, classes := range optional {
		uses := ""
		for c := range classes {
			if used[c] {
				uses = c
				if !strings.Contains(inline, "."+c) {
					t.Errorf("%s uses class %q, styled only by %s, which it does not inline", name, c, sheet)
				}
			}
		}
		carries := false
		for c := range classes {
			if strings.Contains(inline, "."+c+"{") || strings.Contains(inline, "."+c+" ") || strings.Contains(inline, "."+c+",") {
				carries = true
			}
		}
		if uses == "" && carries {
			t.Errorf("%s inlines %s but uses none of its classes", name, sheet)
		}
	}
}

// TestEmbedPagesLinkOut: on every embed page, based or not, a link either
// points at an element on the page, or goes to the full edition (by an
// absolute or root-relative address) in a new tab; a permalink always
// goes out, a term's link stays (to the page's endnotes); and nothing is marked data-seed (an embed page is a copy, not
// the report text the fidelity check reads).
func TestEmbedPagesLinkOut(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-edition build")
	}
	for _, b := range []func(*testing.T) (string, site.Output){built, builtBased} {
		_, out := b(t)
		n := 0
		for _, p := range pages(out) {
			if strings.Contains(p, "embed/") {
				checkEmbedLinks(t, p, out[p])
				n++
			}
		}
		if n < 40 {
			t.Errorf("%d embed pages", n)
		}
	}
}

func checkEmbedLinks(t *testing.T, name string, page []byte) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var links []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if v := attrOf(n, "id"); v != "" {
				ids[v] = true
			}
			if attrOf(n, "data-seed") != "" || hasAttr(n, "data-seed") {
				t.Errorf("%s: <%s id=%q> is marked data-seed", name, n.Data, attrOf(n, "id"))
			}
			if n.Data == "a" && hasAttr(n, "href") {
				links = append(links, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, a := range links {
		href, out := attrOf(a, "href"), attrOf(a, "target") == "_blank" && attrOf(a, "rel") == "noopener"
		frag, local := strings.CutPrefix(href, "#")
		switch {
		case !local && strings.Contains(" "+attrOf(a, "class")+" ", " term "):
			t.Errorf("%s: term link %s leaves the page, whose endnotes hold its note", name, href)
		case local && strings.Contains(" "+attrOf(a, "class")+" ", " pin "):
			t.Errorf("%s: permalink %s stays on the embed page", name, href)
		case local && !ids[frag]:
			t.Errorf("%s: link to #%s, which is not on the page", name, frag)
		case !local && (!out || !strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "https://")):
			t.Errorf("%s: link %s (target %q) does not open the full edition in a new tab", name, href, attrOf(a, "target"))
		}
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
