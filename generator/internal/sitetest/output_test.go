package sitetest

import (
	"strings"
	"testing"

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
