package site

import (
	"fmt"
	"strings"
	"testing"

	"edition/generator/internal/markup"
)

func TestJumps(t *testing.T) {
	var paras []markup.Para
	for _, s := range []string{"2023年，是開局之年。其餘", "一年來，我們穩增長。", "一年來，我們建鏈條。", "一年來，我們抓改革。", "各位代表，成績。", "在肯定成績的同時，問題。"} {
		paras = append(paras, markup.Para{ID: "p" + s[:3], Text: s})
	}
	p := &Page{Paras: paras}
	js := p.Jumps()
	if len(js) != 6 {
		t.Fatalf("%d entries, want 6", len(js))
	}
	for i, want := range []string{"2023年，是開局之年", "我們穩增長", "我們建鏈條", "我們抓改革", "各位代表，成績", "在肯定成績的同時，問題"} {
		if js[i].Title != want {
			t.Errorf("entry %d = %q, want %q", i, js[i].Title, want)
		}
	}
	if (&Page{Paras: paras[:minJumps-1]}).Jumps() != nil {
		t.Error("a short page got a jump list")
	}
	long := markup.Para{ID: "x", Lead: strings.Repeat("長", 40) + "。"}
	p = &Page{Paras: append(paras, long)}
	if got := p.Jumps()[6].Title; len([]rune(got)) != jumpLabel || !strings.HasSuffix(got, "…") {
		t.Errorf("long title = %q, want %d characters ending in …", got, jumpLabel)
	}
}

func TestCompactCSS(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"comments and spaces go", "/* why */\n.a  { color : red ;\n}\n", ".a{color :red;}"},
		{"a descendant pseudo-class keeps its space", "html.js :target { x: 1 }", "html.js :target{x:1}"},
		{"values keep their spaces", ".b { margin: 0 1rem; box-shadow: 0 6px rgba(0, 0, 0, .1) }", ".b{margin:0 1rem;box-shadow:0 6px rgba(0,0,0,.1)}"},
		{"strings are kept whole", `.c::after { content: "\2060 /* x */" }`, `.c::after{content:"\2060 /* x */"}`},
	} {
		got, err := compact([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("%s: compact(%q) = %q, %v; want %q", c.name, c.in, got, err, c.want)
		}
	}
}

// TestJumpsNestRunIn: on a part page with run-in subsections (the first
// part of generator/testdata/reports/notes-annex-simplified.txt), each
// subsection's later paragraphs are listed under its heading; the part's
// own paragraphs, and every paragraph of a section page, stay flat.
func TestJumpsNestRunIn(t *testing.T) {
	para := func(id, cite, lead, text string) markup.Para {
		return markup.Para{ID: id, Cite: cite, Lead: lead, Text: text}
	}
	part := []markup.Para{
		{ID: "part-1", Heading: true, Text: "一、2024年工作回顧"},
		para("p1-1", "一¶1", "", "過去一年，全市地區生產總值增長5.2%。"),
		para("p1-1-1", "一（一）¶1", "（一）經濟運行總體平穩、穩中有進。", "（一）經濟運行總體平穩、穩中有進。抢抓政策機遇。"),
		para("p1-1-2", "一（一）¶2", "", "一是擴大有效投資。重大項目完成投資1200億元。"),
		para("p1-1-3", "一（一）¶3", "", "二是提振消費。舉辦促消費活動300場。"),
		para("p1-2-1", "一（二）¶1", "（二）改革開放持續深化。", "（二）改革開放持續深化。推進營商環境改革。"),
		para("p1-2-2", "一（二）¶2", "", "——外貿進出口增長6%。"),
		para("p1-2-3", "一（二）¶3", "", "各位代表！成績來之不易。"),
	}
	type entry struct {
		href     string
		children []string
	}
	for _, tc := range []struct {
		name  string
		cite  string
		paras []markup.Para
		want  []entry
	}{
		{"part with run-in subsections", "一", part, []entry{
			{"#p1-1", nil},
			{"#p1-1-1", []string{"#p1-1-2", "#p1-1-3"}},
			{"#p1-2-1", []string{"#p1-2-2", "#p1-2-3"}},
		}},
		{"section page: one level", "一（一）", []markup.Para{
			para("p1-1-1", "一（一）¶1", "擴大投資。", "擴大投資。"), para("p1-1-2", "一（一）¶2", "", "甲。"), para("p1-1-3", "一（一）¶3", "", "乙。"),
			para("p1-1-4", "一（一）¶4", "", "丙。"), para("p1-1-5", "一（一）¶5", "", "丁。"), para("p1-1-6", "一（一）¶6", "", "戊。"),
		}, []entry{{"#p1-1-1", nil}, {"#p1-1-2", nil}, {"#p1-1-3", nil}, {"#p1-1-4", nil}, {"#p1-1-5", nil}, {"#p1-1-6", nil}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Page{Paras: tc.paras}
			p.Meta.Cite = tc.cite
			var got []entry
			for _, l := range p.Jumps() {
				e := entry{href: l.Href}
				for _, c := range l.Children {
					e.children = append(e.children, c.Href)
				}
				got = append(got, e)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("jump list %v, want %v", got, tc.want)
			}
		})
	}
}
