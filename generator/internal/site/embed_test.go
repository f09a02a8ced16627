package site

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

var (
	repoOnce sync.Once
	repoOut  Output
	repoErr  error
)

// repoSite renders the fixture edition (testdata/edition) once for these
// tests.
func repoSite(t *testing.T) Output {
	t.Helper()
	repoOnce.Do(func() {
		// Embeds need the site's address (build -base-url), as the
		// fixture's site.yaml gives it.
		src := DirSources("testdata/edition", "../../../templates", "../../../static")
		src.BaseURL = "https://edition.example.org/"
		repoOut, repoErr = Render(src)
	})
	if repoErr != nil {
		t.Fatal(repoErr)
	}
	return repoOut
}

var reShareCode = regexp.MustCompile(`(?s)<div class="code share-code">(.*?)</pre>`)

// snippet is the embed code shown on page for the embed at src.
func snippet(t *testing.T, out Output, page, src string) string {
	t.Helper()
	for _, m := range reShareCode.FindAllStringSubmatch(string(out[page]), -1) {
		code := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], ""))
		if strings.Contains(code, `src="`+src+`"`) {
			return code
		}
	}
	t.Fatalf("%s: no snippet for %s", page, src)
	return ""
}

// frameEval evaluates expr in an isolated world of the child frame whose
// URL has the suffix path, and decodes its JSON result into v.
func frameEval(ctx context.Context, path, expr string, v any) error {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return err
	}
	var id cdp.FrameID
	for _, c := range tree.FrameTree.ChildFrames {
		if strings.HasSuffix(strings.SplitN(c.Frame.URL, "#", 2)[0], path) {
			id = c.Frame.ID
		}
	}
	if id == "" {
		return fmt.Errorf("no frame %s yet", path)
	}
	w, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id, WorldName: "test"})
	if err != nil {
		return err
	}
	yes := true
	r, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: "JSON.stringify(" + expr + ")", ContextID: w.ExecutionContextID, ReturnByValue: &yes})
	if err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return fmt.Errorf("%s: %s", expr, r.ExceptionDetails.Text)
	}
	var s string
	if err := json.Unmarshal(r.Result.Value, &s); err != nil {
		return err
	}
	return json.Unmarshal([]byte(s), v)
}

// frameState is what the test reads inside an embed and of its iframe.
type frameState struct {
	Content, Scroll, Client, ScrollW, ClientW int
}

const frameExpr = `{Content: Math.ceil(document.getElementById('embed-root').getBoundingClientRect().bottom + pageYOffset),
  Scroll: document.documentElement.scrollHeight, Client: document.documentElement.clientHeight,
  ScrollW: document.documentElement.scrollWidth, ClientW: document.documentElement.clientWidth}`

