package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

// previewStream starts the preview of a copy of the repository and
// returns the project directory and a channel of event names.
func previewStream(b testing.TB) (string, <-chan string) {
	dir := tempProject(b)
	p, err := newPreview(options{content: "content", templates: "templates", static: "static"}, dir, "127.0.0.1:0", false, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(func() { cancel(); p.Wait() })
	url, err := p.Start(ctx)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := http.Get(strings.TrimSuffix(url, "/") + "/__preview/events")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { resp.Body.Close() })
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
		close(events)
	}()
	return dir, events
}

// waitEvent waits for the event called name; the timeout only stops a
// hung test.
func waitEvent(b testing.TB, events <-chan string, name string) {
	b.Helper()
	for {
		select {
		case e, ok := <-events:
			if !ok {
				b.Fatal("event stream closed")
			}
			if e == name {
				return
			}
		case <-time.After(20 * time.Second):
			b.Fatalf("no %q event", name)
		}
	}
}

// TestPreviewOneRebuildPerSave: with the short quiet period the real
// preview uses, vim's way of saving (probe file, rename to a backup, write
// and fsync, delete the backup) still makes one reload, not two.
func TestPreviewOneRebuildPerSave(t *testing.T) {
	t.Parallel()
	dir, events := previewStream(t)
	waitEvent(t, events, "hello")
	page := filepath.Join(dir, "content", "05-part-2-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		probe := filepath.Join(dir, "content", "4913")
		os.WriteFile(probe, nil, 0o644)
		os.Remove(probe)
		os.Rename(page, page+"~")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(strings.Replace(string(orig), "全面貫徹黨的教育方針", fmt.Sprintf("全面貫徹黨的教育方針%d", i), 1))
		f.Sync()
		f.Close()
		os.Remove(page + "~")
		waitEvent(t, events, "change")
		select {
		case e := <-events:
			t.Fatalf("save %d: a second event %q after the reload: one save, two rebuilds", i, e)
		case <-time.After(400 * time.Millisecond):
		}
	}
}

// BenchmarkPreviewSaveToReload is what an editor waits for with the real
// edition: from the start of a save of a one-paragraph edit to the reload
// event on an open event stream, through the watcher's quiet period and a
// whole rebuild of both editions. Reported: median, 95th percentile, max.
//
//	go test ./generator -run '^$' -bench PreviewSaveToReload -benchtime 100x
func BenchmarkPreviewSaveToReload(b *testing.B) {
	dir, events := previewStream(b)
	waitEvent(b, events, "hello")
	page := filepath.Join(dir, "content", "05-part-2-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		// An editor's typo fix: one character of one paragraph.
		edited := strings.Replace(string(orig), "全面貫徹黨的教育方針", fmt.Sprintf("全面貫徹黨的教育方針%d", i%10), 1)
		start := time.Now()
		if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		waitEvent(b, events, "change")
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(ms(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkPreviewSaveToPage measures the same from outside, as a reader
// of the served page would see it: from the start of the save until a GET
// of the edited page (polled every millisecond) returns the
// new text. Reported: median, 95th percentile, max.
//
//	go test ./generator -run '^$' -bench PreviewSaveToPage -benchtime 100x
func BenchmarkPreviewSaveToPage(b *testing.B) {
	dir, url := previewServer(b)
	page := filepath.Join(dir, "content", "05-part-2-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	served := url + "zh-hant/part-2-3/"
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		mark := fmt.Sprintf("全面貫徹黨的教育方針%d", i%10+1)
		edited := strings.Replace(string(orig), "全面貫徹黨的教育方針", mark, 1)
		start := time.Now()
		if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		for !pageHas(b, served, mark) {
			if time.Since(start) > 20*time.Second {
				b.Fatalf("%s never showed %q", served, mark)
			}
			time.Sleep(time.Millisecond) // leave the build the CPU
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(ms(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// previewServer starts the preview of a copy of the repository and
// returns the project directory and the served address.
func previewServer(b testing.TB) (string, string) {
	dir := tempProject(b)
	p, err := newPreview(options{content: "content", templates: "templates", static: "static"}, dir, "127.0.0.1:0", false, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(func() { cancel(); p.Wait() })
	url, err := p.Start(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return dir, strings.TrimSuffix(url, "/") + "/"
}

func pageHas(b testing.TB, url, s string) bool {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	return strings.Contains(string(body), s)
}

// TestPreviewInBrowser: an editor has a section open in the browser, saves
// a change to its Markdown, and sees the new text without reloading by
// hand; a broken front matter shows the overlay with its path and line,
// and fixing it clears the overlay.
func TestPreviewInBrowser(t *testing.T) {
	browsertest.Need(t)
	dir := tempProject(t)
	p, err := newPreview(options{content: "content", templates: "templates", static: "static"}, dir, "127.0.0.1:0", false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); p.Wait() })
	url, err := p.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 740, Mobile: true})
	if err := chromedp.Do(bctx, chromedp.Navigate(url+"zh-hant/part-2-3/"), chromedp.WaitVisible("#p2-3-1")); err != nil {
		t.Fatal(err)
	}
	// Mark the page, so a reload is told from an in-place change.
	chromedp.Run(bctx, chromedp.Evaluate[bool](`window.before = true`))
	waitJS := func(js string) {
		t.Helper()
		for i := 0; i < 200; i++ {
			if ok, _ := chromedp.Run(bctx, chromedp.Evaluate[bool](js)); ok {
				return
			}
			chromedp.Do(bctx, chromedp.Sleep(50*time.Millisecond))
		}
		t.Fatalf("still not true after 10 s: %s", js)
	}
	page := filepath.Join(dir, "content", "05-part-2-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "全面貫徹黨的教育方針", "全面貫徹黨的教育方針（編者預覽）", 1)
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitJS(`document.getElementById('p2-3-1') && document.getElementById('p2-3-1').textContent.indexOf('（編者預覽）') >= 0`)

	broken := strings.Replace(edited, "order: 5\n", "order: [5\n", 1)
	if err := os.WriteFile(page, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitJS(`document.body.innerText.indexOf('content/05-part-2-3.md:') >= 0`)
	if ok, _ := chromedp.Run(bctx, chromedp.Evaluate[bool](`!!document.getElementById('p2-3-1')`)); !ok {
		t.Error("the last good page is gone while the overlay shows")
	}
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitJS(`document.body.innerText.indexOf('content/05-part-2-3.md:') < 0`)
}
