package site

import (
	"slices"
	"strings"
	"testing"
)

// TestEditReRendersOnlyItsPages: after an edit, the preview's Builder
// executes the templates of only the outputs whose inputs changed; every
// other output is the bytes the last build made. It counts executions
// (not time), on the fixture edition (testdata/edition: a Simplified
// report, so Simplified at the root and Traditional under zh-hant/). Each
// edition executes its own, so each name appears twice. The search index,
// built without a template, is always rebuilt.
func TestEditReRendersOnlyItsPages(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole-edition build per edit; skipped in -short mode")
	}
	src := fixtureSources(t)
	var bl Builder
	if _, err := bl.Render(src); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name           string
		dir            Dir
		file, old, new string
		want           []string // template, what (see executeMemo), in each script
		once           []string // in one script only
	}{
		{"nothing", src.Content, "02-part-2.md", "", "", nil, nil},
		// The paragraph's page, its embed page and the 全文 page, which
		// holds every paragraph.
		{"a paragraph's words", src.Content, "02-part-2.md", "办好人民满意的教育", "办好人民更加满意的教育",
			[]string{"base full full/", "base page part-2/", "embed-page part-2/"}, nil},
		// A mark more for the punctuation rule changes its count on
		// the corrections page; the other pages only ask whether there
		// is a rule.
		{"a paragraph's punctuation", src.Content, "02-part-2.md", "办好人民更加满意的教育", "办好人民更加满意的教育，",
			[]string{"base corrections corrections/", "base full full/", "base page part-2/", "embed-page part-2/"}, nil},
		// The notes page lists each use of a term with its context, and
		// so do the endnotes of part 一, which uses the term too.
		{"text next to a term", src.Content, "02-part-2.md", "推进“人工智能+”行动", "加快推进“人工智能+”行动",
			[]string{"base full full/", "base notes notes/", "base page part-1/", "base page part-2/", "embed-page part-1/", "embed-page part-2/"}, nil},
		// The page whose endnotes show the note, its embed page, the notes
		// and 全文 pages, and the home page, which names the notes
		// section (it reads Site.Notes).
		{"a note's text", src.Content, "notes.yaml", "对货物进出实行分线管理的制度安排。", "对货物进出实行分线管理的制度性安排。",
			[]string{"base full full/", "base home ", "base notes notes/", "base page part-1/", "embed-page part-1/"}, nil},
		// A chart's title: its page (with its share panel), its embed
		// page, the figures page (and its downloads), the 全文 page.
		{"a chart's title", src.Content, "02-part-2.md", "title: 2025年主要预期目标", "title: 2025年主要发展预期目标",
			[]string{"base figures figures/", "base full full/", "base page part-2/", "embed-page chart/main-targets/", "embed-page part-2/"}, nil},
	}
	for _, ed := range edits {
		t.Run(ed.name, func(t *testing.T) {
			if ed.old != "" {
				editFile(t, ed.dir, ed.file, ed.old, ed.new)
			}
			if _, err := bl.Render(src); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range ed.want {
				want = append(want, w, w)
			}
			want = append(want, ed.once...)
			slices.Sort(want)
			got := slices.Sorted(slices.Values(bl.renders.executed))
			if !slices.Equal(got, want) {
				t.Errorf("executed:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}
