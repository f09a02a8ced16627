package sitetest

import (
	"regexp"
	"strings"
	"testing"

	"edition/generator/internal/model"
	"edition/generator/internal/site"
)

// TestPanelClaimsOEmbedOnlyWhenWritten: the 分享 / 嵌入 panel offers
// oEmbed ("支持oEmbed…") and the page has an oEmbed discovery link only
// when the build wrote the oEmbed document it names, which it does only
// with a base URL (site/unbased.go).
func TestPanelClaimsOEmbedOnlyWhenWritten(t *testing.T) {
	panel := regexp.MustCompile(`<p class="share-link">[^<]*<a href="([^"]+)">[^<]*</a>([^<]*)</p>`)
	for _, tc := range []struct {
		name  string
		build func(*testing.T) (string, site.Output)
		base  string
		claim bool
	}{
		{"committed, no base URL", built, "/", false},
		{"published with a base URL", builtBased, testBase, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, out := tc.build(t)
			panels := 0
			for _, p := range pages(out) {
				for _, m := range panel.FindAllSubmatch(out[p], -1) {
					panels++
					doc := strings.TrimPrefix(string(m[1]), tc.base) + "oembed.json"
					_, written := out[doc]
					claims := strings.Contains(string(m[2]), "oEmbed")
					if claims != tc.claim || written != tc.claim {
						t.Errorf("%s: panel for %s says oEmbed: %v, %s written: %v; want %v", p, m[1], claims, doc, written, tc.claim)
					}
				}
				// A page with a section panel (an embed of its own) and the
				// embed pages have the link.
				own := strings.Contains(string(out[p]), `class="share share-section"`) || strings.Contains(p, model.EmbedPrefix)
				if has := strings.Contains(string(out[p]), "application/json+oembed"); has != (own && tc.claim) {
					t.Errorf("%s: oEmbed discovery link: %v, want %v", p, has, own && tc.claim)
				}
			}
			if panels == 0 {
				t.Fatal("no 分享 / 嵌入 panel found: the test no longer sees them")
			}
		})
	}
}

// TestNotFoundPages: most hosts answer every missing address with the
// root's 404.html, so it speaks to readers of both scripts: a line in
// Traditional linking the Traditional home, beside the Simplified home
// link; and both editions' 404 pages list the parts they promise (目录).
func TestNotFoundPages(t *testing.T) {
	_, out := built(t)
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"404.html", []string{
			`<p><a href="/">回到首页</a></p>`,
			`<p class="nf-other" lang="zh-Hant">找不到此頁。<a href="/zh-hant/" hreflang="zh-Hant" lang="zh-Hant">前往繁體版首頁</a></p>`,
			`<li><a href="/part-1/">`, `<li><a href="/closing/">`,
		}},
		{"zh-hant/404.html", []string{
			`<p><a href="/zh-hant/">回到首頁</a></p>`,
			`其他字體：<a href="/" hreflang="zh-Hans" lang="zh-Hans">简体</a>`,
			`<li><a href="/zh-hant/part-1/">`,
		}},
	} {
		t.Run(tc.page, func(t *testing.T) {
			b := string(out[tc.page])
			for _, w := range tc.want {
				if !strings.Contains(b, w) {
					t.Errorf("no %s", w)
				}
			}
		})
	}
}
