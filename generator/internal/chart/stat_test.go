package chart

import (
	"strings"
	"testing"

	"edition/generator/internal/figures"
)

// statData holds one outturn with its target, another outturn alone and
// a part of a whole.
const statData = "id\tpara\tphrase\tmeasure\tvalue\tunit\tyear\tkind\ttype\tqualifier\tnote\n" +
	"g23\tp1-2\t原煤2.33億噸\t原煤產量\t2.33\t億噸\t2023\toutturn\tlevel\t\t\n" +
	"g24\tp2-2-1\t原煤2億噸左右\t原煤產量\t2\t億噸\t2024\ttarget\tlevel\t左右\t\n" +
	"inc\tp1-5\t人均純收入15869元\t脫貧人口人均純收入\t15869\t元\t2023\toutturn\tlevel\t\t\n" +
	"gdp\tp2-1\t增長5%以上\t地區生產總值\t5\t%\t2024\ttarget\tgrowth\t以上\t\n" +
	"cap\tp2-1-1\t裝機2000萬千瓦\t電力裝機容量\t2000\t萬千瓦\t2024\ttarget\tlevel\t\t\n" +
	"new\tp2-1-1\t新能源825萬千瓦\t新能源裝機\t825\t萬千瓦\t2024\ttarget\tlevel\t\t\n"

// TestStat: a panel holding one value is drawn as a big number (label,
// value in words, period, what a compare chart lacks), in the SVG and in
// the Drawing the press images use; two values or a part chart are bars.
func TestStat(t *testing.T) {
	ds, err := figures.Parse("stat.tsv", []byte(statData))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		spec  string
		stats []*DrawingStat // per panel; nil: bars
	}{
		{"one figure in a bar chart", "kind: bar\nfigures: inc",
			[]*DrawingStat{{Label: "脫貧人口人均純收入", Value: "15869元", Period: "2023年實際", Para: "p1-5"}}},
		{"one target, growth in words", "kind: compare\nfigures: gdp",
			[]*DrawingStat{{Label: "地區生產總值", Value: "增長5%以上", Period: "2024年目標", Target: true, Para: "p2-1"}}},
		{"outturn and target: bars", "kind: compare\nfigures: g23, g24", []*DrawingStat{nil}},
		{"a lone value beside a compared pair", "kind: compare\npanels: unit\nfigures: g23, g24, inc",
			[]*DrawingStat{nil, {Label: "脫貧人口人均純收入", Value: "15869元", Period: "2023年實際", Missing: "2024年目標：報告未列數值", Para: "p1-5"}}},
		{"two figures of one unit in a bar chart: bars", "kind: bar\nfigures: g23, g24", []*DrawingStat{nil}},
		{"two units, one value each: two big numbers", "kind: bar\npanels: unit\nfigures: inc, g23", []*DrawingStat{
			{Label: "脫貧人口人均純收入", Value: "15869元", Period: "2023年實際", Para: "p1-5"},
			{Label: "原煤產量", Value: "2.33億噸", Period: "2023年實際", Para: "p1-2"}}},
		{"a part chart is never a stat", "kind: part\nfigures: cap, new", []*DrawingStat{nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec, err := ParseSpec("id: s\ntitle: 標題\n" + tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Draw(spec, ds)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Panels) != len(tc.stats) {
				t.Fatalf("%d panels, want %d", len(d.Panels), len(tc.stats))
			}
			for i, want := range tc.stats {
				got := d.Panels[i].Stat
				switch {
				case (got == nil) != (want == nil):
					t.Errorf("panel %d: stat %+v, want %+v", i, got, want)
				case got != nil && *got != *want:
					t.Errorf("panel %d: stat %+v, want %+v", i, *got, *want)
				}
			}
			m, err := resolve(spec, ds)
			if err != nil {
				t.Fatal(err)
			}
			for _, narrow := range []bool{false, true} {
				svg := m.render(svgOptions{Href: func(p string) string { return "#" + p }, Cite: func(p string) string { return p }, Labelledby: "t", Narrow: narrow})
				stats, bars := strings.Count(svg, `class="t-stat `), strings.Count(svg, `class="m-`)
				wantStats, wantBars := 0, 0
				for _, p := range m.Panels {
					if p.Stat {
						wantStats++
						continue
					}
					for _, r := range p.Rows {
						wantBars += len(r.Marks)
					}
				}
				if stats != wantStats || bars != wantBars {
					t.Errorf("narrow=%v: %d big numbers and %d bars, want %d and %d", narrow, stats, bars, wantStats, wantBars)
				}
			}
		})
	}
}
