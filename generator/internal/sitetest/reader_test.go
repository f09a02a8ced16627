package sitetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
	"edition/generator/internal/validate"
)

// mode is one way a reader sets up the page: the system's colour scheme
// and the reader controls' choices (大 text, 高對比度).
type mode struct {
	name     string
	dark     bool
	size     string // "l", "m" or "s"
	contrast bool
}

var readerModes = []mode{
	{name: "light", size: "m"},
	{name: "dark", dark: true, size: "m"},
	{name: "high contrast, large", size: "l", contrast: true},
}

var viewports = []browsertest.Options{
	{Width: 360, Height: 740, Mobile: true},
	{Width: 1280, Height: 900},
}

// media emulates a media type ("screen", "print") and the colour scheme.
func media(typ string, dark bool) chromedp.Action[chromedp.Void] {
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: typ,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	})
}

// inMode opens a browser at vp with the reader's choices of m stored as
// reader.js stores them, so every page opens in that mode.
func inMode(t *testing.T, origin string, vp browsertest.Options, m mode) context.Context {
	t.Helper()
	if vp.Timeout == 0 {
		vp.Timeout = 90 * time.Second
	}
	ctx := browsertest.New(t, vp)
	c := "0"
	if m.contrast {
		c = "1"
	}
	err := chromedp.Do(ctx, media("screen", m.dark), chromedp.Navigate(origin+"/robots.txt"),
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('edition.size','`+m.size+`');localStorage.setItem('edition.contrast','`+c+`')`))
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

// layoutJS reports what does not fit: the page's width beyond the
// viewport, and every visible link or control outside it (the skip link
// waits off-screen for focus by design).
const layoutJS = `(function(){
var out=[], d=document.documentElement;
if (d.scrollWidth > innerWidth + 1) out.push('page is '+d.scrollWidth+' px wide in a '+innerWidth+' px viewport');
var q=document.querySelectorAll('a,button,input,select,summary');
for (var i=0;i<q.length;i++){var e=q[i];if(e.classList.contains('skip')||e.closest('.vh'))continue;
var r=e.getBoundingClientRect();if(!r.width||!r.height)continue;
if(r.left< -1||r.right>innerWidth+1)out.push('off-screen: '+e.outerHTML.slice(0,80)+' at x='+Math.round(r.left)+'..'+Math.round(r.right));}
return out;})()`

// TestReaderModes: in light, dark and high-contrast-with-大 modes, on a
// phone and on a desktop, every page of both editions has no axe-core
// violations (colour contrast included), is no wider than the screen and
// has no control pushed off it; with the reader panel open too.
func TestReaderModes(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: every page in three modes at two widths")
	}
	dir, out := built(t)
	srv := serve(t, dir)
	for _, vp := range viewports {
		for _, m := range readerModes {
			t.Run(fmt.Sprintf("%d %s", vp.Width, m.name), func(t *testing.T) {
				vp.Timeout = 600 * time.Second
				ctx := inMode(t, srv.URL, vp, m)
				for _, p := range pages(out) {
					// Embed pages have no reader controls; the light mode
					// of every page is TestAccessible's.
					if m.name == "light" || m.contrast && strings.Contains(p, "embed/") {
						continue
					}
					validate.Accessible(t, ctx, srv.URL+"/"+p)
					checkLayout(t, ctx, p)
				}
				for _, p := range []string{"", "zh-hant/part-2-1/"} {
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body"),
						chromedp.Evaluate[chromedp.Void](`document.querySelector('details.reader').open=true`)); err != nil {
						t.Fatal(err)
					}
					checkLayout(t, ctx, p+" with the reader panel open")
				}
			})
		}
	}
}

func checkLayout(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutJS))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, b := range bad {
		t.Errorf("%s: %s", name, b)
	}
}

// TestSearchDropWidth: on a 360 px phone the search results are at least
// 90 % of the screen wide, in each mode.
func TestSearchDropWidth(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, _ := built(t)
	srv := serve(t, dir)
	for _, m := range readerModes {
		t.Run(m.name, func(t *testing.T) {
			vp := viewports[0]
			ctx := inMode(t, srv.URL, vp, m)
			err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2-1/"), chromedp.Focus(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "煤炭"),
				chromedp.WaitVisible(chromedp.CSS(".search-results mark")))
			if err != nil {
				t.Fatal(err)
			}
			share, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('.search-results').getBoundingClientRect().width / innerWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if share < 0.9 {
				t.Errorf("the results are %.0f %% of the screen wide, want at least 90 %%", share*100)
			}
		})
	}
}

// printJS lists what print output still shows that a reader could
// operate: buttons, inputs, <summary> toggles, the search form and the
// reader panel.
const printJS = `(function(){var out=[];var q=document.querySelectorAll('button,input,select,textarea,summary,form,details.reader,.share,.toc-mini,.pin-menu');
for(var i=0;i<q.length;i++){var r=q[i].getBoundingClientRect();if(r.width>0&&r.height>0)out.push(q[i].outerHTML.slice(0,80));}return out;})()`

// TestPrintHasNoControls: printed (emulated print media), no page shows a
// control, and a page prints its own address and citation.
func TestPrintHasNoControls(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, out := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 1280, Height: 900, Timeout: 300 * time.Second})
	if err := chromedp.Do(ctx, media("print", false)); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages(out) {
		if strings.Contains(p, "embed/") {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](printJS))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range shown {
			t.Errorf("%s prints a control: %s", p, s)
		}
		if strings.HasSuffix(p, "404.html") {
			continue
		}
		cite, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.print-cite')||{}).innerText||''`))
		// Its canonical address with a base URL, else the one it is served at.
		if !strings.Contains(cite, "://") {
			t.Errorf("%s prints no address of its own: %q", p, cite)
		}
	}
}

