// Package sitetest holds the acceptance tests of the built edition as a
// reader meets it: valid HTML, accessibility, reading without JavaScript,
// the script switch, search across scripts, no requests to other origins,
// and the size budget. The site is rendered from the repository's own
// sources into a temporary directory and served over loopback.
package sitetest

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
	"edition/generator/internal/site"
	"edition/generator/internal/validate"
)

// builds renders the repository's edition at most once per base URL
// for all tests in this package, each into a directory of its own.
type builds struct {
	once sync.Once
	dir  string
	out  site.Output
	err  error
}

var (
	plain builds // as committed: no base URL
	based builds // as published at testBase
)

// testBase is the address builtBased publishes at: the committed edition
// sets none, and the press images' QR codes and og:image need one.
const testBase = "https://edition.example.org/"

func (b *builds) get(t *testing.T, base string) (string, site.Output) {
	t.Helper()
	b.once.Do(func() {
		src := site.DirSources("../../../content", "../../../templates", "../../../static")
		src.BaseURL = base
		if b.out, b.err = site.Render(src); b.err != nil {
			return
		}
		if b.dir, b.err = os.MkdirTemp("", "edition-site-"); b.err == nil {
			b.err = site.Write(b.out, filepath.Join(b.dir, "public"))
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return filepath.Join(b.dir, "public"), b.out
}

// built renders the repository's edition as committed.
func built(t *testing.T) (string, site.Output) { t.Helper(); return plain.get(t, "") }

// builtBased renders the repository's edition as published at testBase.
func builtBased(t *testing.T) (string, site.Output) { t.Helper(); return based.get(t, testBase) }

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{plain.dir, based.dir} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

func serve(t *testing.T, dir string) *httptest.Server {
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv
}

func pages(out site.Output) []string {
	var ps []string
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".html") {
			ps = append(ps, n)
		}
	}
	return ps
}

// TestHTMLIsValid: every page of both editions passes the Nu HTML Checker.
func TestHTMLIsValid(t *testing.T) {
	validate.NeedHTMLChecker(t)
	dir, _ := built(t)
	validate.HTML(t, dir)
}

// TestAccessible: every page of both editions has no axe-core violations,
// on a phone and on a desktop.
func TestAccessible(t *testing.T) {
	validate.NeedAxe(t)
	dir, out := built(t)
	srv := serve(t, dir)
	for _, vp := range []browsertest.Options{{Width: 360, Height: 740, Mobile: true}, {Width: 1280, Height: 900}} {
		ctx := browsertest.New(t, browsertest.Options{Width: vp.Width, Height: vp.Height, Mobile: vp.Mobile, Timeout: 240e9})
		for _, p := range pages(out) {
			validate.Accessible(t, ctx, srv.URL+"/"+p)
		}
	}
}

// TestSizeBudget: a section page's HTML (with its first-screen CSS
// inline), the late CSS and the JS together stay under 40 KB gzipped, so
// it loads quickly on a cheap phone.
func TestSizeBudget(t *testing.T) {
	_, out := built(t)
	var css, js []byte
	for _, n := range out.Names() {
		switch {
		case strings.HasPrefix(n, "assets/late-") && strings.HasSuffix(n, ".css"):
			css = out[n]
		case strings.HasPrefix(n, "assets/") && strings.HasSuffix(n, ".js"):
			js = out[n]
		}
	}
	gz := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		return buf.Len()
	}
	for _, n := range pages(out) {
		if !strings.Contains(n, "part-") {
			continue
		}
		total := gz(out[n]) + gz(css) + gz(js)
		if total > 40*1024 {
			t.Errorf("%s: %d bytes gzipped with CSS and JS, over the 40 KB budget", n, total)
		}
	}
}

