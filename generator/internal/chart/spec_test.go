package chart

import (
	"strings"
	"testing"
)

func TestParseSpec(t *testing.T) {
	for _, c := range []struct {
		name, src string
		wantLine  int    // 0: no error
		wantMsg   string // part of the error
		figures   string
	}{
		{"inline list", "id: a\nkind: bar\ntitle: T\nfigures: x, y z", 0, "", "x y z"},
		{"dash list", "id: a\nkind: compare\ntitle: T\nfigures:\n  - x\n  - y\n", 0, "", "x y"},
		{"full-width colon and alias", "id：a\nkind: dumbbell\ntitle: T\nfigures: x", 0, "", "x"},
		{"comments", "# note\nid: a\nkind: part\ntitle: T\nfigures: x y\nlabel y: 其中", 0, "", "x y"},
		{"unknown key", "id: a\ncolour: red\n", 2, "unknown key \"colour\"", ""},
		{"bad kind", "id: a\nkind: pie\n", 2, "kind \"pie\"", ""},
		{"bad id", "id: A B\n", 1, "id \"A B\"", ""},
		{"no title", "id: a\nkind: bar\nfigures: x", 1, "missing title", ""},
		{"no key", "id: a\njust text", 2, "expected \"key: value\"", ""},
		{"duplicate key", "id: a\nid: b", 2, "id is already set on line 1", ""},
		{"duplicate figure", "id: a\nkind: bar\ntitle: T\nfigures: x\n  - x", 5, "figure x is already listed on line 4", ""},
		{"bad figure id", "id: a\nkind: bar\ntitle: T\nfigures: <x>", 4, "figure id \"<x>\"", ""},
		{"label for unknown", "id: a\nkind: bar\ntitle: T\nfigures: x\nlabel y: Y", 1, "label for y", ""},
		{"empty", "", 1, "missing id", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ParseSpec(c.src)
			if c.wantLine == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(s.Figures, " "); got != c.figures {
					t.Errorf("figures %q, want %q", got, c.figures)
				}
				back, err := ParseSpec(s.Format())
				if err != nil || strings.Join(back.Figures, " ") != c.figures {
					t.Errorf("Format does not round-trip: %v", err)
				}
				return
			}
			se, ok := err.(*SpecError)
			if !ok {
				t.Fatalf("got %v, want a SpecError", err)
			}
			if se.Line != c.wantLine || !strings.Contains(se.Msg, c.wantMsg) {
				t.Errorf("got line %d %q, want line %d %q", se.Line, se.Msg, c.wantLine, c.wantMsg)
			}
		})
	}
}

// TestCiteLabels: a chart labels the paragraphs it cites with the labels
// its Config gives (the page's own, from markup), the id without one.
func TestCiteLabels(t *testing.T) {
	block := "```chart\nid: coal\nkind: compare\ntitle: 原煤\nfigures: coal-2023, coal-2024\n```\n"
	for _, tc := range []struct {
		name string
		cite func(string) string
		want []string
	}{
		{"labels from the page", labels{"p1-2": "一¶2", "p2-2-1": "二（二）¶1"}.cite, []string{">一¶2<", ">二（二）¶1<"}},
		{"no labels: the id", nil, []string{">p1-2<", ">p2-2-1<"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html, pc := convert(t, Config{Data: testDataset(t), Cite: tc.cite}, block)
			if errs := Errors(pc); len(errs) > 0 {
				t.Fatal(errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("missing %s in\n%s", w, html)
				}
			}
		})
	}
}

func FuzzParseSpec(f *testing.F) {
	f.Add("id: grain\nkind: compare\ntitle: 糧食產量\nsubtitle: 億斤\nfigures: grain-2023, grain-2024\n")
	f.Add("id: incomes\nkind: compare\ntitle: T\npanels: unit\nfigures: a, b\nnote: 未列數值。\nsort: desc\nlabel a: x\n")
	f.Add("id: a\nkind: part\ntitle: T\nfigures: a b\nlabel a: x")
	f.Add("figures:\n- \n-")
	ds := testDataset(f)
	f.Fuzz(func(t *testing.T, src string) {
		s, err := ParseSpec(src)
		if err != nil {
			if _, ok := err.(*SpecError); !ok {
				t.Fatalf("error %T is not a SpecError", err)
			}
			return
		}
		if m, err := resolve(s, ds); err == nil {
			m.figureHTML(Config{Data: ds}, nil)
		}
	})
}
