package chart

import "edition/generator/internal/figures"

// Drawing is a chart resolved for a renderer outside this package (the
// PNG in package pressimg). It is made from the same model as the SVG and
// carries the same words: row labels, value texts with their series in
// words, shares, legend and missing-value lines. So the two cannot
// disagree on what a chart says; only the geometry differs.
type Drawing struct {
	ID, Kind, Title, Subtitle, Note string
	Panels                          []DrawingPanel
	Legend                          []string // key lines under the bars
	Paras                           []string // source paragraph ids, in order of first use
	Description                     string   // the text alternative
	Figures                         []figures.Figure
}

// DrawingPanel is one scale: a unit's rows.
type DrawingPanel struct {
	Heading string // shown only when the chart has several panels
	Max     float64
	Rows    []DrawingRow
	Stat    *DrawingStat // set when the panel holds one value: draw it as a number, not a bar
}

// DrawingStat is a panel's lone value as the SVG draws it: a big number
// with its label and period, never a single bar.
type DrawingStat struct {
	Label   string
	Value   string // in words: "增長4%", "15869元"
	Period  string // "2023年實際"
	Missing string // the series a compare chart lacks: "2024年目標：報告未列數值"
	Target  bool   // a target (the orange of the hatched bars), else an outturn
	Para    string
}

// DrawingRow is a labelled group of bars. In a part chart the first row
// is the whole and the others its parts.
type DrawingRow struct {
	Label   string
	Marks   []DrawingMark
	Missing string // a compare row lacking one series says so in words
	Share   string // a part's share of the whole: "占43.5%"
}

// DrawingMark is one bar.
type DrawingMark struct {
	Value  float64
	Text   string // beside the bar: "2023年實際 2.33億噸"
	Target bool   // hatched: a 2024 target, or a part chart's whole
	Para   string // the paragraph that states it
}

// Draw resolves a spec against the dataset for another renderer.
func Draw(spec *Spec, ds *figures.Dataset) (*Drawing, error) {
	m, err := resolve(spec, ds)
	if err != nil {
		return nil, err
	}
	d := &Drawing{
		ID: spec.ID, Kind: spec.Kind, Title: spec.Title, Subtitle: spec.Subtitle, Note: spec.Note,
		Legend: m.legend(), Paras: m.Paras, Description: m.description(), Figures: m.Figs,
	}
	for _, p := range m.Panels {
		dp := DrawingPanel{Max: p.Max}
		if len(m.Panels) > 1 {
			dp.Heading = p.Heading
		}
		for i, r := range p.Rows {
			dp.Rows = append(dp.Rows, m.drawingRow(p, i, r))
		}
		if p.Stat {
			dp.Stat = m.drawingStat(p.Rows[0])
		}
		d.Panels = append(d.Panels, dp)
	}
	return d, nil
}

func (m *model) drawingRow(p panel, i int, r row) DrawingRow {
	dr := DrawingRow{Label: r.Label}
	if m.Both && len(r.Marks) == 1 {
		dr.Missing = m.missingText(r.Marks[0])
	}
	for _, mk := range r.Marks {
		dm := DrawingMark{Value: mk.Value, Text: m.markText(mk), Target: mk.Series == "b", Para: mk.Fig.Para}
		if m.Spec.Kind == KindPart {
			dm.Text = valueText(mk.Fig)
			dm.Target = i == 0
		}
		dr.Marks = append(dr.Marks, dm)
	}
	if m.Spec.Kind == KindPart && i > 0 {
		dr.Share = share(r.Marks[0], p.Rows[0].Marks[0])
	}
	return dr
}

// legend is the key under a chart's bars, one line each.
func (m *model) legend() []string {
	var out []string
	if m.Both && m.Spec.Kind == KindCompare {
		out = append(out, "實心條為"+m.seriesYear("a")+"實際，斜紋框為"+m.seriesYear("b")+"目標")
	}
	if m.Spec.Kind == KindPart {
		out = append(out, "實心為其中部分，空白框為其餘部分")
	}
	return out
}

// missingText says which series a compare row lacks.
func (m *model) missingText(only mark) string {
	if only.Series == "b" {
		return m.seriesYear("a") + "實際：報告未列數值"
	}
	return m.seriesYear("b") + "目標：報告未列數值"
}

func (m *model) drawingStat(r row) *DrawingStat {
	mk := r.Marks[0]
	st := &DrawingStat{Label: r.Label, Value: sayValue(mk.Fig), Period: period(mk), Target: mk.Series == "b", Para: mk.Fig.Para}
	if m.Both {
		st.Missing = m.missingText(mk)
	}
	return st
}
