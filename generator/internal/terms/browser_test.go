package terms

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"edition/generator/internal/browsertest"
)

// fixture builds a section-like page from testdata/browser-report.txt:
// three paragraphs with five links (adjacent terms, a term used twice in
// one paragraph), the section's endnotes from the partial, and notes.css
// and notes.js inlined.
func fixture(t testing.TB) string {
	t.Helper()
	r := readFixtureReport(t)
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	md := newMarkdown(Config{Anchors: anchors})
	_, all := convert(t, md, markdown(ps))
	var mine []para
	for _, p := range ps {
		switch p.ID {
		case "p2-1-2", "p2-2-1", "p2-2-2":
			mine = append(mine, p)
		}
	}
	body, page := convert(t, md, markdown(mine))
	on := map[string]bool{}
	for _, p := range mine {
		on[p.ID] = true
	}
	views := Views(r.Notes, anchors, all, func(id string) (string, string) {
		if on[id] {
			return "#" + id, "¶" + id
		}
		return "other.html#" + id, "¶" + id
	})
	var notes bytes.Buffer
	if err := loadPartials(t).ExecuteTemplate(&notes, "endnotes", Used(views, page)); err != nil {
		t.Fatal(err)
	}
	// The site's own base styles (its colours, .vh) and the notes'.
	base, err := os.ReadFile("../../../static/css/00-base.css")
	if err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile("../../../static/css/notes.css")
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile("../../../static/js/notes.js")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>二（二）</title>
<style>%s
%s</style></head><body><main class="wrap"><article class="report"><h1>（二）以防范化解風險為重點</h1>
%s
%s</article></main><script>%s</script></body></html>`, base, css, body, notes.String(), template.JS(js))
}

func serve(t testing.TB) string {
	page := fixture(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// center returns the middle of the first line box of the element sel.
func center(t *testing.T, ctx context.Context, sel string) (float64, float64) {
	t.Helper()
	xy := eval[[]float64](t, ctx, fmt.Sprintf(`(function(){var e=document.querySelector(%q);e.scrollIntoView({block:"center"});
var r=e.getClientRects()[0];return [r.left+r.width/2,r.top+r.height/2]})()`, sel))
	return xy[0], xy[1]
}

func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("TERMS_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

const term1 = `a.term[data-note="1"]` // “揭榜掛帥”, next to “包干制” (2)

// TestTouchSheet: at 360 px with touch, a tap opens a bottom sheet that
// names the term; Escape, the close button and a tap outside close it and
// focus returns to the term.
func TestTouchSheet(t *testing.T) {
	browsertest.Need(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	run(t, ctx, chromedp.Navigate(serve(t)), chromedp.WaitReady("body"))
	if eval[bool](t, ctx, `matchMedia("(hover: hover)").matches`) {
		t.Fatal("touch emulation still reports (hover: hover)")
	}
	open := func() {
		x, y := center(t, ctx, term1)
		run(t, ctx, chromedp.TapXY(x, y))
		waitFor(t, ctx, present(".term-sheet"))
	}
	open()
	for js, want := range map[string]string{
		`document.querySelector(".term-sheet").getAttribute("aria-label")`:       "注釋1：“揭榜掛帥”制度",
		`document.querySelector(".term-sheet").getAttribute("aria-modal")`:       "true",
		`document.querySelector(".term-sheet dfn").textContent`:                  "“揭榜掛帥”制度",
		`document.activeElement.className`:                                       "term-sheet",
		`location.hash`:                                                          "",
		`document.querySelector(".term-sheet [id]") === null ? "no ids" : "ids"`: "no ids",
	} {
		if got := eval[string](t, ctx, js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	// Nothing was put into the sentence.
	if got := eval[string](t, ctx, `document.getElementById("p2-1-2").textContent.indexOf("也稱科技懸賞制") < 0 ? "clean" : "inline"`); got != "clean" {
		t.Error("the note's text appeared inside the paragraph")
	}
	shot(t, ctx, "sheet-360.png")
	// Tab stays inside the modal sheet.
	for i := 0; i < 4; i++ {
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
		if !eval[bool](t, ctx, `document.querySelector(".term-sheet").contains(document.activeElement)`) {
			t.Fatalf("Tab %d left the sheet for %s", i+1, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 60)`))
		}
	}
	focusedTerm := `document.activeElement.getAttribute("data-note")`
	run(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, absent(".term-sheet"))
	if got := eval[string](t, ctx, focusedTerm); got != "1" {
		t.Errorf("after Escape focus is on note %q, want the term (1)", got)
	}
	open()
	x, y := center(t, ctx, ".term-close")
	run(t, ctx, chromedp.TapXY(x, y))
	waitFor(t, ctx, absent(".term-sheet"))
	if got := eval[string](t, ctx, focusedTerm); got != "1" {
		t.Errorf("after 關閉 focus is on note %q, want the term (1)", got)
	}
	open()
	run(t, ctx, chromedp.TapXY(180, 20))
	waitFor(t, ctx, absent(".term-sheet")+" && "+absent(".term-backdrop"))
	// The adjacent term is its own link with its own note.
	x, y = center(t, ctx, `a.term[data-note="2"]`)
	run(t, ctx, chromedp.TapXY(x, y))
	waitFor(t, ctx, present(".term-sheet"))
	if got := eval[string](t, ctx, `document.querySelector(".term-sheet dfn").textContent`); got != "“包干制”" {
		t.Errorf("tapping “包干制” shows %q", got)
	}
	// A back-link in the sheet closes it and lands on the paragraph.
	x, y = center(t, ctx, `.term-sheet a[href="#p2-1-2"]`)
	run(t, ctx, chromedp.TapXY(x, y))
	waitFor(t, ctx, absent(".term-sheet"))
	landed(t, ctx, "p2-1-2")
}

