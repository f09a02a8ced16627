package check

import (
	"strings"
	"testing"

	"edition/generator/internal/report"
)

func TestCompare(t *testing.T) {
	seed := []report.Unit{{Seed: 1, Text: "甲"}, {Seed: 2, Text: "乙乙"}, {Seed: 3, Text: "丙"}}
	u := func(s, w string) unit { return unit{text: s, where: w} }
	cases := []struct {
		name string
		got  []unit
		want []string
	}{
		{"identical", []unit{u("甲", "a:1"), u("乙乙", "a:2"), u("丙", "a:3")}, nil},
		{"changed character", []unit{u("甲", "a:1"), u("乙己", "a:2"), u("丙", "a:3")},
			[]string{`a:2: differs from seed line 2 at character 2: seed "乙乙", edition "乙己"`}},
		{"missing line", []unit{u("甲", "a:1"), u("丙", "a:3")},
			[]string{`a:3: seed line 2 is missing from the edition: "乙乙"`}},
		{"duplicated line", []unit{u("甲", "a:1"), u("乙乙", "a:2"), u("乙乙", "b:9"), u("丙", "a:3")},
			[]string{`b:9: text not in the seed: "乙乙"`}},
		{"out of order", []unit{u("乙乙", "a:2"), u("甲", "a:1"), u("丙", "a:3")},
			[]string{`a:2: seed line 2 is out of order: "乙乙"`}},
		{"extra at end", []unit{u("甲", "a:1"), u("乙乙", "a:2"), u("丙", "a:3"), u("丁", "a:4")},
			[]string{`a:4: text not in the seed: "丁"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range compare(seed, c.got) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