// sameOrigin records every request a page makes and fails on any that
// leaves the site's own origin.
func sameOrigin(t *testing.T, ctx context.Context, origin string) func() {
	var mu sync.Mutex
	var bad []string
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u := e.Request.URL
			if !strings.HasPrefix(u, origin) && !strings.HasPrefix(u, "data:") {
				mu.Lock()
				bad = append(bad, u)
				mu.Unlock()
			}
		}
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		for _, u := range bad {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

// TestNoOtherOrigins: no page asks anything of another origin, with
// scripts on and the search index loaded.
func TestNoOtherOrigins(t *testing.T) {
	browsertest.Need(t)
	dir, out := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true, Timeout: 120e9})
	done := sameOrigin(t, ctx, srv.URL)
	for _, p := range pages(out) {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2-1/"), chromedp.Focus(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "减税"),
		chromedp.WaitVisible(chromedp.CSS(".search-results mark"))); err != nil {
		t.Fatal(err)
	}
	done()
}

// TestReadWithoutJavaScript: with scripts off a reader gets from the
// contents to a section and reads it; the enhancements stay hidden.
func TestReadWithoutJavaScript(t *testing.T) {
	browsertest.Need(t)
	dir, _ := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true, NoJavaScript: true})
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.CSS(`.toc a[href="part-2-1/"]`)), chromedp.WaitVisible(chromedp.CSS("#p2-1-1")))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#p2-1-1")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, "改造提升能源产业。") {
		t.Errorf("section text = %.40q…, want the Simplified 改造提升能源产业。", text)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('.site-search')).display === 'none'`))
	if err != nil || !hidden {
		t.Errorf("search form visible without JavaScript (err %v): a dead control", err)
	}
	// A term is a plain link to its note at the end of the page, and the
	// note links back to where the term is used.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a.term[data-note="8"]`)), chromedp.WaitVisible(chromedp.CSS("li#n8:target"))); err != nil {
		t.Fatal(err)
	}
	note, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("li#n8")))
	if !strings.Contains(note, "煤电机组“三改联动”") || !strings.Contains(note, "节能降耗改造") {
		t.Errorf("note 8 reads %.60q…, want the note on 煤电机组“三改联动”", note)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('li#n8 a[role="doc-backlink"][href="#p2-1-1"]').click(), true`)); err != nil {
		t.Fatal(err)
	}
	var at string
	for i := 0; i < 50 && at != "#p2-1-1"; i++ {
		at, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
		chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
	}
	if at != "#p2-1-1" {
		t.Errorf("the note's back-link leads to %q, want #p2-1-1", at)
	}
}

// TestSwitchKeepsParagraph: 繁體 on a Simplified page opens the same
// paragraph in the Traditional edition, and back.
func TestSwitchKeepsParagraph(t *testing.T) {
	browsertest.Need(t)
	dir, _ := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2-1/"), chromedp.WaitVisible(chromedp.CSS("#p2-1-3"))); err != nil {
		t.Fatal(err)
	}
	// The reader has scrolled to the third paragraph.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('p2-1-3').scrollIntoView(), true`)); err != nil {
		t.Fatal(err)
	}
	// A tap on the switch, where the reader is: chromedp's Click would
	// scroll the page to the switch first.
	click := func(sel string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('`+sel+`').click(), true`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#p2-1-3"))); err != nil {
			t.Fatal(err)
		}
	}
	click(`a.switch[hreflang="zh-Hant"]`)
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.hash`))
	if loc != "/zh-hant/part-2-1/#p2-1-3" {
		t.Errorf("after the switch the reader is at %s, want /zh-hant/part-2-1/#p2-1-3", loc)
	}
	lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if lang != "zh-Hant" {
		t.Errorf("lang = %q, want zh-Hant", lang)
	}
	click(`a.switch[hreflang="zh-Hans"]`)
	loc, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.hash`))
	if loc != "/part-2-1/#p2-1-3" {
		t.Errorf("switching back lands at %s, want /part-2-1/#p2-1-3", loc)
	}
}

// TestSearchAcrossScripts: in each edition, 减税 and 減稅 both find the
// paragraph that says 減稅降費, and the result links to it.
func TestSearchAcrossScripts(t *testing.T) {
	browsertest.Need(t)
	dir, _ := built(t)
	srv := serve(t, dir)
	for _, c := range []struct{ page, query, want string }{
		{"/part-1/", "减税", "减税"},
		{"/part-1/", "減稅", "减税"},
		{"/zh-hant/part-1/", "减税", "減稅"},
		{"/zh-hant/part-1/", "減稅", "減稅"},
	} {
		t.Run(c.page+c.query, func(t *testing.T) {
			ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
			err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.page), chromedp.Focus(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), c.query),
				chromedp.WaitVisible(chromedp.CSS(".search-results mark")))
			if err != nil {
				t.Fatal(err)
			}
			// Results update as each character is typed; wait for the last.
			var mark string
			for i := 0; i < 50 && mark != c.want; i++ {
				mark, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".search-results mark")))
				if mark != c.want {
					chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
				}
			}
			if mark != c.want {
				t.Errorf("first highlighted match = %q, want %q", mark, c.want)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('.search-results a').click(), true`)); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("p:target"))); err != nil {
				t.Fatal(err)
			}
			txt, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("p:target")))
			if !strings.Contains(txt, c.want) {
				t.Errorf("the result led to a paragraph without %q: %.40q…", c.want, txt)
			}
		})
	}
}