// TestHoverPopover: at 1280 px, hovering a term shows a popover anchored
// to it; it stays while the pointer moves into it, Escape closes it, and
// Enter opens it from the keyboard with focus inside and back on close.
func TestHoverPopover(t *testing.T) {
	browsertest.Need(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 1280, Height: 800})
	run(t, ctx, chromedp.Navigate(serve(t)), chromedp.WaitReady("body"))
	x, y := center(t, ctx, term1)
	run(t, ctx, chromedp.MouseEvent("mouseMoved", x, y))
	waitFor(t, ctx, present(".term-pop"))
	if got := eval[string](t, ctx, `document.querySelector(".term-pop dfn").textContent`); got != "“揭榜掛帥”制度" {
		t.Errorf("popover names %q", got)
	}
	// Anchored: just below the term's line, starting at the term.
	pos := eval[[]float64](t, ctx, `(function(){var p=document.querySelector(".term-pop").getBoundingClientRect(),
r=document.querySelector('`+term1+`').getClientRects();r=r[r.length-1];return [p.top-r.bottom,p.left-r.left]})()`)
	if pos[0] < 0 || pos[0] > 12 || pos[1] > 1 {
		t.Errorf("popover at %v from the term's last line box, want just below it", pos)
	}
	shot(t, ctx, "popover-1280.png")
	// Into the popover: it stays (its hide delay is 300 ms).
	px, py := center(t, ctx, ".term-pop .term-body")
	run(t, ctx, chromedp.MouseEvent("mouseMoved", x, y+10), chromedp.MouseEvent("mouseMoved", px, py))
	time.Sleep(700 * time.Millisecond)
	if eval[int](t, ctx, `document.querySelectorAll(".term-pop").length`) != 1 {
		t.Fatal("the popover closed while the pointer was over it")
	}
	run(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, absent(".term-pop"))
	// Leaving the term hides it.
	x, y = center(t, ctx, term1)
	run(t, ctx, chromedp.MouseEvent("mouseMoved", 5, 5), chromedp.MouseEvent("mouseMoved", x, y))
	waitFor(t, ctx, present(".term-pop"))
	run(t, ctx, chromedp.MouseEvent("mouseMoved", 5, 5))
	waitFor(t, ctx, absent(".term-pop"))
	// Keyboard: Enter opens it with focus inside; Escape returns focus.
	run(t, ctx, chromedp.Focus(term1), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, present(".term-pop"))
	if got := eval[string](t, ctx, `document.activeElement.className`); !strings.HasPrefix(got, "term-pop") {
		t.Errorf("after Enter focus is on %q, want the popover", got)
	}
	if got := eval[string](t, ctx, `location.hash`); got != "" {
		t.Errorf("Enter followed the link to %q instead of opening the note", got)
	}
	run(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, absent(".term-pop"))
	if got := eval[string](t, ctx, `document.activeElement.getAttribute("data-note")`); got != "1" {
		t.Errorf("after Escape focus is on note %q, want the term (1)", got)
	}
	// A back-link in the endnotes lands on and highlights its paragraph.
	x, y = center(t, ctx, `#n3 a[href="#p2-2-2"]`)
	run(t, ctx, chromedp.MouseClickXY(x, y))
	landed(t, ctx, "p2-2-2")
	shot(t, ctx, "backlink-1280.png")
}

