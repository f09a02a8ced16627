package terms

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"edition/generator/internal/report"
)

func loadPartials(t testing.TB) *template.Template {
	t.Helper()
	tm, err := template.ParseFiles("../../../templates/partials/notes.html")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func where(id string) (string, string) { return "/s/#" + id, "¶" + id }

// fixtureViews are the note views of a synthetic report with five
// linked notes (one naming two terms) and one whose term the body lacks;
// generator/edition_test.go checks the seed's.
func fixtureViews(t testing.TB) (*report.Report, []NoteView, []Use) {
	res, err := report.ReadFiles("../../testdata/reports/notes-annex-simplified.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	_, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	return r, Views(r.Notes, anchors, uses, where), uses
}

func execute(t testing.TB, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := loadPartials(t).ExecuteTemplate(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var (
	reSeedP = regexp.MustCompile(`<p data-seed>(.*?)</p>`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
)

// TestNoteListIsReportText checks that the notes page prints every note
// line exactly as the report does, inside data-seed paragraphs, with a
// back-link for every use.
func TestNoteListIsReportText(t *testing.T) {
	r, views, uses := fixtureViews(t)
	out := execute(t, "notelist", views)
	var want []string
	for _, n := range r.Notes {
		want = append(want, n.Lines()...)
	}
	var got []string
	for _, m := range reSeedP.FindAllStringSubmatch(out, -1) {
		got = append(got, html.UnescapeString(reTag.ReplaceAllString(m[1], "")))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("data-seed lines\n%q\nwant\n%q", got, want)
	}
	// The number is set apart by markup only, whatever the report prints.
	must(t, strings.Contains(out, `<p data-seed><span class="nn">3、</span><dfn>“人工智能&#43;”</dfn>:以人工智能`), "note 3 markup: its 、 and : kept")
	must(t, strings.Count(out, `role="doc-backlink"`) == len(uses), "want %d back-links, got %d", len(uses), strings.Count(out, `role="doc-backlink"`))
}

// TestEndnotes: a section's endnotes list the notes its paragraphs use,
// in number order, with back-links and context, as a copy (no data-seed).
func TestEndnotes(t *testing.T) {
	_, views, uses := fixtureViews(t)
	var page []Use // the uses of part 二: notes 1, 3, 4, 5
	for _, u := range uses {
		if strings.HasPrefix(u.ParaID, "p2-") {
			page = append(page, u)
		}
	}
	used := Used(views, page)
	out := execute(t, "endnotes", used)
	for _, s := range []string{
		`<section class="endnotes" role="doc-endnotes" aria-labelledby="endnotes-h">`,
		`<li id="n4" value="4" data-term="未来产业六大领域">`,
		`<p>这些领域代表产业发展方向。</p>`, // note 4's second line
	} {
		must(t, strings.Contains(out, s), "endnotes lack %s", s)
	}
	must(t, !strings.Contains(out, "data-seed"), "the section's notes are a copy: no data-seed")
	ids := regexp.MustCompile(`<li id="n(\d+)"`).FindAllStringSubmatch(out, -1)
	var nums []string
	for _, m := range ids {
		nums = append(nums, m[1])
	}
	must(t, strings.Join(nums, " ") == "1 3 4 5", "notes of 二: %v", nums)
	must(t, execute(t, "endnotes", []NoteView(nil)) == "", "no notes, no section")
}
