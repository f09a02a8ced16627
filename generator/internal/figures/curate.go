package figures

import (
	"fmt"
	"strings"
)

// A curation gives one extracted figure a readable id and a checked
// measure. It finds the figure by paragraph and a piece of its phrase.
type curation struct {
	Para, Match string // the figure in Para whose phrase contains Match
	ID, Measure string
	Note        string
}

// curations are the figures the default charts use, checked by hand
// against the report text. Keep Match to the number as printed with enough
// words around it to be unique in its paragraph.
var curations = []curation{
	// 一¶2: energy and the main indicators in 2023.
	{"p1-2", "原煤2.33億噸", "coal-2023", "原煤產量", ""},
	{"p1-2", "增長7.2%", "coal-growth-2023", "原煤產量", ""},
	{"p1-2", "發電量679.9億千瓦時", "power-2023", "發電量", ""},
	{"p1-2", "增長7.6%", "power-growth-2023", "發電量", ""},
	{"p1-2", "外送558.7億千瓦時", "power-export-2023", "外送電量", "發電量之中外送省外的部分"},
	{"p1-2", "增長7.7%", "power-export-growth-2023", "外送電量", ""},
	{"p1-2", "地區生產總值增長4.7%", "gdp-2023", "地區生產總值", ""},
	{"p1-2", "規上工業增加值增長4%", "industry-2023", "規上工業增加值", ""},
	{"p1-2", "社會消費品零售總額增長5.8%", "retail-2023", "社會消費品零售總額", ""},
	{"p1-2", "固定資產投資增長1.6%", "investment-2023", "固定資產投資", ""},
	// 一¶3: the new economy, energy capacity, grain.
	{"p1-3", "省級產業鏈營業收入增長35.7%", "chain-revenue-2023", "省級產業鏈營業收入", ""},
	{"p1-3", "懷仁陶瓷專業鎮產值增長21%", "ceramics-2023", "懷仁陶瓷專業鎮產值", ""},
	{"p1-3", "煤炭先進產能占比86.5%", "advanced-coal-share-2023", "煤炭先進產能占比", ""},
	{"p1-3", "新能源裝機77.7萬千瓦", "new-energy-added-2023", "新增新能源裝機", ""},
	{"p1-3", "糧食總產25.79億斤", "grain-2023", "糧食產量", ""},
	{"p1-3", "畝產623斤", "grain-yield-2023", "糧食畝產", ""},
	{"p1-3", "農產品加工銷售收入387.36億元", "agri-processing-2023", "農產品加工銷售收入", ""},
	{"p1-3", "增長16.32%", "agri-processing-growth-2023", "農產品加工銷售收入", ""},
	{"p1-3", "非煤電產業增加值增長45.6%", "non-coal-power-2023", "非煤電產業增加值", ""},
	{"p1-3", "制造業增加值增長52.1%", "manufacturing-2023", "制造業增加值", ""},
	{"p1-3", "制造業投資增長16.9%", "manufacturing-investment-2023", "制造業投資", ""},
	{"p1-3", "第三產業投資增長10.1%", "tertiary-investment-2023", "第三產業投資", ""},
	{"p1-3", "高技術產業投資增長29.5%", "high-tech-investment-2023", "高技術產業投資", ""},
	// 一¶4, ¶5, ¶6: firms, roads, incomes, jobs.
	{"p1-4", "高新技術企業達到107家", "high-tech-firms-2023", "高新技術企業數", ""},
	{"p1-5", "長城一號旅游公路127公里", "great-wall-road-2023", "長城一號旅游公路", "當年建成里程"},
	{"p1-5", "“四好農村路”193公里", "rural-roads-2023", "“四好農村路”", "當年建成里程"},
	{"p1-5", "改造老舊小區34個", "old-estates-2023", "改造老舊小區", ""},
	{"p1-5", "脫貧人口人均純收入達15869元", "poverty-income-2023", "脫貧人口人均純收入", ""},
	{"p1-5", "增長15.9%", "poverty-income-growth-2023", "脫貧人口人均純收入", ""},
	{"p1-6", "城鎮新增就業23608人", "urban-jobs-2023", "城鎮新增就業", ""},
	{"p1-6", "分別增長4%", "urban-income-growth-2023", "城鎮居民人均可支配收入", "原文「城鄉居民人均可支配收入分別增長4%、8.7%」，前者為城鎮"},
	{"p1-6", "8.7%", "rural-income-growth-2023", "農村居民人均可支配收入", "原文「城鄉居民人均可支配收入分別增長4%、8.7%」，後者為農村"},
	// 二¶3: the main targets for 2024.
	{"p2-3", "地區生產總值增長5%以上", "gdp-2024", "地區生產總值", "並「在實際工作中盡可能爭取更好結果」"},
	{"p2-3", "固定資產投資增長10.5%以上", "investment-2024", "固定資產投資", ""},
	{"p2-3", "社會消費品零售總額增長5.5%以上", "retail-2024", "社會消費品零售總額", ""},
	{"p2-3", "一般公共預算收入增長3%以上", "revenue-2024", "一般公共預算收入", "2023年增速報告未列"},
	// 二（一）¶1: power capacity.
	{"p2-1-1", "電力裝機容量突破2000萬千瓦", "capacity-2024", "電力裝機容量", ""},
	{"p2-1-1", "新能源裝機825萬千瓦", "new-energy-capacity-2024", "新能源裝機", "電力裝機容量之中"},
	// 二（二）¶1, ¶2: supply and the investment plan.
	{"p2-2-1", "原煤產量穩定在2億噸左右", "coal-2024", "原煤產量", ""},
	{"p2-2-1", "發電量達到700億千瓦時", "power-2024", "發電量", ""},
	{"p2-2-1", "規上工業增加值增長4%", "industry-2024", "規上工業增加值", ""},
	{"p2-2-2", "計劃實施項目1193個", "projects-2024", "計劃實施項目", ""},
	{"p2-2-2", "年度計劃投資837.48億元", "project-investment-2024", "年度計劃投資", "是2023年全市固定資產投資總額的2倍以上"},
	{"p2-2-2", "產業項目519個", "industry-projects-2024", "產業項目", "計劃實施項目之中"},
	{"p2-2-2", "年度計劃投資473.37億元", "industry-project-investment-2024", "產業項目年度計劃投資", "年度計劃投資之中"},
	// 二（三）, 二（五）, 二（七）.
	{"p2-3-2", "高新技術企業總數達到118家", "high-tech-firms-2024", "高新技術企業數", ""},
	{"p2-5-1", "長城一號旅游公路214.2公里", "great-wall-road-2024", "長城一號旅游公路", "當年建成里程"},
	{"p2-5-1", "“四好農村路”183.5公里", "rural-roads-2024", "“四好農村路”", "當年建成里程"},
	{"p2-5-2", "改造老舊小區15個", "old-estates-2024", "改造老舊小區", ""},
	{"p2-5-3", "產量達到25.92億斤以上", "grain-2024", "糧食產量", ""},
	{"p2-5-3", "脫貧人口收入增速保持在15%左右", "poverty-income-growth-2024", "脫貧人口人均純收入", "原文「脫貧人口收入增速」"},
	{"p2-7-1", "城鎮新增就業1.9萬人", "urban-jobs-2024", "城鎮新增就業", ""},
}

