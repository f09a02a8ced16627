package search

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"edition/generator/internal/browsertest"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var screenshots = flag.String("screenshots", "", "directory to write browser screenshots to")

// sitePage lays out the fixture page with the real static files and an
// index built by Build, and returns its file:// URL: the page must work when
// opened from disk, where fetch/XHR of the index would fail.
func sitePage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for to, from := range map[string]string{
		"search.js":      "static/js/search.js",
		"search.css":     "static/css/20-search.css",
		"base.css":       "static/css/00-base.css",
		"reader.js":      "static/js/reader.js",
		"reader-head.js": "templates/partials/reader-head.js",
	} {
		copyFile(filepath.Join("../../..", from), to)
	}
	copyFile("testdata/browser/page.html", "page.html")
	tsv, err := os.ReadFile("testdata/browser/docs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(parseDocs(t, tsv), Config{Fold: converter(t).FoldRune})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "search-index.js"), ix, 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.Join(dir, "page.html")
}

// results types q into the search box and returns the status line, the
// result links and the highlighted text of each result.
func results(t *testing.T, ctx context.Context, q string) (status string, hrefs, marks []string) {
	var err error
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('search-status').removeAttribute('data-query'); document.getElementById('q').value = ''`)); err != nil {
		t.Fatal(err)
	}
	if err = chromedp.Do(ctx, chromedp.Tap("#q"), chromedp.SendKeys("#q", q)); err != nil {
		t.Fatal(err)
	}
	wait := `document.getElementById('search-status').getAttribute('data-query') === ` + strconv.Quote(q)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait)); err != nil {
		t.Fatalf("no search status after typing %q: %v", q, err)
	}
	status, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('search-status').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	hrefs, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[].map.call(document.querySelectorAll('#search-results a'), function (a) { return a.getAttribute('href').replace(/^.*\//, '') })`))
	if err != nil {
		t.Fatal(err)
	}
	marks, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[].map.call(document.querySelectorAll('#search-results a'), function (a) { return [].map.call(a.querySelectorAll('mark'), function (m) { return m.textContent }).join('|') })`))
	if err != nil {
		t.Fatal(err)
	}
	return status, hrefs, marks
}

func TestBrowserSearch(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		q      string
		status string
		hrefs  []string
		marks  []string
	}{
		{"Simplified query finds both scripts", "减税", "找到 2 处",
			[]string{"page.html#p-1-1", "page.html#p-1-2"}, []string{"减税", "減稅"}},
		{"Traditional query finds both scripts", "減稅", "找到 2 处",
			[]string{"page.html#p-1-1", "page.html#p-1-2"}, []string{"减税", "減稅"}},
		{"full-width digits fold", "１２．３亿", "找到 2 处",
			[]string{"page.html#p-1-1", "page.html#p-1-2"}, []string{"12.3亿", "12.3億"}},
		{"著 and 着 fold together", "着力", "找到 1 处",
			[]string{"page.html#p-1-2"}, []string{"著力"}},
		{"HK variant", "卫生", "找到 1 处", []string{"page.html#p-1-2"}, []string{"衞生"}},
		{"space means AND", "减税 推动", "找到 1 处", []string{"page.html#p-1-2"}, []string{"減稅|推動"}},
		{"notes are searched", "包干", "找到 1 处", []string{"page.html#n-3"}, []string{"包干|包干"}},
		{"no match", "台风", "没有找到", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hrefs, marks := results(t, ctx, tt.q)
			if status != tt.status || strings.Join(hrefs, " ") != strings.Join(tt.hrefs, " ") || strings.Join(marks, " ") != strings.Join(tt.marks, " ") {
				t.Errorf("search %q: status %q, links %q, marks %q\nwant %q, %q, %q", tt.q, status, hrefs, marks, tt.status, tt.hrefs, tt.marks)
			}
		})
	}

	// Screenshot of the open results at 360 px, for a person to look at.
	results(t, ctx, "减税")
	if *screenshots != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(*screenshots, "search-360.png"), png, 0o644)
	}

	t.Run("result links to the paragraph", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Tap(`#search-results a[href$="#p-1-2"]`)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash === '#p-1-2'`)); err != nil {
			t.Fatal(err)
		}
		hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('search-results').hidden`))
		if err != nil || !hidden {
			t.Errorf("results still open after following a result (err %v)", err)
		}
	})

	t.Run("Escape clears", func(t *testing.T) {
		results(t, ctx, "减税")
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('q').value + '/' + document.getElementById('search-results').hidden`))
		if err != nil || got != "/true" {
			t.Errorf("after Escape: value/hidden = %q (err %v), want \"/true\"", got, err)
		}
	})

	t.Run("arrow keys move into the results", func(t *testing.T) {
		results(t, ctx, "减税")
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.activeElement.getAttribute('href') || document.activeElement.id).replace(/^.*\//, '')`))
		if err != nil || got != "page.html#p-1-1" {
			t.Errorf("focus after ArrowDown on %q (err %v), want the first result", got, err)
		}
	})
}

