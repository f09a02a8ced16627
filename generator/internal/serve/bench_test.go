package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what an editor waits for: from the moment a
// save starts to the moment the "change" event reaches an open event stream.
// The fake build busies the CPU for 5 ms, and the site has the shape of the
// edition (13 pages made from the 47 KB seed), so hashing and diffing the
// output costs what it will. Reported: median and 95th percentile in ms.
//
//	go test ./generator/internal/serve -run '^$' -bench SaveToReload -benchtime 200x
func BenchmarkSaveToReload(b *testing.B) {
	saves := []struct {
		name string
		save func(t testing.TB, dir, name, content string)
	}{
		{"in-place", func(t testing.TB, dir, name, content string) {
			must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
		}},
		{"rename", func(t testing.TB, dir, name, content string) {
			tmp := filepath.Join(dir, "."+name+".tmp")
			must(t, os.WriteFile(tmp, []byte(content), 0o644))
			must(t, os.Rename(tmp, filepath.Join(dir, name)))
		}},
		{"vim", vimSave},
	}
	for _, sv := range saves {
		b.Run(sv.name, func(b *testing.B) {
			root, pages := seedProject(b)
			site := &fakeSite{root: root, cost: 5 * time.Millisecond}
			_, base, _ := startServer(b, root, site, Config{})
			s := openStream(b, base)
			dir := filepath.Join(root, "content")
			var lat []time.Duration
			for i := 0; b.Loop(); i++ {
				n := i % len(pages)
				content := page(fmt.Sprint(n), fmt.Sprintf("第%d次修改。", i)+pages[n])
				start := time.Now()
				sv.save(b, dir, fmt.Sprintf("p%02d.md", n), content)
				s.next(b, "change")
				lat = append(lat, time.Since(start))
			}
			reportLatency(b, lat)
		})
	}
}

// reportLatency reports the median, 95th percentile and maximum in ms.
func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	ms := func(q float64) float64 {
		return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(ms(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// seedProject writes the seed report as 13 content pages.
func seedProject(b *testing.B) (string, []string) {
	seed, err := filepath.Glob("../../../seeds/*.txt")
	if err != nil || len(seed) == 0 {
		b.Skip("no seed text")
	}
	text, err := os.ReadFile(seed[0])
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	pages := make([]string, 13)
	for i, l := range lines {
		pages[i*13/len(lines)] += "<p>" + l + "</p>\n"
	}
	files := map[string]string{"static/style.css": "body{color:#111}"}
	for i, p := range pages {
		files[fmt.Sprintf("content/p%02d.md", i)] = page(fmt.Sprint(i), p)
	}
	return project(b, files), pages
}
