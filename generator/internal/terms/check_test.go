package terms

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	body := []string{
		"堅持“兩個毫不動搖”“三個沒有變”，實行“揭榜掛帥”。",
		"做好保交樓。做好保交樓。",
		"深入推進田長",
		"制，學習“千萬工程”經驗。",
	}
	const f = "content/notes.yaml"
	good := []Anchor{
		{Note: 1, Text: "“兩個毫不動搖”", Count: 1, Path: f, Line: 2},
		{Note: 2, Text: "“三個沒有變”", Count: 1, Path: f, Line: 5},
		{Note: 3, Text: "保交樓", Count: 2, Path: f, Line: 8},
	}
	with := func(extra ...Anchor) []Anchor { return append(append([]Anchor(nil), good...), extra...) }
	cases := []struct {
		name    string
		anchors []Anchor
		notes   []int
		uses    []Use
		want    []string // substrings of the errors, in order
	}{
		{"clean", good, []int{1, 2, 3}, nil, nil},
		{"note without anchor: shown unlinked", good, []int{1, 2, 3, 4}, nil, nil},
		{"anchor for a missing note", with(Anchor{Note: 9, Text: "“揭榜掛帥”", Count: 1, Path: f, Line: 11}), []int{1, 2, 3},
			nil, []string{f + ":11: anchor “揭榜掛帥” is for note 9, but the report has no note 9"}},
		{"note number missing", good, []int{1, 3},
			nil, []string{f + ": the report has no note 2", f + ":5: anchor “三個沒有變” is for note 2, but the report has no note 2"}},
		{"note number duplicated", good, []int{1, 2, 2, 3},
			nil, []string{f + ": the report has note 2 2 times", f + ": the report has no note 4: its notes must be numbered 1 to 4"}},
		{"not in the body", with(Anchor{Note: 3, Text: "保障房", Count: 1, Path: f, Line: 9}), []int{1, 2, 3},
			nil, []string{f + ":9: note 3: anchor 保障房 is not in the body"}},
		{"split across paragraphs", with(Anchor{Note: 3, Text: "田長制", Count: 1, Path: f, Line: 10}), []int{1, 2, 3},
			nil, []string{f + ":10: note 3: anchor 田長制 is split across a paragraph boundary (the end of body paragraph 3"}},
		{"found more often than recorded", []Anchor{good[0], good[1], {Note: 3, Text: "保交樓", Count: 1, Path: f, Line: 8}}, []int{1, 2, 3},
			nil, []string{f + ":8: note 3: anchor 保交樓 is found 2 times in the body, recorded 1"}},
		{"found less often than recorded", []Anchor{good[0], good[1], {Note: 3, Text: "保交樓", Count: 3, Path: f, Line: 8}}, []int{1, 2, 3},
			nil, []string{f + ":8: note 3: anchor 保交樓 is found 2 times in the body, recorded 3"}},
		{"zero count", []Anchor{good[0], good[1], {Note: 3, Text: "保交樓", Path: f, Line: 8}}, []int{1, 2, 3},
			nil, []string{f + ":8: note 3: anchor 保交樓 has count 0"}},
		{"empty anchor", with(Anchor{Note: 3, Path: f, Line: 12}), []int{1, 2, 3},
			nil, []string{f + ":12: note 3: empty anchor"}},
		{"recorded twice", with(Anchor{Note: 3, Text: "保交樓", Count: 2, Path: f, Line: 12}), []int{1, 2, 3},
			nil, []string{f + ":12: note 3: anchor 保交樓 is recorded twice (also at line 8)"}},
		{"same anchor for two notes", with(Anchor{Note: 2, Text: "保交樓", Count: 2, Path: f, Line: 12}), []int{1, 2, 3},
			nil, []string{f + ":12: note 2: anchor 保交樓 is also an anchor of note 3 (line 8)"}},
		{"contained in another", with(Anchor{Note: 3, Text: "兩個毫不動搖", Count: 1, Path: f, Line: 13}), []int{1, 2, 3},
			nil, []string{f + ":13: note 3: anchor 兩個毫不動搖 is contained in anchor “兩個毫不動搖” of note 1 (line 2)"}},
		{"overlapping in the body", with(Anchor{Note: 3, Text: "”“三個", Count: 1, Path: f, Line: 14}), []int{1, 2, 3},
			nil, []string{f + ":14: note 3: anchor ”“三個 overlaps in the body with anchor “兩個毫不動搖”", f + ":14: note 3: anchor ”“三個 overlaps in the body with anchor “三個沒有變”"}},
		{"linked fewer times than found", good, []int{1, 2, 3},
			[]Use{{Note: 1, Anchor: 0}, {Note: 2, Anchor: 1}, {Note: 3, Anchor: 2}},
			[]string{f + ":8: note 3: anchor 保交樓 occurs 2 times in the body but 1 were linked"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := Check(c.anchors, c.uses, c.notes, body)
			if len(errs) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(c.want), errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), c.want[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e.Error(), c.want[i])
				}
			}
		})
	}
}