// TestBrowserReaderControls: 大/中/小 and high contrast apply at once, are
// remembered across a reload (set before first paint by reader-head.js),
// and survive a localStorage that throws.
func TestBrowserReaderControls(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	state := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.className.replace(/^\s+|\s+$/g, '') + ' ' + getComputedStyle(document.documentElement).fontSize + ' ' + [].map.call(document.querySelectorAll('.reader-controls [aria-pressed=true]'), function (b) { return b.textContent }).join('')`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), "js 16px 中"; got != want {
		t.Errorf("initial state %q, want %q", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Tap(`[data-size="l"]`), chromedp.Tap(`[data-contrast]`)); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), "js text-l hc 20px 大高对比度"; got != want {
		t.Errorf("after 大 and 高对比度: %q, want %q", got, want)
	}
	if *screenshots != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(*screenshots, "reader-360-large-hc.png"), png, 0o644)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), "js text-l hc 20px 大高对比度"; got != want {
		t.Errorf("after reload: %q, want %q (not remembered)", got, want)
	}
	// The stored preferences and the enhancements applied without moving
	// anything: no layout-shift entries since navigation.
	shift, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise(function (resolve) {
		var sum = 0;
		new PerformanceObserver(function (list) {
			list.getEntries().forEach(function (e) { sum += e.value; });
		}).observe({type: 'layout-shift', buffered: true});
		requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(sum); }); });
	})`, chromedp.EvalAwaitPromise))
	if err != nil || shift != 0 {
		t.Errorf("layout shift after reload with stored preferences = %v (err %v), want 0", shift, err)
	}
	if err := chromedp.Do(ctx, chromedp.Tap(`[data-size="s"]`), chromedp.Tap(`[data-contrast]`)); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), "js text-s 14px 小"; got != want {
		t.Errorf("after 小 and contrast off: %q, want %q", got, want)
	}

	// A storage that throws must not break the controls.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`Storage.prototype.setItem = function () { throw new Error('quota') }; true`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Tap(`[data-size="m"]`)); err != nil {
		t.Fatal(err)
	}
	if got, want := state(), "js 16px 中"; got != want {
		t.Errorf("with throwing storage: %q, want %q", got, want)
	}
}

// TestBrowserNoJavaScript: without scripts the search form and the reader
// buttons are not shown (no dead controls) and the text is all there.
func TestBrowserNoJavaScript(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true, NoJavaScript: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitNotVisible(".site-search"), chromedp.WaitNotVisible(".reader-controls")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text("#p-1-2"))
	if err != nil || !strings.Contains(text, "減稅") {
		t.Errorf("paragraph text %q (err %v)", text, err)
	}
}

// TestBrowserSeedIndex loads the Traditional edition's index for the whole
// report (as the site would) and searches it in Simplified.
func TestBrowserSeedIndex(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	docs := seedDocs(t)
	for i := range docs {
		docs[i].URL = "page.html" + docs[i].URL
	}
	ix, err := Build(docs, Config{Fold: converter(t).FoldRune})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(strings.TrimPrefix(u, "file://"))
	if err := os.WriteFile(filepath.Join(dir, "search-index.js"), ix, 0o644); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range docs {
		if strings.Contains(d.Text, "著力") {
			want++
		}
	}
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	status, hrefs, marks := results(t, ctx, "着力")
	if status != fmt.Sprintf("找到 %d 处", want) || len(hrefs) != want || want == 0 {
		t.Errorf("着力 in the Traditional seed: %q, %q; want %d paragraphs", status, hrefs, want)
	}
	for _, m := range marks {
		for _, part := range strings.Split(m, "|") {
			if part != "著力" {
				t.Errorf("marks %q, want each 著力", m)
			}
		}
	}
}

// TestBrowserSubdirectoryPage: a page one level down uses the same index;
// result links resolve against the index file, not the page.
func TestBrowserSubdirectoryPage(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	dir := filepath.Dir(strings.TrimPrefix(u, "file://"))
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	sub := strings.NewReplacer(`src="`, `src="../`, `href="search.css"`, `href="../search.css"`, `data-index="`, `data-index="../`).Replace(string(page))
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "page.html"), []byte(sub), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.Join(dir, "sub", "page.html"))); err != nil {
		t.Fatal(err)
	}
	results(t, ctx, "减税")
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#search-results a').href`))
	if want := "file://" + filepath.Join(dir, "page.html") + "#p-1-1"; err != nil || href != want {
		t.Errorf("first result links to %q (err %v), want %q", href, err, want)
	}
}

// TestBrowserPinyinComposition: while an IME composes (the box holds
// "jianshui"), nothing is searched; the committed 减税 is.
func TestBrowserPinyinComposition(t *testing.T) {
	browsertest.Need(t)
	u := sitePage(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.Tap("#q")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "jianshui", SelectionStart: 8, SelectionEnd: 8}); err != nil {
		t.Fatal(err)
	}
	// Give a search of "jianshui" time to happen, were it going to (the
	// debounce is 120 ms). A slow machine can only make this pass wrongly,
	// never fail wrongly; the regression it guards was caught at 300 ms.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(function (r) { setTimeout(function () { r(true) }, 300) })`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('q').value + '|' + (document.getElementById('search-status').getAttribute('data-query') || '')`))
	if err != nil || got != "jianshui|" {
		t.Errorf("during composition: value|searched = %q (err %v), want \"jianshui|\"", got, err)
	}
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "减税"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('search-status').getAttribute('data-query') === '减税'`)); err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text("#search-status"))
	if err != nil || status != "找到 2 处" {
		t.Errorf("after commit: status %q (err %v), want 找到 2 处", status, err)
	}
}
