package embed

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

// framePage posts a height to its parent, on load and when pinged.
const framePage = `<!doctype html><title>f</title><body><script>
function tell() { parent.postMessage({type: 'edition-embed:height', height: %d}, '*'); }
addEventListener('message', function (e) { if (e.data && e.data.type === 'edition-embed:ping') tell(); });
tell();
</script>`

// TestResizeOnlyOwnEmbeds: resize.js sets the height of this edition's
// embed frames, clamped, and ignores a frame of another site or a page of
// this site that is not an embed, whatever they post.
func TestResizeOnlyOwnEmbeds(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	script, err := os.ReadFile("../../../static/embed/resize.js")
	if err != nil {
		t.Fatal(err)
	}
	page := func(h int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, framePage, h)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ed/embed/resize.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(script)
	})
	mux.Handle("/ed/embed/part-1/", page(432))
	mux.Handle("/ed/zh-hant/embed/huge/", page(10000000))
	mux.Handle("/ed/notes/", page(999))          // this site, not an embed page
	mux.Handle("/elsewhere/embed/x/", page(777)) // same origin, another path
	edition := httptest.NewServer(mux)
	defer edition.Close()
	foreign := httptest.NewServer(page(888))
	defer foreign.Close()

	frames := []struct {
		src  string
		want int
	}{
		{edition.URL + "/ed/embed/part-1/", 432},
		{edition.URL + "/ed/zh-hant/embed/huge/", 20000},
		{edition.URL + "/ed/notes/", 150},
		{edition.URL + "/elsewhere/embed/x/", 150},
		{foreign.URL + "/embed/y/", 150},
	}
	var body string
	for _, f := range frames {
		body += fmt.Sprintf(`<iframe src="%s" style="height:150px;display:block;border:0"></iframe>`, f.src)
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>host</title><body>%s<script async src="%s/ed/embed/resize.js"></script>`, body, edition.URL)
	}))
	defer host.Close()

	ctx := browsertest.New(t, browsertest.Options{Width: 800, Height: 600, Timeout: 40 * time.Second})
	if err := chromedp.Do(ctx, chromedp.Navigate(host.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// The first frame's height changing shows the script has run; the
	// others' messages came at the same time.
	var hs []int
	for {
		hs, err = chromedp.Run(ctx, chromedp.Evaluate[[]int](`[].map.call(document.querySelectorAll('iframe'), function (f) { return Math.round(f.getBoundingClientRect().height) })`))
		if err == nil && hs[0] == 432 && hs[1] == 20000 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("frames never resized: %v %v", hs, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	for i, f := range frames {
		if hs[i] != f.want {
			t.Errorf("%s: %d px high, want %d", f.src, hs[i], f.want)
		}
	}
}