// TestSearchResultLanding: a result names its section, links to the
// page's canonical address (no index.html) and the page it opens marks
// the searched word in the paragraph.
func TestSearchResultLanding(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, _ := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-1/"), chromedp.Focus(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "保交楼"),
		chromedp.WaitVisible(chromedp.CSS(".search-results .search-title")))
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for i := 0; i < 50; i++ {
		first, _ = chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function(){var a=document.querySelector('.search-results a');return [a.getAttribute('href'), a.querySelector('.search-title').textContent, a.querySelector('mark').textContent]})()`))
		if len(first) == 3 && first[2] == "保交楼" {
			break
		}
		chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
	}
	if len(first) != 3 || strings.Contains(first[0], "index.html") || first[1] == "" {
		t.Fatalf("first result = %q, want a canonical link and its section's title", first)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('.search-results a').click(), true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("p:target mark.search-hit"))); err != nil {
		t.Fatal(err)
	}
	got, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("p:target mark.search-hit")))
	if got != "保交楼" {
		t.Errorf("the landing paragraph marks %q, want 保交楼", got)
	}
}

// TestCiteParagraph: the ¶ mark opens 引用本段 with the paragraph's link
// and a GB/T 7714 citation naming the edition's version and date.
func TestCiteParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, _ := built(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/zh-hant/part-2-1/"), chromedp.WaitVisible(chromedp.CSS("#p2-1-2 .pin")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#p2-1-2 .pin').click()`),
		chromedp.WaitVisible(chromedp.CSS(".pin-menu"))); err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".pin-menu")))
	for _, want := range []string{"引用本段", srv.URL + "/zh-hant/part-2-1/#p2-1-2", "朔州市人民政府. 朔州市2024年政府工作報告：二（一）¶2[EB/OL]. 注釋版，第1.1版. (2026-11-30)"} {
		if !strings.Contains(text, want) {
			t.Errorf("引用本段 reads %q, want %q in it", text, want)
		}
	}
}
