package chart

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"edition/generator/internal/figures"
)

// mark is one bar.
type mark struct {
	Fig    figures.Figure
	Series string // "a" outturn or single series, "b" target
	Value  float64
}

type row struct {
	Label string
	Marks []mark
}

type panel struct {
	Unit    string // base unit
	Heading string // shown when a chart has several panels
	Rows    []row
	Max     float64
	// Stat: the panel holds one value, drawn as a big number with its
	// label and period, not as a lone bar that compares with nothing.
	Stat bool
}

// model is a spec resolved against the dataset and checked.
type model struct {
	Spec   *Spec
	Panels []panel
	Figs   []figures.Figure // in spec order
	Paras  []string         // source paragraphs in order of first use
	Both   bool             // a compare chart with both outturns and targets
}

// resolve checks a spec against the dataset: unknown figures, mixed units
// on one axis, negative values and part charts whose parts exceed the
// whole are errors at the spec line naming the figure.
func resolve(s *Spec, ds *figures.Dataset) (*model, error) {
	m := &model{Spec: s}
	seenPara := map[string]bool{}
	for _, id := range s.Figures {
		f, ok := ds.Lookup(id)
		if !ok {
			return nil, &SpecError{s.FigureLines[id], fmt.Sprintf("unknown figure %q: it is not in the figures dataset", id)}
		}
		if v, ok := figures.Float(f.Value); !ok || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, &SpecError{s.FigureLines[id], fmt.Sprintf("figure %s has value %q; charts show numbers ≥ 0", id, f.Value)}
		}
		m.Figs = append(m.Figs, f)
		if !seenPara[f.Para] {
			seenPara[f.Para] = true
			m.Paras = append(m.Paras, f.Para)
		}
	}
	if err := m.checkUnits(); err != nil {
		return nil, err
	}
	var err error
	switch s.Kind {
	case KindBar:
		m.buildBars()
	case KindCompare:
		m.buildCompare()
	case KindPart:
		err = m.buildPart()
	}
	return m, err
}

func (m *model) checkUnits() error {
	first := m.Figs[0]
	_, u0 := first.Base()
	for _, f := range m.Figs[1:] {
		if _, u := f.Base(); u != u0 && !m.Spec.Panels {
			return &SpecError{m.Spec.FigureLines[f.ID], fmt.Sprintf("mixes units on one axis: %s is in %s but %s is in %s; add \"panels: unit\" or make two charts", first.ID, first.Unit, f.ID, f.Unit)}
		}
	}
	return nil
}

// panelFor returns the panel for a figure's base unit, adding it in order
// of first use.
func (m *model) panelFor(f figures.Figure) *panel {
	_, u := f.Base()
	for i := range m.Panels {
		if m.Panels[i].Unit == u {
			return &m.Panels[i]
		}
	}
	m.Panels = append(m.Panels, panel{Unit: u, Heading: unitHeading(f)})
	return &m.Panels[len(m.Panels)-1]
}

func unitHeading(f figures.Figure) string {
	switch f.Type {
	case figures.TypeGrowth:
		return "比上年增長（%）"
	case figures.TypeShare:
		return "比例（%）"
	}
	return "單位：" + f.Unit
}

func (m *model) label(f figures.Figure) string {
	if l, ok := m.Spec.Labels[f.ID]; ok {
		return l
	}
	if f.Measure != "" {
		return f.Measure
	}
	return f.ID
}

func newMark(f figures.Figure, series string) mark {
	v, _ := f.Base()
	return mark{Fig: f, Series: series, Value: v}
}

func (m *model) buildBars() {
	for _, f := range m.Figs {
		p := m.panelFor(f)
		p.Rows = append(p.Rows, row{Label: m.label(f), Marks: []mark{newMark(f, "a")}})
	}
	m.finish()
}

func (m *model) buildCompare() {
	var hasA, hasB bool
	for _, f := range m.Figs {
		p := m.panelFor(f)
		s := "a"
		if f.Kind == figures.KindTarget {
			s, hasB = "b", true
		} else {
			hasA = true
		}
		l := m.label(f)
		i := 0
		for i < len(p.Rows) && p.Rows[i].Label != l {
			i++
		}
		if i == len(p.Rows) {
			p.Rows = append(p.Rows, row{Label: l})
		}
		p.Rows[i].Marks = append(p.Rows[i].Marks, newMark(f, s))
	}
	m.Both = hasA && hasB
	for pi := range m.Panels {
		for ri := range m.Panels[pi].Rows {
			ms := m.Panels[pi].Rows[ri].Marks
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Series < ms[j].Series })
		}
	}
	m.finish()
}

