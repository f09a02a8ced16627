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
)

// BenchmarkPreviewSaveToReload is what an editor waits for with the real
// edition: from the start of a save of a one-paragraph edit to the reload
// event on an open event stream, through the watcher's quiet period and a
// whole rebuild of both editions. Reported: median, 95th percentile, max.
//
//	go test ./generator -run '^$' -bench PreviewSaveToReload -benchtime 100x
func BenchmarkPreviewSaveToReload(b *testing.B) {
	dir := tempProject(b)
	p, err := newPreview(options{content: "content", templates: "templates", static: "static"}, dir, "127.0.0.1:0", io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); p.Wait() }()
	url, err := p.Start(ctx)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := http.Get(strings.TrimSuffix(url, "/") + "/__preview/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
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
	wait := func(name string) {
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
	wait("hello")
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
		wait("change")
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(ms(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}
