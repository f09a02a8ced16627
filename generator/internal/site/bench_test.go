package site

import "testing"

// BenchmarkRender is a whole build of the repository's edition (both
// scripts), in memory, from a fresh Builder: what a cold build does less
// process start and the disk writes.
func BenchmarkRender(b *testing.B) {
	src := DirSources("../../../content", "../../../templates", "../../../static")
	for b.Loop() {
		if _, err := Render(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild is a preview rebuild: the Builder is kept, so OpenCC's
// dictionaries and conversions already made are reused.
func BenchmarkRebuild(b *testing.B) {
	src := DirSources("../../../content", "../../../templates", "../../../static")
	var bl Builder
	if _, err := bl.Render(src); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := bl.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}