// TestNoScript: without JavaScript a term is a link to the page's note and
// the note's back-link returns to the paragraph.
func TestNoScript(t *testing.T) {
	browsertest.Need(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true, NoJavaScript: true})
	run(t, ctx, chromedp.Navigate(serve(t)), chromedp.WaitReady("body"))
	tap(t, ctx, term1)
	landed(t, ctx, "n1")
	tap(t, ctx, `#n1 a[role="doc-backlink"][href="#p2-1-2"]`)
	landed(t, ctx, "p2-1-2")
}

// landed waits until the page's :target is the element id.
func landed(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`location.hash === "#%s" && document.querySelector(":target") !== null && document.querySelector(":target").id === %q`, id, id))
}

func tap(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	x, y := center(t, ctx, sel)
	run(t, ctx, chromedp.TapXY(x, y))
}

func present(sel string) string { return fmt.Sprintf("document.querySelector(%q) !== null", sel) }
func absent(sel string) string  { return fmt.Sprintf("document.querySelector(%q) === null", sel) }

// waitFor evaluates the condition js until it holds, for up to 10 s.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if eval[bool](t, ctx, js) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("still not true after 10 s: %s (hash %q, active %q)", js, eval[string](t, ctx, "location.hash"),
		eval[string](t, ctx, "document.activeElement.outerHTML.slice(0, 80)"))
}

// TestPrint: printed, the notes are numbered endnotes with their citations,
// the terms carry [n] and no popover or snippet is shown.
func TestPrint(t *testing.T) {
	browsertest.Need(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 800, Height: 1100})
	run(t, ctx, chromedp.Navigate(serve(t)), chromedp.WaitReady("body"),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
	for js, want := range map[string]string{
		`getComputedStyle(document.querySelector('a.term'), '::after').content`:    "\"\u2060[1]\"",
		`getComputedStyle(document.querySelector('.uses .snippet')).display`:       "none",
		`getComputedStyle(document.querySelector('.endnotes > ol')).listStyleType`: "decimal",
		`document.querySelector('.endnotes li').value + ""`:                        "1",
	} {
		if got := eval[string](t, ctx, js); got != want {
			t.Errorf("print: %s = %q, want %q", js, got, want)
		}
	}
	eval[bool](t, ctx, `document.querySelector('.endnotes').scrollIntoView(); true`)
	shot(t, ctx, "print-800.png")
}

// TestNoteListPage: the notes page as a browser shows it; the text of its
// data-seed elements is the report's notes line by line.
func TestNoteListPage(t *testing.T) {
	browsertest.Need(t)
	r := readFixtureReport(t)
	views, _ := browserViews(t)
	list := execute(t, "notelist", views)
	css, err := os.ReadFile("../../../static/css/notes.css")
	if err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf(`<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><style>:root{--fg:#1f1f1f;--bg:#fff;--muted:#6b6b6b;--accent:#1a5fb4;--rule:#d8d8d8;--mark:#fff1a8}
body{font-family:system-ui,"Noto Sans CJK TC",sans-serif;max-width:38em;margin:0 auto;padding:1em;line-height:1.9}%s</style></head>
<body><h1>《政府工作報告》相關注釋</h1>%s</body></html>`, css, list)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 900, Mobile: true})
	run(t, ctx, chromedp.Navigate(srv.URL), chromedp.WaitReady("body"))
	got := eval[[]string](t, ctx, `(function(){
function text(n){if(n.nodeType===3)return n.data;if(n.nodeType!==1||n.hasAttribute("data-ed"))return "";var s="";for(var c=n.firstChild;c;c=c.nextSibling)s+=text(c);return s}
var out=[],ps=document.querySelectorAll("[data-seed]");for(var i=0;i<ps.length;i++)out.push(text(ps[i]));return out})()`)
	var want []string
	for _, n := range r.Notes {
		want = append(want, n.Lines()...)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("data-seed text differs from the report's notes:\n got %q\nwant %q", got, want)
	}
	shot(t, ctx, "notelist-360.png")
}

// browserViews are the note views of testdata/browser-report.txt.
func browserViews(t testing.TB) ([]NoteView, []Use) {
	r := readFixtureReport(t)
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	_, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	return Views(r.Notes, anchors, uses, where), uses
}
