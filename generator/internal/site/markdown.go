package site

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"edition/generator/internal/chart"
	"edition/generator/internal/markup"
	"edition/generator/internal/terms"
)

// convertChartsPriority runs the chart text conversion after the chart
// transformer has drawn the charts.
const convertChartsPriority = 3500

// markdown is the page pipeline, declared here and nowhere else: the
// goldmark extensions, listed in the order their AST transformers run
// (goldmark runs lower priorities first; TestExtensionOrder checks it).
//
//	markup         markup.Priority        paragraph IDs {#id}, citation labels, bold lead-ins, CJK line breaks
//	terms          terms.Priority         policy terms → links to their notes (every occurrence)
//	chart          chart.Priority         ```chart blocks → figures; figure phrases → links to their chart
//	convertCharts  convertChartsPriority  chart text → the edition's script (Simplified only)
//
// Per-page inputs reach the extensions through goldmark's parser.Context
// (markup.NewContext) and the edition's config functions.
func (e *edition) markdown() goldmark.Markdown {
	convert := e.Convert || e.Lang == "zh-Hans"
	cc := e.chartConfig()
	// One layout per chart for every page of this build (its page and the
	// figures page), put in the edition's script once.
	cc.Layouts = &chart.Layouts{}
	if convert {
		cc.Convert = convertCharts{e.mixed}.drawn
	}
	exts := []goldmark.Extender{
		markup.New(markup.Config{}),
		terms.New(terms.Config{Anchors: e.anchors, Label: e.ui("注釋")}),
		chart.New(cc),
	}
	if convert {
		exts = append(exts, convertCharts{e.mixed})
	}
	return goldmark.New(goldmark.WithExtensions(exts...))
}

// extensionOrder is the transformers' priorities in the order markdown
// lists them, for the test.
var extensionOrder = []int{markup.Priority, terms.Priority, chart.Priority, convertChartsPriority}

func (c convertCharts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(c, convertChartsPriority)))
}
