package sitetest

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

var (
	reSnippet = regexp.MustCompile(`(?s)<div class="code share-code">(.*?)</div>\s*<p class="share-actions">`)
	reTag     = regexp.MustCompile(`<[^>]*>`)
	reScript  = regexp.MustCompile(`<script[^>]*></script>\n?`)
)

// snippets returns each distinct embed snippet in the built pages, as a
// press office copies it (the highlighted code's text).
func snippets(out map[string][]byte) map[string]string {
	got := map[string]string{}
	for n, b := range out {
		if strings.Contains(n, "embed/") || strings.HasPrefix(n, "zh-hant/") || !strings.HasSuffix(n, ".html") {
			continue
		}
		for _, m := range reSnippet.FindAllSubmatch(b, -1) {
			code := html.UnescapeString(reTag.ReplaceAllString(string(m[1]), ""))
			src := regexp.MustCompile(`src="([^"]+)"`).FindStringSubmatch(code)
			got[src[1]] = strings.TrimSpace(code)
		}
	}
	return got
}

// TestSnippetWithoutScript: pasted into a page of a CMS that strips
// <script>, each snippet's frame shows all of its page (no clipping) and
// at most half its height blank below it, on a phone (320, 375 px), a tablet (768)
// and a desktop (1280). Measured in Chromium: the frame's box against the
// height of the embed page's content inside it.
func TestSnippetWithoutScript(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, out := built(t)
	srv := serve(t, dir)
	var hosts, srcs []string
	for src, code := range snippets(out) {
		code = strings.ReplaceAll(reScript.ReplaceAllString(code, ""), "https://edition.example.org/", "/")
		name := fmt.Sprintf("host-%d.html", len(hosts))
		page := "<!doctype html><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><body style=\"margin:8px\">" + code
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		hosts, srcs = append(hosts, name), append(srcs, strings.TrimPrefix(src, "https://edition.example.org/embed/"))
	}
	rows := append([]string(nil), srcs...)
	for _, w := range []int{320, 375, 768, 1280} {
		ctx := browsertest.New(t, browsertest.Options{Width: w, Height: 800, Mobile: w < 500, Timeout: 300e9})
		for i, h := range hosts {
			frame, content := measureFrame(t, ctx, srv.URL+"/"+h)
			rows[i] += fmt.Sprintf("\t%d: %d/%d", w, frame, content)
			if frame < content {
				t.Errorf("%s at %d px: frame %d px clips its %d px page", srcs[i], w, frame, content)
			}
			if float64(frame) > float64(content)*1.5 {
				t.Errorf("%s at %d px: frame %d px leaves %d px blank under its %d px page", srcs[i], w, frame, frame-content, content)
			}
		}
	}
	sort.Strings(rows)
	t.Logf("frame/content heights in px at each width:\n%s", strings.Join(rows, "\n"))
}

// measureFrame loads a host page at a viewport width and returns the
// first iframe's height and its content's.
func measureFrame(t *testing.T, ctx context.Context, url string) (frame, content int) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	js := `new Promise(function (ok) {
	  var f = document.querySelector('iframe');
	  f.loading = 'eager';
	  function measure() {
	    var d = f.contentDocument;
	    var r = d && d.readyState === 'complete' && d.getElementById('embed-root');
	    if (!r) { setTimeout(measure, 50); return; }
	    ok([Math.round(f.getBoundingClientRect().height), Math.ceil(r.getBoundingClientRect().bottom)]);
	  }
	  measure();
	})`
	hs, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	return hs[0], hs[1]
}
