package terms

import (
	"fmt"
	"strings"
	"testing"
)

// wantLinks is, for each of the 36 notes, the paragraphs where its term is
// linked, counted by hand from the repaired seed (seed-forensics.md §7.1,
// checked with grep over body lines 1–71). Seven terms are used twice
// (8, 18, 19, 20, 22, 27, 29): 43 links. Note 17's second, quote-less
// 專精特新 inside “鏈主+鏈核+專精特新”企業 (p2-1-2) is deliberately not linked.
var wantLinks = map[int][]string{
	1: {"p3-1-1"}, 2: {"p3-1-1"}, 3: {"p2-4-4"}, 4: {"p2-4-4"}, 5: {"p2-2-2"},
	6: {"p2-3-2"}, 7: {"p2-3-2"}, 8: {"p1-3", "p2-1-1"}, 9: {"p1-3"}, 10: {"p1-3"},
	11: {"p1-3"}, 12: {"p1-3"}, 13: {"p1-4"}, 14: {"p1-4"}, 15: {"p1-5"},
	16: {"p1-3"}, 17: {"p1-4"}, 18: {"p1-7", "p2-4-4"}, 19: {"p1-5", "p2-5-1"},
	20: {"p1-5", "p2-5-3"}, 21: {"p2-5-3"}, 22: {"p1-4", "p2-4-1"}, 23: {"p2-6-2"},
	24: {"p2-8-1"}, 25: {"p2-8-1"}, 26: {"p2-1-5"}, 27: {"p1-6", "p2-8-2"},
	28: {"p3-3-1"}, 29: {"p1-7", "p3-3-1"}, 30: {"p2-3-1"}, 31: {"p2-6-2"},
	32: {"p2-7-4"}, 33: {"p3-2-1"}, 34: {"p3-3-1"}, 35: {"p2-8-3"}, 36: {"p2-8-3"},
}

// wantAnchor is the anchor the cascade must find for the notes a naive match
// of the term misses (seed-forensics.md §7.2).
var wantAnchor = map[int]string{
	6:  "“揭榜掛帥”",
	9:  "省級重點產業鏈鏈核企業",
	14: "新建省級新型研發機構2家、省級農業科技園區1家、省級眾創空間3家",
	17: "“專精特新”",
	21: "田長制",
	22: "“三個一批”",
	26: "“兩個過多依賴”",
	27: "保交樓",
	30: "“雙減”",
}

func TestRealReport(t *testing.T) {
	r := readReport(t)
	ps := paras(r)
	anchors := Propose(r.Notes, texts(ps))
	byNote := map[int][]Anchor{}
	for _, a := range anchors {
		byNote[a.Note] = append(byNote[a.Note], a)
	}
	html, uses := convert(t, newMarkdown(Config{Anchors: anchors}), markdown(ps))
	got := map[int][]string{}
	for _, u := range uses {
		got[u.Note] = append(got[u.Note], u.ParaID)
	}
	if len(r.Notes) != 36 {
		t.Fatalf("report has %d notes, want 36", len(r.Notes))
	}
	total := 0
	for n := 1; n <= 36; n++ {
		want := wantLinks[n]
		total += len(want)
		t.Run(fmt.Sprintf("note %d", n), func(t *testing.T) {
			if len(byNote[n]) != 1 {
				t.Fatalf("Propose gave %d anchors, want 1: %v", len(byNote[n]), byNote[n])
			}
			a := byNote[n][0]
			if w, ok := wantAnchor[n]; ok && a.Text != w {
				t.Errorf("anchor %q, want %q", a.Text, w)
			}
			if a.Count != len(want) {
				t.Errorf("anchor %q has count %d, want %d", a.Text, a.Count, len(want))
			}
			if strings.Join(got[n], " ") != strings.Join(want, " ") {
				t.Errorf("linked in %v, want %v", got[n], want)
			}
		})
	}
	if len(uses) != total || total != 43 {
		t.Errorf("%d links, want %d (43)", len(uses), total)
	}
	if errs := Check(anchors, uses, noteNums(r.Notes), texts(ps)); len(errs) > 0 {
		t.Errorf("Check on the real report:\n%v", errs)
	}
	// Adjacent terms are separate links.
	for _, pair := range []string{
		"“兩個毫不動搖”<span class=\"vh\" data-ed>（注釋3）</span></a><a class=\"term\" href=\"#n4\"",
		"“揭榜掛帥”<span class=\"vh\" data-ed>（注釋6）</span></a><a class=\"term\" href=\"#n7\"",
		"新時代“楓橋經驗”<span class=\"vh\" data-ed>（注釋35）</span></a><a class=\"term\" href=\"#n36\"",
		"“五個堅持、三個責任”<span class=\"vh\" data-ed>（注釋24）</span></a><a class=\"term\" href=\"#n25\"",
	} {
		must(t, strings.Contains(html, pair), "adjacent terms not separate links: %s", pair)
	}
	// The unlinked body is unchanged.
	plain, _ := convert(t, newMarkdown(Config{}), markdown(ps))
	must(t, unlink(html) == plain, "linking changed the text")
}
