package terms

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"
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

func realViews(t testing.TB) ([]NoteView, []Use) {
	r := readReport(t)
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	_, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	return Views(r.Notes, anchors, uses, where), uses
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
// line exactly as the report does, inside data-seed paragraphs.
func TestNoteListIsReportText(t *testing.T) {
	r := readReport(t)
	views, _ := realViews(t)
	out := execute(t, "notelist", views)
	var want []string
	for _, n := range r.Notes {
		want = append(want, n.Lines()...)
	}
	var got []string
	for _, m := range reSeedP.FindAllStringSubmatch(out, -1) {
		got = append(got, html.UnescapeString(reTag.ReplaceAllString(m[1], "")))
	}
	if len(got) != len(want) {
		t.Fatalf("%d data-seed lines, want %d (note 35 has three)", len(got), len(want))
	}
	for i := range want {
		must(t, got[i] == want[i], "line %d:\n got %q\nwant %q", i, got[i], want[i])
	}
	// The number is set apart by markup only (never running into a term
	// that begins with a digit); a note without a term gets its label in
	// bold on a line of its own, outside the report's text.
	must(t, strings.Contains(out, `<p data-seed><span class="nn">5.</span><dfn>“四全工作法”</dfn>：全周期發力`), "note 5 markup")
	must(t, strings.Contains(out, `<p data-seed><span class="nn">14.</span>新建省級新型研發機構2家（`), "note 14 has no term")
	must(t, strings.Contains(out, `<p class="note-label"><span class="nn" aria-hidden="true"></span><dfn>新建省級新型研發機構2家、省級農業科技園區1家、省級眾創空間3家</dfn></p>`), "note 14's label")
	// Every use is a back-link.
	must(t, strings.Count(out, `role="doc-backlink"`) == 43, "want 43 back-links, got %d", strings.Count(out, `role="doc-backlink"`))
}

func TestEndnotes(t *testing.T) {
	views, uses := realViews(t)
	var page []Use // the uses of part 二 (八): notes 24, 25, 27, 35, 36
	for _, u := range uses {
		if strings.HasPrefix(u.ParaID, "p2-8-") {
			page = append(page, u)
		}
	}
	used := Used(views, page)
	used[0].Href = "/notes/#n24"
	out := execute(t, "endnotes", used)
	for _, s := range []string{
		`<section class="endnotes" role="doc-endnotes" aria-labelledby="endnotes-h">`,
		`<h2 id="endnotes-h">本節注釋</h2>`,
		`<li id="n24" value="24" data-term="“五個堅持、三個責任”">`,
		`<p><dfn>“五個堅持、三個責任”</dfn>：五個堅持，`,
		`<p class="uses-h">本報告中出現</p>`,
		// note 27 is used in 一 and in 二（八）: both back-links, with context.
		`<li><a href="/s/#p1-6" role="doc-backlink"><span class="vh">返回正文，</span>¶p1-6</a> <span class="snippet">恒大華府項目<b>保交樓</b>任務全部完成。</span></li>`,
		`<li><a href="/s/#p2-8-2" role="doc-backlink"><span class="vh">返回正文，</span>¶p2-8-2</a> <span class="snippet">做好<b>保交樓</b>工作。</span></li>`,
		`<p>2023年11月6日，習近平總書記會見`, // note 35's second line
		`<p class="note-page"><a href="/notes/#n24">在注釋頁查看</a></p>`,
	} {
		must(t, strings.Contains(out, s), "endnotes lack %s", s)
	}
	must(t, !strings.Contains(out, "data-seed"), "the section's notes are a copy: no data-seed")
	ids := regexp.MustCompile(`<li id="n(\d+)"`).FindAllStringSubmatch(out, -1)
	var nums []string
	for _, m := range ids {
		nums = append(nums, m[1])
	}
	must(t, strings.Join(nums, " ") == "24 25 27 35 36", "notes of 二（八）: %v", nums)
	must(t, execute(t, "endnotes", []NoteView(nil)) == "", "no notes, no section")
}
