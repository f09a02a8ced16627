package figures

import (
	"strings"
	"testing"
)

func TestPropose(t *testing.T) {
	paras := []Para{
		{ID: "p1-2", Year: 2024, Kind: KindOutturn, Text: "全区地区生产总值增长6.3%，社会消费品零售总额增长7.2%，粮食产量达到110万吨。"},
		{ID: "p2-3", Year: 2025, Kind: KindTarget, Text: "主要预期目标是：地区生产总值增长7%以上，社会消费品零售总额增长8%，规上工业增加值增长16%。"},
	}
	ps := Propose(Extract(paras), ProposeConfig{Simplified: true})
	if len(ps) != 2 {
		t.Fatalf("%d proposals, want main targets and outturn against target: %+v", len(ps), ps)
	}
	cases := []struct {
		name, after string
		want        []string
	}{
		{"main targets", "p2-3", []string{"kind: bar", "title: 2025年主要预期目标", "figures: p2-3.1, p2-3.2, p2-3.3"}},
		{"outturn and target", "p2-3", []string{"kind: compare", "title: 2024年实际与2025年目标", "figures: p1-2.1, p2-3.1, p1-2.2, p2-3.2", "label p1-2.1: 地区生产总值"}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if ps[i].After != c.after {
				t.Errorf("placed after %s, want %s", ps[i].After, c.after)
			}
			for _, w := range c.want {
				if !strings.Contains(ps[i].Block, w) {
					t.Errorf("block lacks %q:\n%s", w, ps[i].Block)
				}
			}
		})
	}
	// Without years nothing is proposed: no chart says something wrong.
	for i := range paras {
		paras[i].Year, paras[i].Kind = 0, ""
		paras[i].ID = "p3-" + paras[i].ID[3:]
	}
	if ps := Propose(Extract(paras), ProposeConfig{}); len(ps) != 0 {
		t.Errorf("proposals from figures without a period: %+v", ps)
	}
}
