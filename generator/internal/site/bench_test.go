package site

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// cpuTime is the process's user and system time so far: on a shared
// machine it says more than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkRender is a whole build of the repository's edition (both
// scripts), in memory, from a fresh Builder: what a cold build does less
// process start and the disk writes. The press images come from a cache
// filled before the timer starts (as a build with its disk cache does):
// drawing them (BenchmarkRenderDrawing) is a cost of its own.
func BenchmarkRender(b *testing.B) {
	src := DirSources("../../../content", "../../../templates", "../../../static")
	imgs := &memCache{}
	if _, err := (&Builder{Images: imgs}).Render(src); err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		bl := Builder{Images: imgs, Once: true}
		if _, err := bl.Render(src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRenderDrawing is BenchmarkRender drawing every image.
func BenchmarkRenderDrawing(b *testing.B) {
	src := DirSources("../../../content", "../../../templates", "../../../static")
	start := cpuTime()
	for b.Loop() {
		if _, err := Render(src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRebuild is a preview rebuild with nothing changed: the Builder
// is kept, so OpenCC's dictionaries, conversions, parsed pages and the
// template outputs are reused.
func BenchmarkRebuild(b *testing.B) {
	src := DirSources("../../../content", "../../../templates", "../../../static")
	var bl Builder
	if _, err := bl.Render(src); err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		if _, err := bl.Render(src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
	b.ReportMetric(float64(len(bl.renders.executed)), "executions/op")
}

// BenchmarkRebuildAfterEdit is a preview rebuild after an editor's typo
// fix: one character of one paragraph changes before every build.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	src := Sources{
		Content:   memDir(b, "../../../content", "content"),
		Templates: memDir(b, "../../../templates", "templates"),
		Static:    memDir(b, "../../../static", "static"),
	}
	var bl Builder
	if _, err := bl.Render(src); err != nil {
		b.Fatal(err)
	}
	m := src.Content.FS.(fstest.MapFS)
	orig := m["05-part-2-3.md"].Data
	start := cpuTime()
	for i := 0; b.Loop(); i++ {
		edited := bytes.Replace(orig, []byte("全面貫徹黨的教育方針"), fmt.Appendf(nil, "全面貫徹黨的教育方針%d", i%10), 1)
		m["05-part-2-3.md"] = &fstest.MapFile{Data: edited, Mode: 0o644}
		if _, err := bl.Render(src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
	b.ReportMetric(float64(len(bl.renders.executed)), "executions/op")
}