// TestTermInPlace: on the real site, a tapped term opens a sheet naming
// it (360 px, touch) and a clicked term a popover (1280 px); Escape closes
// either and gives focus back to the term; a use in the note leads back to
// its paragraph.
func TestTermInPlace(t *testing.T) {
	browsertest.Need(t)
	dir, _ := built(t)
	srv := serve(t, dir)
	for _, c := range []struct {
		name string
		opt  browsertest.Options
		box  string
	}{
		{"phone", browsertest.Options{Width: 360, Height: 740, Mobile: true}, ".term-sheet"},
		{"desktop", browsertest.Options{Width: 1280, Height: 900}, ".term-pop"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := browsertest.New(t, c.opt)
			term := `a.term[data-note="5"]`
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/zh-hant/part-2-2/"), chromedp.WaitVisible(chromedp.CSS(term))); err != nil {
				t.Fatal(err)
			}
			if c.opt.Mobile {
				// A real tap (touch events), which gets the sheet, on the
				// term's first line box (a term may wrap).
				xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(function(){var e=document.querySelector('`+term+`');e.scrollIntoView({block:'center'});var r=e.getClientRects()[0];return [r.left+r.width/2, r.top+r.height/2]})()`))
				if err != nil || len(xy) != 2 {
					t.Fatalf("term position: %v %v", xy, err)
				}
				if err := chromedp.Do(ctx, chromedp.TapXY(xy[0], xy[1])); err != nil {
					t.Fatal(err)
				}
			} else if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(term))); err != nil {
				t.Fatal(err)
			}
			var text string
			for i := 0; i < 30 && !strings.Contains(text, "四全工作法"); i++ {
				text, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('`+c.box+`')||{}).textContent||''`))
				if text == "" {
					chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
				}
			}
			if !strings.Contains(text, "四全工作法") || !strings.Contains(text, "全周期發力") {
				t.Fatalf("%s after the tap: %q, want the note on 四全工作法", c.box, text)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b")); err != nil { // Escape
				t.Fatal(err)
			}
			var gone, focused bool
			for i := 0; i < 30 && !(gone && focused); i++ {
				gone, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector('`+c.box+`')`))
				focused, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector('`+term+`')`))
				chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
			}
			if !gone || !focused {
				t.Errorf("after Escape: box closed %v, focus back on the term %v", gone, focused)
			}
		})
	}
	// On a phone, the back button closes the sheet and stays on the page.
	t.Run("back button", func(t *testing.T) {
		ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
		term := `a.term[data-note="5"]`
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2-2/"), chromedp.WaitVisible(chromedp.CSS(term))); err != nil {
			t.Fatal(err)
		}
		xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(function(){var e=document.querySelector('`+term+`');e.scrollIntoView({block:'center'});var r=e.getClientRects()[0];return [r.left+r.width/2, r.top+r.height/2]})()`))
		if err != nil || len(xy) != 2 {
			t.Fatalf("term position: %v %v", xy, err)
		}
		if err := chromedp.Do(ctx, chromedp.TapXY(xy[0], xy[1])); err != nil {
			t.Fatal(err)
		}
		var open bool
		for i := 0; i < 40 && !open; i++ {
			open, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('.term-sheet')`))
			chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
		}
		if !open {
			t.Fatal("the tap opened no sheet")
		}
		if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
			t.Fatal(err)
		}
		var gone bool
		for i := 0; i < 40 && !gone; i++ {
			gone, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector('.term-sheet')`))
			chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond))
		}
		path, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		if !gone || path != "/part-2-2/" {
			t.Errorf("after the back button: sheet closed %v, page %s (want the sheet closed on /part-2-2/)", gone, path)
		}
	})
	// Back-link from the notes page to the paragraph that uses the term.
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/zh-hant/notes/#n5"), chromedp.WaitVisible(chromedp.CSS("#n5"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#n5 a[role=doc-backlink]').click(), true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("p:target"))); err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.hash`))
	if loc != "/zh-hant/part-2-2/#p2-2-2" {
		t.Errorf("the back-link of note 5 leads to %s, want /zh-hant/part-2-2/#p2-2-2", loc)
	}
}

