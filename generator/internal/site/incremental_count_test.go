package site

import (
	"slices"
	"strings"
	"testing"
)

// TestEditReRendersOnlyItsPages: after an edit, the preview's Builder
// executes the templates of only the outputs whose inputs changed; every
// other output is the bytes the last build made. It counts executions
// (not time). Each edition (Traditional at the root, Simplified under
// zh-hans/) executes its own, so each name appears twice. The search
// index, built without a template, is always rebuilt.
func TestEditReRendersOnlyItsPages(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole-edition build per edit; skipped in -short mode")
	}
	src := Sources{
		Content:   memDir(t, "../../../content", "content"),
		Templates: memDir(t, "../../../templates", "templates"),
		Static:    memDir(t, "../../../static", "static"),
	}
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
		{"nothing", src.Content, "05-part-2-3.md", "", "", nil, nil},
		// The paragraph's page, its embed page and the 全文 page, which
		// holds every paragraph.
		{"a paragraph's words", src.Content, "05-part-2-3.md", "全面貫徹黨的教育方針", "全面貫徹落實黨的教育方針",
			[]string{"base full full/", "base page part-2-3/", "embed-page part-2-3/"}, nil},
		// A mark more for the punctuation rule changes its count on
		// the corrections page; the other pages only ask whether there
		// is a rule.
		{"a paragraph's punctuation", src.Content, "05-part-2-3.md", "全面貫徹落實黨的教育方針", "全面貫徹落實黨的教育方針，",
			[]string{"base corrections corrections/", "base full full/", "base page part-2-3/", "embed-page part-2-3/"}, nil},
		// The notes page lists each use of a term with its context.
		{"text next to a term", src.Content, "05-part-2-3.md", "鞏固“雙減”成果", "切實鞏固“雙減”成果",
			[]string{"base full full/", "base notes notes/", "base page part-2-3/", "embed-page part-2-3/"}, nil},
		// The pages whose endnotes show the note, their embed pages, the
		// notes and 全文 pages; only in Traditional: 周 and 週 are one
		// character in Simplified, so that edition does not change.
		{"a note's text", src.Content, "notes.yaml", "全周期發力", "全週期發力", nil,
			[]string{"base full full/", "base home ", "base notes notes/", "base page part-2-2/", "embed-page part-2-2/"}},
		// A chart's title: its page, its embed page and share panel, the
		// figures page (and its downloads), the 全文 page.
		{"a chart's title", src.Content, "07-part-2-5.md", "title: 公路建設：當年建成里程", "title: 公路建設：當年新建里程",
			[]string{"base figures figures/", "base full full/", "base page part-2-5/", "embed-page chart/roads/", "embed-page part-2-5/", "share roads"}, nil},
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
