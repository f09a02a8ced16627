package site

import (
	"fmt"
	"testing"
)

// TestPreviewKeepsOneBuild: a preview Builder that rebuilds after each of
// an editor's saves keeps what its last build used, not every version of
// every page: after eight saves, each changing a paragraph and a chart's
// title, it holds no more parses, drawings, conversions, highlighted
// snippets, templates or images than after its first build.
func TestPreviewKeepsOneBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("nine builds of the fixture edition")
	}
	src := fixtureSources(t)
	var bl Builder
	if _, err := bl.Render(src); err != nil {
		t.Fatal(err)
	}
	first := bl.kept()
	text, title := "全方位扩大国内需求", "title: 2025年主要预期目标"
	for i := range 8 {
		t2, ti2 := fmt.Sprintf("全方位扩大国内需求%d", i), fmt.Sprintf("title: 2025年主要预期目标%d", i)
		editFile(t, src.Content, "02-part-2.md", text, t2)
		editFile(t, src.Content, "02-part-2.md", title, ti2)
		text, title = t2, ti2
		if _, err := bl.Render(src); err != nil {
			t.Fatal(err)
		}
	}
	last := bl.kept()
	for k, n := range last {
		if n > first[k] {
			t.Errorf("%s: %d kept after eight saves, %d after the first build", k, n, first[k])
		}
	}
	t.Logf("kept after the first build %v, after eight saves %v", first, last)
}

// kept is how many results of each kind the Builder holds.
func (bl *Builder) kept() map[string]int {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	bl.press.mem.mu.Lock()
	defer bl.press.mem.mu.Unlock()
	return map[string]int{"parses": bl.parsed.size(), "drawings": bl.drawn.size(), "conversions": bl.cache.size(),
		"snippets": bl.hl.size(), "templates": bl.tmpl.size(), "images": bl.press.mem.m.size(), "renders": len(bl.renders.prev)}
}
