package chart

import (
	"fmt"
	"strings"

	"edition/generator/internal/figures"
)

// DatasetTable renders the whole dataset as an HTML table for the figures
// page: one row per figure with its paragraph link and source phrase, and
// a link to the chart that shows it when charts (figure id → chart id, see
// Index) names one.
func DatasetTable(ds *figures.Dataset, cfg Config, charts map[string]string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	b.WriteString(`<table class="figures-table">` + "\n")
	p(`<caption>全部數字（%d項），取自報告原文</caption>`+"\n", len(ds.Figures))
	b.WriteString(`<thead><tr><th scope="col">編號</th><th scope="col">指標</th><th scope="col">數值</th><th scope="col">時期</th><th scope="col">類型</th><th scope="col">原文</th><th scope="col">圖表</th></tr></thead>` + "\n<tbody>\n")
	for _, f := range ds.Figures {
		chart := ""
		if c, ok := charts[f.ID]; ok {
			href := "#chart-" + c
			if cfg.ChartHref != nil {
				if h, ok := cfg.ChartHref(f.ID); ok {
					href = h
				}
			}
			chart = fmt.Sprintf(`<a href="%s">%s</a>`, esc(href), esc(c))
		}
		p(`<tr id="fig-%s"><td><code>%s</code></td><th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td><td><a href="%s">%s</a>「%s」</td><td>%s</td></tr>`+"\n",
			esc(f.ID), esc(f.ID), esc(f.Measure), esc(sayValue(f)), esc(period(mark{Fig: f})), esc(typeName(f.Type)),
			esc(cfg.href(f.Para)), esc(cfg.cite(f.Para)), esc(f.Phrase), chart)
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

func typeName(t string) string {
	switch t {
	case figures.TypeGrowth:
		return "增速"
	case figures.TypeShare:
		return "比例"
	}
	return "總量"
}

// ParaLinks returns a func for the markup extension's Config.After: for a
// paragraph that states a charted figure it gives a link to each such
// chart, marked data-ed as an editorial insertion. chartHref turns a chart
// id into its URL (nil: "#chart-"+id).
func ParaLinks(ds *figures.Dataset, specs []*Spec, chartHref func(chartID string) string) func(para string) string {
	byPara := map[string][]*Spec{}
	for _, s := range specs {
		seen := map[string]bool{}
		for _, id := range s.Figures {
			f, ok := ds.Lookup(id)
			if !ok || seen[f.Para] {
				continue
			}
			seen[f.Para] = true
			byPara[f.Para] = append(byPara[f.Para], s)
		}
	}
	return func(para string) string {
		var b strings.Builder
		for _, s := range byPara[para] {
			href := "#chart-" + s.ID
			if chartHref != nil {
				href = chartHref(s.ID)
			}
			fmt.Fprintf(&b, ` <a class="chart-ref" href="%s" data-ed>圖：%s</a>`, esc(href), esc(s.Title))
		}
		return b.String()
	}
}