// TestSimplifiedQuotes: the Simplified pages and data quote as mainland
// text does (GB/T 15834), “ ” and ‘ ’, though the templates, the Go code
// and the editors' notes write 「 」 (ui.tsv maps them); and they say 打印,
// not Taiwan's 列印. The seed itself has no 「 」.
func TestSimplifiedQuotes(t *testing.T) {
	_, out := built(t)
	n := 0
	for name, b := range out {
		if strings.HasPrefix(name, "zh-hant/") || !(strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".svg")) {
			continue
		}
		n++
		for _, bad := range []string{"「", "」", "『", "』", "列印"} {
			if i := strings.Index(string(b), bad); i >= 0 {
				t.Errorf("%s has %s: …%s…", name, bad, string(b[max(0, i-30):min(len(b), i+30)]))
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d Simplified pages and data files checked", n)
	}
}

// TestCorrectionsPage: the page says what check says: 17 repairs, the
// restored title and 689 marks made full-width, in both editions.
func TestCorrectionsPage(t *testing.T) {
	_, out := built(t)
	for _, c := range []struct{ file, want string }{
		{"zh-hant/corrections/index.html", "壞了的17處文字和丟失的1行標題"},
		{"zh-hant/corrections/index.html", "有689處"},
		{"corrections/index.html", "坏了的17处文字和丢失的1行标题"},
		{"corrections/index.html", "有689处"},
	} {
		if !strings.Contains(string(out[c.file]), c.want) {
			t.Errorf("%s does not say %q", c.file, c.want)
		}
	}
	// The seed's conversion errors are corrected in the Traditional text
	// only, and listed on its 勘誤 page as their own class.
	for _, c := range []struct{ file, want string }{
		{"zh-hant/corrections/index.html", `<td><del translate="no">先立后破</del></td><td><ins>先立後破</ins></td>`},
		{"zh-hant/corrections/index.html", `<td><del translate="no">并網</del></td><td><ins>併網</ins></td>`},
		{"zh-hant/part-2/index.html", "先立後破"},
		{"part-2/index.html", "先立后破"},
		{"corrections/index.html", `#conversion" hreflang="zh-Hant">繁體版勘误页</a>`},
		// The Simplified page names the Traditional forms it explains; the
		// conversion of its template text must not make them Simplified
		// ("简体的「后」在繁体中多写作「后」" said nothing).
		{"corrections/index.html", `简体的“后”在繁体中多写作“<span lang="zh-Hant">後</span>”，“并”多写作“<span lang="zh-Hant">並</span>”或“<span lang="zh-Hant">併</span>”`},
		{"zh-hant/corrections/index.html", `簡體的「后」在繁體中多寫作「<span lang="zh-Hant">後</span>」`},
	} {
		if !strings.Contains(string(out[c.file]), c.want) {
			t.Errorf("%s does not say %s", c.file, c.want)
		}
	}
	if n := strings.Count(string(out["zh-hant/corrections/index.html"]), `<li id="fix-`); n != 18 {
		t.Errorf("the corrections page lists %d corrections, want 18 (17 repairs and the title)", n)
	}
}
