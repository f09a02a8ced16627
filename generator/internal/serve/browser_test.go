package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"edition/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// waitJS evaluates expr until it is true. Errors are retried: the page may
// be reloading. The limit only stops a hung test.
func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(30 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
	}
	t.Fatalf("never true: %s", expr)
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// longPage has enough text to scroll on a phone, in sections with ids;
// extra paragraphs go before the first section.
func longPage(title, marker string, extra int) string {
	p := "<p>二〇二三年，全市上下堅持以習近平新時代中國特色社會主義思想為指導。</p>"
	var b strings.Builder
	b.WriteString(marker + strings.Repeat(p, extra))
	for i := range 8 {
		fmt.Fprintf(&b, `<h2 id="s%d">第%d節</h2>%s`, i, i, strings.Repeat(p, 10))
	}
	return page(title, b.String())
}

func openPage(t *testing.T, base, path string) context.Context {
	t.Helper()
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `window.__preview && window.__preview.connected`)
	return ctx
}

func TestBrowserReloadsEditedPageKeepingScroll(t *testing.T) {
	browsertest.Need(t)
	root := project(t, baseFiles)
	write(t, root, "content/a.md", longPage("甲", "舊文", 0))
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	ctx := openPage(t, base, "/a/")
	const where = `document.getElementById('s3').getBoundingClientRect().top`
	evalJS[bool](t, ctx, `window.scrollTo(0, document.getElementById('s3').offsetTop + 40); window.marker = 1; true`)
	before := evalJS[float64](t, ctx, where)

	// Five paragraphs are added above what the editor is reading.
	write(t, root, "content/a.md", longPage("甲", "新文", 5))
	waitJS(t, ctx, `document.getElementById('text').textContent.indexOf('新文') === 0`)
	if evalJS[bool](t, ctx, `window.marker === 1`) {
		t.Errorf("page text changed without a reload?")
	}
	waitJS(t, ctx, `document.readyState === 'complete'`)
	if after := evalJS[float64](t, ctx, where); after < before-2 || after > before+2 {
		t.Errorf("section 3 is at %vpx after the reload, was at %vpx (%s, y=%v)", after, before,
			evalJS[string](t, ctx, `JSON.stringify(window.__preview.restored)`), evalJS[float64](t, ctx, `pageYOffset`))
	}
}

func TestBrowserSwapsCSSWithoutReload(t *testing.T) {
	browsertest.Need(t)
	root := project(t, baseFiles)
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	ctx := openPage(t, base, "/b/")
	evalJS[bool](t, ctx, `window.marker = 1; true`)

	// An edit to another page must not reload this one; the stylesheet
	// change after it must be swapped in place.
	write(t, root, "content/a.md", page("甲", "別頁"))
	write(t, root, "static/style.css", "body{color:#c00}")
	waitJS(t, ctx, `getComputedStyle(document.body).color === 'rgb(204, 0, 0)'`)
	if !evalJS[bool](t, ctx, `window.marker === 1`) {
		t.Errorf("page reloaded; want only the stylesheet swapped")
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('link[rel=stylesheet]').length`); n != 1 {
		t.Errorf("%d stylesheet links after swap, want 1", n)
	}
}

func TestBrowserOverlayShowsAndClears(t *testing.T) {
	browsertest.Need(t)
	root := project(t, baseFiles)
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	ctx := openPage(t, base, "/a/")

	// The site's own CSS must not leak into the overlay.
	write(t, root, "static/style.css", "p{text-indent:2em;color:#999} h2{font-size:40px}")
	write(t, root, "content/b.md", "---\ntitle 乙\n---\n")
	write(t, root, "content/a.md", "---\ntitle: 甲\n這一行沒有冒號，前言壞了，而且這一行很長很長，在三百六十像素寬的手機上一定要換行才能看完\n---\n正文\n")
	waitJS(t, ctx, `document.querySelectorAll('#__preview-overlay[role=alertdialog] .pv-item').length === 2`)
	if got := evalJS[string](t, ctx, `document.querySelector('#__preview-overlay .pv-pos').textContent`); got != "content/a.md:3" {
		t.Errorf("overlay position = %q", got)
	}
	if got := evalJS[string](t, ctx, `document.getElementById('text').textContent`); got != "政府工作報告\n" {
		t.Errorf("page under the overlay = %q, want the last good text", got)
	}
	// Readable at 360px: nothing wider than the viewport.
	if w := evalJS[int](t, ctx, `document.getElementById('__preview-overlay').scrollWidth`); w > 360 {
		t.Errorf("overlay is %dpx wide at a 360px viewport", w)
	}
	if shot := os.Getenv("PREVIEW_SCREENSHOT"); shot != "" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(shot, "overlay-360.png"), png, 0o644)
	}

	write(t, root, "content/b.md", page("乙", "好"))
	write(t, root, "content/a.md", page("甲", "修好了"))
	waitJS(t, ctx, `!document.getElementById('__preview-overlay') && document.getElementById('text').textContent.indexOf('修好了') === 0`)
}

// BenchmarkSaveToPaint measures save → new text in an open headless
// Chromium tab (reload included), polling the page over the DevTools
// protocol (about 1 ms per poll).
//
//	go test ./generator/internal/serve -run '^$' -bench SaveToPaint -benchtime 50x
func BenchmarkSaveToPaint(b *testing.B) {
	browsertest.Need(b)
	root, pages := seedProject(b)
	_, base, _ := startServer(b, root, &fakeSite{root: root, cost: 5 * time.Millisecond}, Config{})
	ctx := browsertest.New(b, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/p03/")); err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		mark := fmt.Sprintf("第%d次修改。", i)
		start := time.Now()
		write(b, root, "content/p03.md", page("3", mark+pages[3]))
		expr := `(function(){var e=document.getElementById('text');return !!e&&e.textContent.indexOf('` + mark + `')===0})()`
		for {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
				break
			}
			if time.Since(start) > 20*time.Second {
				b.Fatalf("edit %d never shown", i)
			}
		}
		lat = append(lat, time.Since(start))
	}
	reportLatency(b, lat)
}
