package site

import (
	"strings"
	"testing"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/terms"
)

// TestValidate: one pass reports every problem of a parsed edition, each
// with its path:line, none hiding another.
func TestValidate(t *testing.T) {
	t.Parallel()
	pages := []*content.Page{{Path: "content/01-part-1.md"}, {Path: "content/02-part-2.md"}}
	para := func(id string, line int, text string) markup.Para {
		return markup.Para{ID: id, Cite: id, Line: line, Text: text}
	}
	clean := func() []pageParse {
		return []pageParse{
			{paras: []markup.Para{para("p1-1", 9, "糧食產量25.79億斤。"), para("p1-2", 11, "新增就業23608人。")}},
			{paras: []markup.Para{para("p2-1", 9, "“雙減”成果鞏固。")}, uses: []terms.Use{{Note: 1, Anchor: 0, ParaID: "p2-1"}}},
		}
	}
	ds, err := figures.Parse("content/figures.tsv", []byte(strings.Join([]string{
		"id\tpara\tphrase\tmeasure\tvalue\tunit\tyear\tkind\ttype\tqualifier\tnote",
		"grain\tp1-1\t糧食產量25.79億斤\t糧食產量\t25.79\t億斤\t2023\toutturn\tlevel\t\t",
		"jobs\tp1-2\t新增就業23608人\t新增就業\t23608\t人\t2023\toutturn\tlevel\t\t",
	}, "\n")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	notes := &content.Notes{Path: "content/notes.yaml", Notes: []content.Note{{Number: 1, Term: "雙減"}}}
	anchors := []terms.Anchor{{Note: 1, Text: "“雙減”", Count: 1, Path: "content/notes.yaml", Line: 4}}
	for _, tc := range []struct {
		name   string
		edit   func(pp []pageParse, v *validation)
		want   []string
		quoted bool
	}{
		{"clean", func([]pageParse, *validation) {}, nil, true},
		{"every kind at once", func(pp []pageParse, v *validation) {
			pp[0].errs = diag.List{diag.Errorf("content/01-part-1.md", 5, "paragraph has no ID: every paragraph of the report ends with {#id}, e.g. {#p2-1-9}")}
			pp[1].paras = append(pp[1].paras, para("p1-2", 13, "新增就業2萬人。"))
			pp[0].paras[1].Text = "新增就業2萬人。"
			pp[1].paras[0].Text = "“雙減”成果鞏固，“雙減”"
		}, []string{
			"content/01-part-1.md:5: paragraph has no ID",
			`content/02-part-2.md:13: duplicate ID "p1-2" (also content/01-part-1.md:11)`,
			"content/notes.yaml:4: note 1: anchor “雙減” is found 2 times in the body, recorded 1",
			"content/notes.yaml:4: note 1: anchor “雙減” occurs 2 times in the body but 1 were linked",
			`content/figures.tsv:3: figure jobs: the phrase "新增就業23608人" is no longer in paragraph p1-2`,
		}, true},
		{"a converted edition checks no quotes", func(pp []pageParse, v *validation) {
			pp[1].paras = append(pp[1].paras, para("p1-2", 13, "x"))
			pp[1].uses = nil
		}, []string{`content/02-part-2.md:13: duplicate ID "p1-2"`}, false},
		{"a figure's paragraph is gone, and a chart error", func(pp []pageParse, v *validation) {
			pp[0].paras = pp[0].paras[:1]
			pp[1].errs = diag.List{diag.Errorf("content/02-part-2.md", 12, "chart: unknown kind")}
		}, []string{
			"content/02-part-2.md:12: chart: unknown kind",
			"content/figures.tsv:3: figure jobs: no paragraph p1-2 in the report",
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pp := clean()
			v := validation{pages: pages, parsed: pp, notes: notes, anchors: anchors, ds: ds, quoted: tc.quoted}
			tc.edit(pp, &v)
			got := validate(v)
			if len(got) != len(tc.want) {
				t.Fatalf("%d errors, want %d:\n%v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i].Error(), w) {
					t.Errorf("error %d = %q, want %q…", i, got[i].Error(), w)
				}
			}
		})
	}
}
