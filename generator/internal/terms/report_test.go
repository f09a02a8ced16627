package terms

import (
	"fmt"
	"strings"
	"testing"

	"edition/generator/internal/report"
)

// TestFixtureReport proposes anchors for a small report's notes, links
// them, and checks the result: every anchored note is linked as often as
// its anchor occurs, Check finds nothing, and linking changes no text.
// The seed's 36 notes and 43 links are checked in generator/edition_test.go.
func TestFixtureReport(t *testing.T) {
	res, err := report.ReadFiles("../../testdata/reports/notes-annex-simplified.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	html, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	linked := map[int]int{} // by anchor
	for _, u := range uses {
		linked[u.Anchor]++
	}
	var got []string
	for i, a := range anchors {
		got = append(got, fmt.Sprintf("%d %s ×%d", a.Note, a.Text, a.Count))
		if linked[i] != a.Count {
			t.Errorf("note %d: anchor %s occurs %d times, linked %d", a.Note, a.Text, a.Count, linked[i])
		}
	}
	// Note 1 names two terms, each its own anchor; note 6's term is not in
	// the body, so it has none.
	want := "1 “两重” ×1; 1 “两新” ×2; 2 分线管理 ×1; 3 “人工智能+” ×2; 4 未来产业 ×2; 5 10件民生实事 ×1"
	if strings.Join(got, "; ") != want {
		t.Errorf("anchors\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	if errs := Check(anchors, uses, noteNums(r.Notes), texts(ps)); len(errs) > 0 {
		t.Errorf("Check:\n%v", errs)
	}
	plain, _ := convert(t, newMarkdown(Config{}), markdown(ps))
	must(t, unlink(html) == plain, "linking changed the text")
}
