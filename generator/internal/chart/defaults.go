package chart

import (
	"strings"

	"edition/generator/internal/figures"
)

// Placement is a chart block to insert right after a report paragraph.
type Placement struct {
	After string // paragraph id
	Block string // the whole ```chart … ``` block, ending in a newline
}

// defaultSpecs are the charts the edition ships, each placed after the
// paragraph it illustrates.
var defaultSpecs = []struct{ after, spec string }{
	{"p1-3", `id: new-economy
kind: bar
title: 新動能：2023年各項增速
subtitle: 比上年增長，%；2023年實際，按增速排序
sort: desc
figures: non-coal-power-2023, manufacturing-2023, manufacturing-investment-2023, tertiary-investment-2023, high-tech-investment-2023, chain-revenue-2023, ceramics-2023, agri-processing-growth-2023
`},
	{"p1-6", `id: incomes
kind: compare
title: 居民收入：2023年增速與2024年目標
subtitle: 增速為比上年增長（%），脫貧人口人均純收入為元
panels: unit
figures: urban-income-growth-2023, rural-income-growth-2023, poverty-income-growth-2023, poverty-income-growth-2024, poverty-income-2023
note: 2024年城鎮居民收入增速目標為「與經濟增長基本同步」，農村為「高于經濟增長水平」（二¶3），未列數值。
`},
	{"p2-3", `id: main-targets
kind: compare
title: 主要經濟指標：2023年實際增速與2024年預期目標
subtitle: 比上年增長，%；“以上”表示目標下限
figures: gdp-2023, gdp-2024, industry-2023, industry-2024, retail-2023, retail-2024, investment-2023, investment-2024, revenue-2024
`},
	{"p2-1-1", `id: power-capacity
kind: part
title: 2024年電力裝機容量目標及其中的新能源
subtitle: 萬千瓦；2024年目標
figures: capacity-2024, new-energy-capacity-2024
`},
	{"p2-2-1", `id: energy
kind: compare
title: 能源保供：原煤與發電量
subtitle: 原煤為億噸，發電量與外送電量為億千瓦時；2023年實際，2024年目標
panels: unit
figures: coal-2023, coal-2024, power-2023, power-2024, power-export-2023
`},
	{"p2-2-2", `id: investment-plan
kind: part
title: 2024年項目計劃及其中的產業項目
subtitle: 項目為個，年度計劃投資為億元；2024年計劃
panels: unit
figures: projects-2024, industry-projects-2024, project-investment-2024, industry-project-investment-2024
label industry-project-investment-2024: 產業項目
`},
	{"p2-3-2", `id: high-tech-firms
kind: compare
title: 高新技術企業數
subtitle: 家；2023年實際，2024年目標（總數）
figures: high-tech-firms-2023, high-tech-firms-2024
`},
	{"p2-5-1", `id: roads
kind: compare
title: 公路建設：當年建成里程
subtitle: 公里；2023年實際，2024年計劃
figures: great-wall-road-2023, great-wall-road-2024, rural-roads-2023, rural-roads-2024
`},
	{"p2-5-3", `id: grain
kind: compare
title: 糧食產量：2023年實際與2024年目標
subtitle: 億斤
figures: grain-2023, grain-2024
`},
	{"p2-7-1", `id: urban-jobs
kind: compare
title: 城鎮新增就業
subtitle: 人（1.9萬人即19000人）；2023年實際，2024年目標
figures: urban-jobs-2023, urban-jobs-2024
`},
}

// Defaults returns the edition's chart blocks with the paragraph each
// follows, in report order of those paragraphs' first appearance in the
// list. A chart naming a figure that ds lacks is left out, so renamed
// figures drop a chart instead of breaking the import; Check reports them.
func Defaults(ds *figures.Dataset) []Placement {
	var out []Placement
	for _, d := range defaultSpecs {
		s, err := ParseSpec(d.spec)
		if err != nil {
			continue
		}
		ok := true
		for _, id := range s.Figures {
			if _, found := ds.Lookup(id); !found {
				ok = false
			}
		}
		if ok {
			out = append(out, Placement{After: d.after, Block: "```chart\n" + strings.TrimSuffix(d.spec, "\n") + "\n```\n"})
		}
	}
	return out
}

// DefaultSpecs returns the parsed default specs (for the figures page and
// the standalone SVG downloads).
func DefaultSpecs() []*Spec {
	var out []*Spec
	for _, d := range defaultSpecs {
		if s, err := ParseSpec(d.spec); err == nil {
			out = append(out, s)
		}
	}
	return out
}
