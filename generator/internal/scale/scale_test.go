package scale

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"edition/generator/internal/buildcache"
	"edition/generator/internal/content"
	"edition/generator/internal/site"
)

func mapFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for n, b := range files {
		m[n] = &fstest.MapFile{Data: b}
	}
	return m
}

func TestCopyPage(t *testing.T) {
	page := "---\ntitle: T\nslug: part-2-1\norder: 3\nkind: section\nparent: part-2\n---\n# H {#s2-1}\n\ntext {#p2-1-1}\n\n```chart\nid: grain\nkind: compare\n```\n"
	want := "---\ntitle: T\nslug: part-2-1-c3\norder: 2003\nkind: section\nparent: part-2-c3\n---\n# H {#s2-1-c3}\n\ntext {#p2-1-1-c3}\n\n```chart\nid: grain-c3\nkind: compare\n```\n"
	if got := string(copyPage([]byte(page), 3)); got != want {
		t.Fatalf("copy 3:\n%s\nwant:\n%s", got, want)
	}
	if got := copyName("content/01-part-1.md", 12); got != "content/01-part-1-c12.md" {
		t.Fatalf("copyName = %q", got)
	}
}

// TestScaledEditionLoads: the copies of a small edition (a home page, a
// part and its section) are valid content, 1 + 2n pages, and build; the
// repository's edition is scaled in generator/edition_test.go.
func TestScaledEditionLoads(t *testing.T) {
	for _, n := range []int{1, 3} {
		files, err := Edition(os.DirFS("testdata/content"), n)
		if err != nil {
			t.Fatal(err)
		}
		c, err := content.Load(mapFS(files), "content")
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Pages) != 1+2*n {
			t.Fatalf("n=%d: %d pages, want %d", n, len(c.Pages), 1+2*n)
		}
	}
}

// TestScaledEditionBuilds: the build accepts a scaled edition, and the
// copies carry their own slugs and IDs.
func TestScaledEditionBuilds(t *testing.T) {
	files, err := Edition(os.DirFS("testdata/content"), 2)
	if err != nil {
		t.Fatal(err)
	}
	src := site.DirSources("testdata/content", "../../../templates", "../../../static")
	src.Content.FS = mapFS(files)
	out, err := site.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out["part-1-1-c2/index.html"]), `id="p1-1-1-c2"`) {
		t.Fatal("no page part-1-1-c2 with the copy's paragraph IDs")
	}
}

// BenchmarkScaledBuild builds editions of 1, 10 and 50 copies of the body
// pages as the build command does from scratch (a Builder that keeps
// nothing for a next build, with an empty disk cache, each output given
// to a sink as it is made; here the sink drops it) and reports ms per page and the
// process's peak RSS so far (the sizes run in increasing order, so the
// peak is the current size's), and CPU ms per page (user+system, both
// cores: steadier than wall time on a shared machine). For whole
// processes against Hugo see generator/bench/compare.
func BenchmarkScaledBuild(b *testing.B) {
	// The collector as the build command sets it (main.limitMemory).
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(250 << 20))
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	for _, n := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			files, err := Edition(os.DirFS("../../../content"), n)
			if err != nil {
				b.Fatal(err)
			}
			src := site.DirSources("../../../content", "../../../templates", "../../../static")
			src.Content.FS = mapFS(files)
			pages := 1 + 12*n
			start, cpu := time.Now(), cpuTime()
			for b.Loop() {
				cache, err := buildcache.Open(b.TempDir()) // empty: a build from scratch
				if err != nil {
					b.Fatal(err)
				}
				bl := site.Builder{Once: true, Cache: cache}
				if _, err := bl.RenderTo(src, discard{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N)/float64(pages), "ms/page")
			if c := cpuTime() - cpu; c > 0 {
				b.ReportMetric(float64(c.Milliseconds())/float64(b.N)/float64(pages), "cpu-ms/page")
			}
			if rss, ok := peakRSS(); ok {
				b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
			}
		})
	}
}

// discard is a sink that drops what it is given.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }
