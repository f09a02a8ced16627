package tsv

import (
	"reflect"
	"testing"
)

func TestRows(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   string
		want []Row
	}{
		{"empty", "", nil},
		{"comments and blank lines keep line numbers", "# note\n\na\tb\n  \n# x\tno\nc\n",
			[]Row{{Line: 3, Text: "a\tb", Cells: []string{"a", "b"}}, {Line: 6, Text: "c", Cells: []string{"c"}}}},
		{"CRLF", "a\tb\r\nc\td\r\n",
			[]Row{{Line: 1, Text: "a\tb", Cells: []string{"a", "b"}}, {Line: 2, Text: "c\td", Cells: []string{"c", "d"}}}},
		{"empty cells are kept", "\tb\t\n", []Row{{Line: 1, Text: "\tb\t", Cells: []string{"", "b", ""}}}},
		{"no final newline", "a", []Row{{Line: 1, Text: "a", Cells: []string{"a"}}}},
	}
	for _, c := range cases {
		if got := Rows([]byte(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Rows = %#v, want %#v", c.name, got, c.want)
		}
	}
	if got := Rows([]byte("x\ny\n"))[1].Errorf("t.tsv", "bad %s", "y").Error(); got != "t.tsv:2: bad y" {
		t.Errorf("Errorf = %q", got)
	}
}

func FuzzRows(f *testing.F) {
	f.Add("a\tb\n# c\n\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Rows([]byte(s)) {
			if r.Line < 1 || len(r.Cells) == 0 {
				t.Fatalf("row %#v", r)
			}
		}
	})
}