// Curate gives the figures used by charts their readable ids and checked
// measures. It fails when a curation no longer finds exactly one figure,
// so a changed text or extractor cannot silently drop a charted figure.
func Curate(figs []Figure) ([]Figure, error) {
	out := append([]Figure(nil), figs...)
	var missing []string
	for _, c := range curations {
		hit := -1
		for i, f := range out {
			if f.Para == c.Para && strings.Contains(f.Phrase, c.Match) {
				if hit >= 0 {
					missing = append(missing, fmt.Sprintf("%s (%s %q matches several figures)", c.ID, c.Para, c.Match))
					hit = -2
					break
				}
				hit = i
			}
		}
		switch {
		case hit == -1:
			missing = append(missing, fmt.Sprintf("%s (%s %q not found)", c.ID, c.Para, c.Match))
		case hit >= 0:
			out[hit].ID, out[hit].Measure, out[hit].Note = c.ID, c.Measure, c.Note
		}
	}
	if len(missing) > 0 {
		return out, fmt.Errorf("figures: curation out of date: %s", strings.Join(missing, "; "))
	}
	return out, nil
}

// Build extracts and curates the figures of a report into a dataset at
// path, ready for Format.
func Build(path string, paras []Para) (*Dataset, error) {
	figs, err := Curate(Extract(paras))
	if err != nil {
		return nil, err
	}
	return NewDataset(path, figs), nil
}
