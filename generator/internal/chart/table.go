package chart

import (
	"fmt"
	"strings"

	"edition/generator/internal/figures"
)

// DatasetTable renders the whole dataset as an HTML table for the figures
// page: one row per figure with its paragraph link and source phrase, and
// a link to the chart that shows it when charts (figure id → chart id, see
// Index) names one. Readers see words only: the figure's id stays in the
// row's anchor and in the CSV, never in a cell (as OWID's and
// Datawrapper's tables show labels, not keys). Each cell carries its
// column's name in data-label, so a phone can show a row as a card.
func DatasetTable(ds *figures.Dataset, cfg Config, charts map[string]string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	b.WriteString(`<table class="figures-table">` + "\n")
	p(`<caption>全部數字（%d項），取自報告原文</caption>`+"\n", len(ds.Figures))
	b.WriteString(`<thead><tr><th scope="col">指標</th><th scope="col">數值</th><th scope="col">時期</th><th scope="col">原文</th><th scope="col">圖表</th></tr></thead>` + "\n<tbody>\n")
	for _, f := range ds.Figures {
		chart := ""
		if c, ok := charts[f.ID]; ok {
			href := "#chart-" + c
			if cfg.ChartHref != nil {
				if h, ok := cfg.ChartHref(f.ID); ok {
					href = h
				}
			}
			chart = fmt.Sprintf(`<a href="%s">看圖表</a>`, esc(href))
		}
		p(`<tr id="fig-%s"><th scope="row">%s</th><td data-label="數值">%s</td><td data-label="時期">%s</td><td data-label="原文"><a href="%s">%s</a>「%s」</td><td data-label="圖表">%s</td></tr>`+"\n",
			esc(f.ID), esc(f.Measure), esc(sayValue(f)), esc(period(mark{Fig: f})), esc(cfg.href(f.Para)), esc(cfg.cite(f.Para)), esc(f.Phrase), chart)
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
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
