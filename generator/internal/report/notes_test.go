package report

import (
	"strings"
	"testing"
)

// TestNotesForms: every notes heading and numbering form of
// report-variants.md; each note's lines print back exactly as read.
func TestNotesForms(t *testing.T) {
	head := "2025年某市政府工作报告\n——2025年1月15日在某市第一届人民代表大会第一次会议上\n市长 某某\n各位代表：\n开篇。\n一、2024年工作回顾\n推进“两重”建设和“两新”工作，分线管理。\n各位代表！奋斗！\n"
	cases := []struct {
		name, notes string
		heading     string
		terms       []string
		lines       int
	}{
		{"ASCII period", "名词解释\n1.“两重”：甲。\n2.分线管理：乙。\n", "名词解释", []string{"“两重”", "分线管理"}, 2},
		{"full-width period mixed", "名词注释\n1．“两重”：甲。\n2.分线管理：乙。\n", "名词注释", []string{"“两重”", "分线管理"}, 2},
		{"enumeration comma, ASCII colon", "附件2 名词解释\n1、“两重”:甲。\n2、分线管理:乙。\n", "附件2 名词解释", []string{"“两重”", "分线管理"}, 2},
		{"parenthesised", "附件\n《政府工作报告》有关内容名词注释\n（1）“两重”：甲。\n（2）分线管理：乙。\n", "《政府工作报告》有关内容名词注释", []string{"“两重”", "分线管理"}, 2},
		{"circled", "《政府工作报告》相关注释\n①“两重”：甲。\n②分线管理：乙。\n", "《政府工作报告》相关注释", []string{"“两重”", "分线管理"}, 2},
		{"several terms, gloss over lines, blank and zero-width lines", "名词解释\n1.“两重”、“两新”：甲；\n\u200b\n乙。\n\n2.分线管理：丙。\n", "名词解释", []string{"“两重”、“两新”", "分线管理"}, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := head + c.notes
			res, err := Read("s.txt", []byte(in), nil)
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			if r.NotesHeading.Text != c.heading {
				t.Errorf("heading %q, want %q", r.NotesHeading.Text, c.heading)
			}
			var terms []string
			lines := 0
			for _, n := range r.Notes {
				terms = append(terms, n.Term)
				for _, l := range n.Lines() {
					lines++
					if !strings.Contains(in, l) {
						t.Errorf("note %d prints %q, which is not a line of the report", n.Num, l)
					}
				}
			}
			if strings.Join(terms, "|") != strings.Join(c.terms, "|") || lines != c.lines {
				t.Errorf("terms %q in %d lines, want %q in %d", terms, lines, c.terms, c.lines)
			}
			if len(r.Parts[0].Intro) != 1 {
				t.Errorf("notes leaked into the body: %d paragraphs in part 一", len(r.Parts[0].Intro))
			}
		})
	}
	if got := (Note{Term: "“两重”、“两新”"}).Terms(); strings.Join(got, "|") != "两重|两新" {
		t.Errorf("Terms() = %q", got)
	}
	for _, c := range []struct{ name, notes, want string }{
		{"gap", "名词解释\n1.甲：一。\n3.丙：三。\n", "s.txt:11: note 3 where note 2 was expected: a gap"},
		{"duplicate", "名词解释\n1.甲：一。\n2.乙：二。\n2.丙：三。\n", "s.txt:12: note 2 where note 3 was expected: a duplicate number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("s.txt", []byte(head+c.notes), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}