func (m *model) buildPart() error {
	for _, f := range m.Figs {
		p := m.panelFor(f)
		p.Rows = append(p.Rows, row{Label: m.label(f), Marks: []mark{newMark(f, "a")}})
	}
	for i := range m.Panels {
		p := &m.Panels[i]
		if len(p.Rows) < 2 {
			f := p.Rows[0].Marks[0].Fig
			return &SpecError{m.Spec.FigureLines[f.ID], fmt.Sprintf("a part chart needs a whole and at least one part in %s; %s is alone", f.Unit, f.ID)}
		}
		// The whole is the largest figure; it goes first.
		sort.SliceStable(p.Rows, func(a, b int) bool { return p.Rows[a].Marks[0].Value > p.Rows[b].Marks[0].Value })
		var sum float64
		for _, r := range p.Rows[1:] {
			sum += r.Marks[0].Value
		}
		if w := p.Rows[0].Marks[0]; sum > w.Value*1.000001 {
			return &SpecError{m.Spec.FigureLines[w.Fig.ID], fmt.Sprintf("the parts add up to more than the whole %s (%s)", w.Fig.ID, w.Fig.Label())}
		}
	}
	m.finish()
	return nil
}

// finish sorts rows and sets each panel's scale.
func (m *model) finish() {
	for i := range m.Panels {
		p := &m.Panels[i]
		if m.Spec.Sort != "" && m.Spec.Kind != KindPart {
			sort.SliceStable(p.Rows, func(a, b int) bool {
				x, y := p.Rows[a].Marks[0].Value, p.Rows[b].Marks[0].Value
				if m.Spec.Sort == "asc" {
					return x < y
				}
				return x > y
			})
		}
		for _, r := range p.Rows {
			for _, mk := range r.Marks {
				p.Max = math.Max(p.Max, mk.Value)
			}
		}
		p.Stat = m.Spec.Kind != KindPart && len(p.Rows) == 1 && len(p.Rows[0].Marks) == 1
	}
}

// seriesName names a mark's series in words, so no meaning rests on
// colour or pattern alone.
func (m *model) seriesName(mk mark) string {
	if m.Spec.Kind != KindCompare {
		return ""
	}
	y := ""
	if mk.Fig.Year != 0 {
		y = strconv.Itoa(mk.Fig.Year) + "年"
	}
	switch mk.Fig.Kind {
	case figures.KindOutturn:
		return y + "實際"
	case figures.KindTarget:
		return y + "目標"
	}
	return y
}

// valueText is a figure as the chart prints it beside its bar.
func valueText(f figures.Figure) string { return f.Label() }

// sayValue is a figure in a sentence: "增長4.7%".
func sayValue(f figures.Figure) string {
	if f.Type == figures.TypeGrowth {
		return "增長" + f.Label()
	}
	return f.Label()
}

// description is the one-paragraph text alternative of the chart.
func (m *model) description() string {
	var parts []string
	for _, p := range m.Panels {
		for i, r := range p.Rows {
			var vs []string
			for _, mk := range r.Marks {
				s := sayValue(mk.Fig)
				if n := m.seriesName(mk); n != "" {
					s = n + s
				}
				vs = append(vs, s)
			}
			item := r.Label + "：" + strings.Join(vs, "，")
			if m.Spec.Kind == KindPart && i > 0 {
				item = "其中" + item + "（" + share(r.Marks[0], p.Rows[0].Marks[0]) + "）"
			}
			parts = append(parts, item)
		}
	}
	return strings.Join(parts, "；") + "。"
}

// share is a part's share of its whole in words: "占43.5%", or "約占41%"
// when the whole is a lower bound (突破2000萬千瓦).
func share(part, whole mark) string {
	if whole.Value == 0 {
		return "占比不詳"
	}
	pct := part.Value / whole.Value * 100
	if strings.ContainsAny(whole.Fig.Qualifier, "突超上") {
		// The whole is a lower bound, so the share is an upper bound.
		return fmt.Sprintf("按%s%s計約占%.0f%%", whole.Fig.Value, whole.Fig.Unit, pct)
	}
	return "占" + strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", pct), "0"), ".") + "%"
}
