package figures

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Proposal is a default chart for a report the edition has no curated
// charts for: a ```chart block placed after the paragraph it illustrates,
// for the editor to keep, change or delete.
type Proposal struct {
	After string // paragraph id
	Block string // the whole fenced block, ending in a newline
}

// ProposeConfig says how to word the proposals.
type ProposeConfig struct {
	Simplified bool // the report's script; titles are written in it
}

// reScope is a scope word a measure may open with (全省地区生产总值).
var reScope = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(全省|全市|全区|全區|全县|全縣|全自治区|全自治區|全州|全盟|全年|我省|我市|我区|我區)`)
})

// reGrowthTail is what may follow a measure's name before its figure.
var reGrowthTail = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(增长|增長|增速|增幅|年均)$`) })

// measureKey reduces a measure to what names it across the report:
// 全省地区生产总值增长 and 地区生产总值 are one measure.
func measureKey(m string) string {
	m = reScope().ReplaceAllString(strings.TrimSpace(m), "")
	return reGrowthTail().ReplaceAllString(m, "")
}

// Propose returns default charts from a report's own figures: its main
// growth targets as bars, and last year's outturn against this year's
// target for every measure the report gives both for. Nothing is proposed
// from figures without a year and a kind.
func Propose(figs []Figure, cfg ProposeConfig) []Proposal {
	var out []Proposal
	if p, ok := mainTargets(figs, cfg); ok {
		out = append(out, p)
	}
	if p, ok := outturnAndTarget(figs, cfg); ok {
		out = append(out, p)
	}
	return out
}

func pick(simp bool, hans, hant string) string {
	if simp {
		return hans
	}
	return hant
}

// growthFigures returns the growth figures of a kind, keeping the first of
// each measure.
func growthFigures(figs []Figure, kind string) []Figure {
	var out []Figure
	seen := map[string]bool{}
	for _, f := range figs {
		k := measureKey(f.Measure)
		// A measure of a word or two (和, 力争) is a list's tail the
		// extractor could not name: no chart row from it.
		if f.Kind != kind || f.Type != TypeGrowth || utf8.RuneCountInString(k) < 3 || seen[k] {
			continue
		}
		if v, ok := Float(f.Value); !ok || v < 0 {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// mainTargets charts the first plan paragraph that sets three or more
// growth targets: the report's 主要预期目标.
func mainTargets(figs []Figure, cfg ProposeConfig) (Proposal, bool) {
	byPara := map[string][]Figure{}
	var order []string
	for _, f := range growthFigures(figs, KindTarget) {
		if byPara[f.Para] == nil {
			order = append(order, f.Para)
		}
		byPara[f.Para] = append(byPara[f.Para], f)
	}
	for _, para := range order {
		fs := byPara[para]
		if len(fs) < 3 {
			continue
		}
		fs = fs[:min(len(fs), 8)]
		year := fs[0].Year
		var b strings.Builder
		fmt.Fprintf(&b, "id: main-targets\nkind: bar\ntitle: %d%s\n", year, pick(cfg.Simplified, "年主要预期目标", "年主要預期目標"))
		fmt.Fprintf(&b, "subtitle: %s\n", pick(cfg.Simplified, "比上年增长，%", "比上年增長，%"))
		b.WriteString("figures: " + ids(fs) + "\n")
		labels(&b, fs)
		return Proposal{After: para, Block: "```chart\n" + b.String() + "```\n"}, true
	}
	return Proposal{}, false
}

// outturnAndTarget pairs each growth target with the same measure's
// outturn, when the report states both.
func outturnAndTarget(figs []Figure, cfg ProposeConfig) (Proposal, bool) {
	outturn := map[string]Figure{}
	for _, f := range growthFigures(figs, KindOutturn) {
		outturn[measureKey(f.Measure)] = f
	}
	var pairs []Figure
	after := ""
	for _, t := range growthFigures(figs, KindTarget) {
		o, ok := outturn[measureKey(t.Measure)]
		if !ok || len(pairs) >= 12 {
			continue
		}
		pairs = append(pairs, o, t)
		if after == "" {
			after = t.Para
		}
	}
	if len(pairs) < 2 {
		return Proposal{}, false
	}
	oy, ty := pairs[0].Year, pairs[1].Year
	var b strings.Builder
	fmt.Fprintf(&b, "id: outturn-and-target\nkind: compare\ntitle: %s\n", pick(cfg.Simplified,
		fmt.Sprintf("%d年实际与%d年目标", oy, ty), fmt.Sprintf("%d年實際與%d年目標", oy, ty)))
	fmt.Fprintf(&b, "subtitle: %s\n", pick(cfg.Simplified, "比上年增长，%", "比上年增長，%"))
	b.WriteString("figures: " + ids(pairs) + "\n")
	labels(&b, pairs)
	return Proposal{After: after, Block: "```chart\n" + b.String() + "```\n"}, true
}

func ids(fs []Figure) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.ID)
	}
	return strings.Join(s, ", ")
}

// labels names each row by its measure without scope words, so an outturn
// and its target share a row.
func labels(b *strings.Builder, fs []Figure) {
	for _, f := range fs {
		if k := measureKey(f.Measure); k != f.Measure {
			fmt.Fprintf(b, "label %s: %s\n", f.ID, k)
		}
	}
}