// fitted waits until the embed at path has no scroll bar and its frame is
// its content's height, and returns its state.
func fitted(t *testing.T, ctx context.Context, path string) frameState {
	t.Helper()
	var st frameState
	var err error
	for {
		err = frameEval(ctx, path, frameExpr, &st)
		if err == nil && st.Content > 0 && st.Scroll <= st.Client && abs(st.Client-st.Content) <= 1 {
			return st
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: the frame never fitted its content: last %+v, %v", path, st, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestEmbedsResize: a host page on another origin embeds two sections
// and a chart with the snippets shown on the site. At a 320 px and a
// 1280 px host each frame takes its content's height with no scroll bar,
// never a neighbour's; opening a note inside a frame grows that frame.
func TestEmbedsResize(t *testing.T) {
	browsertest.Need(t)
	out := repoSite(t)
	dir := t.TempDir()
	if err := Write(out, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer site.Close()
	const base = "https://edition.example.org/"
	embeds := []struct{ page, path string }{
		{"part-2/index.html", "embed/part-2/"},
		{"zh-hant/part-1/index.html", "zh-hant/embed/part-1/"},
		{"part-2/index.html", "embed/chart/main-targets/"},
	}
	var body strings.Builder
	initial := map[string]int{}
	for _, e := range embeds {
		code := snippet(t, out, e.page, base+e.path)
		if m := regexp.MustCompile(`height="(\d+)"`).FindStringSubmatch(code); m != nil {
			var h int
			fmt.Sscan(m[1], &h)
			initial[e.path] = h
		}
		body.WriteString("<p>Host text before the embed.</p>\n" + strings.ReplaceAll(code, base, site.URL+"/") + "\n")
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html lang=en><head><meta name=viewport content=\"width=device-width\"><title>host</title></head><body style=\"margin:0 8px\">%s</body></html>", body.String())
	}))
	defer host.Close()

	for _, vp := range []browsertest.Options{{Width: 320, Height: 700, Mobile: true}, {Width: 1280, Height: 900}} {
		t.Run(fmt.Sprint(vp.Width), func(t *testing.T) {
			ctx := browsertest.New(t, browsertest.Options{Width: vp.Width, Height: vp.Height, Mobile: vp.Mobile, Timeout: 40 * time.Second})
			if err := chromedp.Do(ctx, chromedp.Navigate(host.URL+"/"), chromedp.WaitReady("iframe")); err != nil {
				t.Fatal(err)
			}
			for i, e := range embeds {
				// Lazy frames load near the viewport.
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelectorAll('iframe')[%d].scrollIntoView(), true`, i))); err != nil {
					t.Fatal(err)
				}
				st := fitted(t, ctx, e.path)
				if st.ScrollW > st.ClientW {
					t.Errorf("%s: %d px wide content in a %d px frame", e.path, st.ScrollW, st.ClientW)
				}
				t.Logf("%s at %d px: content %d px, snippet's initial height %d px (%+.0f%%)", e.path, vp.Width, st.Content, initial[e.path],
					100*float64(initial[e.path]-st.Content)/float64(st.Content))
			}
			// Every frame at its own height, none at another's.
			hs, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[].map.call(document.querySelectorAll('iframe'), function (f) { return Math.round(f.getBoundingClientRect().height) })`))
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range embeds {
				var st frameState
				if err := frameEval(ctx, e.path, frameExpr, &st); err != nil {
					t.Fatal(err)
				}
				if abs(hs[i]-st.Content) > 1 {
					t.Errorf("%s: frame %d px high, its content %d px", e.path, hs[i], st.Content)
				}
			}
			// A note opened in the first section grows its frame only.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('iframe').scrollIntoView(), true`)); err != nil {
				t.Fatal(err)
			}
			var opened bool
			if err := frameEval(ctx, embeds[0].path, `(document.querySelector('a.term').click(), !!document.querySelector('.term-inline'))`, &opened); err != nil || !opened {
				t.Fatalf("clicking a term opened no note (err %v)", err)
			}
			after := fitted(t, ctx, embeds[0].path)
			if after.Content <= hs[0] {
				t.Errorf("with a note open the section is %d px, before %d px: the frame did not grow", after.Content, hs[0])
			}
			hs2, _ := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[].map.call(document.querySelectorAll('iframe'), function (f) { return Math.round(f.getBoundingClientRect().height) })`))
			if len(hs2) == 3 && (hs2[1] != hs[1] || hs2[2] != hs[2]) {
				t.Errorf("opening a note in the first frame changed the others: %v → %v", hs, hs2)
			}
		})
	}
}

// TestCopySnippet: the copy button puts the snippet, exactly as shown,
// on the clipboard.
func TestCopySnippet(t *testing.T) {
	browsertest.Need(t)
	out := repoSite(t)
	dir := t.TempDir()
	if err := Write(out, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer srv.Close()
	ctx := browsertest.New(t, browsertest.Options{Width: 1280, Height: 900})
	for _, p := range []*browser.PermissionDescriptor{{Name: "clipboard-read"}, {Name: "clipboard-write"}} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{Permission: p, Setting: "granted", Origin: srv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	want := snippet(t, out, "part-2/index.html", "https://edition.example.org/embed/part-2/")
	sel := `details.share-section`
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2/"), chromedp.Click(sel+` > summary`),
		chromedp.WaitVisible(sel+` .share-copy`), chromedp.Click(sel+` .share-copy`), chromedp.WaitVisible(sel+` .share-status:not(:empty)`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSuffix(want, "\n") {
		t.Errorf("clipboard:\n%s\nwant the snippet:\n%s", got, want)
	}
}

// TestWordPressResize: WordPress frames an oEmbed iframe sandboxed
// (allow-scripts only, an opaque origin) with a secret in the URL's hash,
// and resizes it only through wp-embed's own message. The embed page,
// its CSP and its script work there and speak that message.
func TestWordPressResize(t *testing.T) {
	browsertest.Need(t)
	out := repoSite(t)
	dir := t.TempDir()
	if err := Write(out, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer site.Close()
	// What wp_filter_oembed_result makes of our oEmbed html, and the part
	// of wp-embed.js that sets the height (clamped to 200–1000 px there).
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang=en><head><title>wp</title></head><body>
<iframe sandbox="allow-scripts" security="restricted" src="%s/embed/chart/main-targets/#?secret=abcDEF1234" data-secret="abcDEF1234" width="600" height="338" title="t" frameborder="0"></iframe>
<script>window.wp = []; addEventListener('message', function (e) {
  var d = e.data, f = document.querySelector('iframe[data-secret="' + d.secret + '"]');
  if (d && d.message === 'height' && f && f.contentWindow === e.source) { window.wp.push(d.value); f.height = Math.max(200, Math.min(1000, d.value)); }
});</script></body></html>`, site.URL)
	}))
	defer host.Close()
	ctx := browsertest.New(t, browsertest.Options{Width: 1280, Height: 900, Timeout: 20 * time.Second})
	h, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (int, error) {
		if err := chromedp.Do(ctx, chromedp.Navigate(host.URL+"/")); err != nil {
			return 0, err
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[int](`window.wp.length`, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
			return 0, err
		}
		// The first message may come before the stylesheet applies (an
		// unstyled SVG is large); the frame settles on the last one.
		last := -1
		for i := 0; i < 40; i++ {
			h, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.wp[window.wp.length - 1]`))
			if err != nil {
				return 0, err
			}
			if h == last {
				return h, nil
			}
			last = h
			if err := chromedp.Do(ctx, chromedp.Sleep(250*time.Millisecond)); err != nil {
				return 0, err
			}
		}
		return last, nil
	})
	if err != nil {
		t.Fatalf("no wp-embed height message from the sandboxed embed: %v", err)
	}
	// A sandboxed frame may run in a process of its own, out of the
	// test's reach: its height is checked against the oEmbed estimate.
	var o struct{ Height int }
	if err := json.Unmarshal(out["embed/chart/main-targets/oembed.json"], &o); err != nil {
		t.Fatal(err)
	}
	if h < o.Height*3/4 || h > o.Height*5/4 {
		t.Errorf("wp-embed height %d px, the oEmbed document estimates %d px", h, o.Height)
	}
	t.Logf("wp-embed height %d px, oEmbed estimate %d px", h, o.Height)
}
