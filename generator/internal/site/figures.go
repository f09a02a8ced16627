package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"hash/maphash"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/figures"
	"edition/generator/internal/hilite"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
)

// FiguresFile is the key figures dataset in content/.
const FiguresFile = content.FiguresFile

// convertFigures is the dataset in the edition's script.
func convertFigures(ds *figures.Dataset, cv func(string) string) *figures.Dataset {
	if ds == nil {
		return nil
	}
	figs := make([]figures.Figure, len(ds.Figures))
	for i, f := range ds.Figures {
		f.Phrase, f.Measure, f.Unit, f.Qualifier, f.Note = cv(f.Phrase), cv(f.Measure), cv(f.Unit), cv(f.Qualifier), cv(f.Note)
		figs[i] = f
	}
	return figures.NewDataset(ds.Path, figs)
}

var (
	reChartID = regexp.MustCompile(`(?m)^id:\s*([a-z0-9-]+)\s*$`)
)

// chartBlock is a chart placed in the content, with its spec text.
type chartBlock struct {
	ID, Spec, Page string
}

// prepass finds, before any page is parsed, which page holds each
// paragraph and each chart: charts link to paragraphs on other pages and
// sentences link to charts on other pages, both while a page is parsed.
func (e *edition) prepass() {
	e.paras = map[string]model.Para{}
	e.figChart = map[string]string{}
	e.chartPage = map[string]string{}
	for _, cp := range e.cpages {
		// A preview rebuild scans again only the pages that changed.
		b := memoised(e.bl, "blocks", func(h *maphash.Hash) { h.Write(cp.Source) }, func() pageBlocks { return scanBlocks(cp.Source) })
		for _, id := range b.ids {
			if _, ok := e.paras[id]; !ok {
				e.paras[id] = model.Para{ID: id, Page: cp.URL()}
			}
		}
		for _, c := range b.charts {
			e.charts = append(e.charts, chartBlock{ID: c.id, Spec: c.spec, Page: cp.URL()})
			if _, ok := e.chartPage[c.id]; !ok {
				e.chartPage[c.id] = cp.URL()
			}
			for _, f := range c.figures {
				if _, ok := e.figChart[f]; !ok {
					e.figChart[f] = c.id
				}
			}
		}
	}
}

// pageBlocks are a page's paragraph IDs and charts, in order.
type pageBlocks struct {
	ids    []string
	charts []struct {
		id, spec string
		figures  []string // those of a chart whose spec parses
	}
}

func scanBlocks(source []byte) pageBlocks {
	var b pageBlocks
	src := string(source)
	for _, l := range strings.Split(src, "\n") {
		if id, _ := markup.TrailingID(l); id != "" {
			b.ids = append(b.ids, id)
		}
	}
	for _, f := range content.ChartFences(src) {
		m := reChartID.FindStringSubmatch(f.Spec)
		if m == nil {
			continue
		}
		c := struct {
			id, spec string
			figures  []string
		}{id: m[1], spec: f.Spec}
		if s, err := chart.ParseSpec(f.Spec); err == nil {
			c.figures = s.Figures
		}
		b.charts = append(b.charts, c)
	}
	return b
}

// rel links from the page at URL from to a page URL of this edition.
func rel(from, to string) string {
	if to == from {
		return ""
	}
	r := rootOf(from) + to
	if r == "" {
		return "./"
	}
	return r
}

func (e *edition) chartConfig() chart.Config {
	return chart.Config{
		Data:     e.ds,
		Source:   e.c.Settings.Report, // converted with the chart's other text
		HrefFrom: func(from, para string) string { return rel(from, e.paras[para].Page) + "#" + para },
		Cite:     e.cite,
		ChartHrefFrom: func(from, fig string) (string, bool) {
			// The figures page's own charts link to each other there.
			return e.chartHref(from, fig, from == model.FiguresURL)
		},
	}
}

// cite is a paragraph's citation label, as its page gave it (markup).
func (e *edition) cite(para string) string {
	if p, ok := e.paras[para]; ok {
		return p.Cite
	}
	return para
}

// chartHref links from the page at URL from to the chart that shows
// figure fig: on its page, or on this page when the charts are all here.
func (e *edition) chartHref(from, fig string, here bool) (string, bool) {
	id, ok := e.figChart[fig]
	if !ok {
		return "", false
	}
	if here {
		return model.URL(model.Chart{ID: id}), true
	}
	return rel(from, e.chartPage[id]) + model.URL(model.Chart{ID: id}), true
}

// convertAt renders Markdown that is not a content page (the figures page's
// charts, an embed's chart) as if on the page at URL from.
func convertAt(md goldmark.Markdown, from, src string, w io.Writer) error {
	pc := parser.NewContext()
	chart.SetPage(pc, from)
	return md.Convert([]byte(src), w, parser.WithContext(pc))
}

// FigureView is the figures page's data.
type FigureView struct {
	Charts   template.HTML // every chart, as on the pages
	Table    template.HTML // the whole dataset
	Specs    []SpecView
	CSV      template.HTML // a highlighted preview of the CSV download
	Count    int
	Download struct{ CSV, CSVExcel, JSON string }
}

// SpecView is one chart's definition, highlighted, with its download.
type SpecView struct {
	ID, Title, SVG string
	PNG            string // the press image, 1080 px wide; "" when not made
	Spec           template.HTML
}

// figuresPage makes the figures page and puts its downloads in m.Files;
// nil for an edition without figures.
func (e *edition) figuresPage(md goldmark.Markdown, m *Model) (*Page, error) {
	if e.ds == nil {
		return nil, nil
	}
	p := e.newPage("figures", model.FiguresURL, e.ui("數據與圖表"))
	p.Crumbs = []Link{{Href: p.Href(""), Title: e.ui("首頁")}}
	// Drawing every chart again is most of the page's cost: a preview
	// rebuild reuses the drawings while the charts, the citation labels
	// and what every page's parse reads (stageInputs) are the same.
	inputs := func(h *maphash.Hash) {
		e.stageInputs(h)
		h.Write(e.citesHash())
		for _, c := range e.charts {
			h.WriteString(c.ID + "\x00" + c.Page + "\x00" + c.Spec + "\x00")
		}
	}
	parts := memoised(e.bl, "figures", inputs, func() figuresParts { return e.figuresOnDisk(md) })
	if parts.err != nil {
		return nil, parts.err
	}
	if m.Files == nil {
		m.Files = map[string][]byte{}
	}
	for n, b := range parts.out {
		m.Files[n] = b
	}
	fv := *parts.fv
	fv.Specs = append([]SpecView(nil), fv.Specs...)
	for i, c := range parts.blocks {
		if s, err := chart.ParseSpec(c.Spec); err == nil {
			fv.Specs[i].PNG = e.chartImage(s, c)
		}
	}
	p.Figures = &fv
	return p, nil
}

// figuresParts is the figures page's data and its downloads; blocks are
// the charts of fv.Specs, for their press images.
type figuresParts struct {
	fv     *FigureView
	out    map[string][]byte
	blocks []chartBlock
	err    error
}

// figuresOnDisk is figuresData through the disk cache's memo: a build
// after a text edit would otherwise lay out, convert and write every
// chart, table and download again (a seventh of the build's CPU).
func (e *edition) figuresOnDisk(md goldmark.Markdown) figuresParts {
	if e.bl == nil || e.bl.Cache == nil {
		return e.figuresData(md)
	}
	k := e.figuresKey()
	if b, ok := e.bl.recall(figureMemo, k); ok {
		var f storedFigures
		if gob.NewDecoder(bytes.NewReader(b)).Decode(&f) == nil {
			return f.parts()
		}
	}
	parts := e.figuresData(md)
	if parts.err == nil {
		var b bytes.Buffer
		if gob.NewEncoder(&b).Encode(storeFigures(parts)) == nil {
			e.bl.remember(figureMemo, k, nil, b.Bytes())
		}
	}
	return parts
}

// figuresKey is the figures page's inputs (those of figuresPage's
// memo), hashed the same in every process.
func (e *edition) figuresKey() [sha256.Size]byte {
	if e.parseKey == nil {
		e.parseKey = e.inputsKey()
	}
	site := sha256.New()
	_ = writeKey(site, e.site) // plain data: cannot fail
	var charts bytes.Buffer
	for _, c := range e.charts {
		charts.WriteString(c.ID + "\x00" + c.Page + "\x00" + c.Spec + "\x00")
	}
	return inputs(e.parseKey, []byte(e.uiKey), site.Sum(nil), e.citesHash(), charts.Bytes())
}

// storedFigures is figuresParts as the disk cache keeps it (gob: bytes
// as they are).
type storedFigures struct {
	FV     FigureView
	Out    map[string][]byte
	Blocks []struct{ ID, Spec, Page string }
}

func storeFigures(p figuresParts) storedFigures {
	f := storedFigures{FV: *p.fv, Out: p.out}
	for _, c := range p.blocks {
		f.Blocks = append(f.Blocks, struct{ ID, Spec, Page string }{c.ID, c.Spec, c.Page})
	}
	return f
}

func (f storedFigures) parts() figuresParts {
	p := figuresParts{fv: &f.FV, out: f.Out}
	for _, c := range f.Blocks {
		p.blocks = append(p.blocks, chartBlock{ID: c.ID, Spec: c.Spec, Page: c.Page})
	}
	return p
}

func (e *edition) figuresData(md goldmark.Markdown) figuresParts {
	const url = model.FiguresURL
	r := figuresParts{fv: &FigureView{Count: len(e.ds.Figures)}, out: map[string][]byte{}}
	fv := r.fv
	var src strings.Builder
	for _, c := range e.charts {
		src.WriteString("```chart\n" + c.Spec + "```\n\n")
	}
	var buf bytes.Buffer
	if err := convertAt(md, url, src.String(), &buf); err != nil {
		r.err = err
		return r
	}
	fv.Charts = template.HTML(buf.String())
	// The dataset table links each figure to its chart on its page.
	cfg := e.chartConfig().ForPage(url)
	cfg.ChartHref = func(fig string) (string, bool) { return e.chartHref(url, fig, false) }
	fv.Table = template.HTML(e.mixed(chart.DatasetTable(e.ds, cfg, e.figChart)))
	abs := func(para string) string {
		return base(e.settings).Abs(e.Prefix + model.URL(model.Para{ID: para, Page: e.paras[para].Page}))
	}
	csv := []byte(e.mixed(string(figures.CSV(e.ds, abs))))
	r.out[e.Prefix+url+"figures.csv"] = csv
	r.out[e.Prefix+url+"figures-excel.csv"] = withBOM(csv)
	r.out[e.Prefix+url+"figures.json"] = []byte(e.mixed(string(figures.JSON(e.ds, abs))))
	fv.Download.CSV, fv.Download.CSVExcel, fv.Download.JSON = "figures.csv", "figures-excel.csv", "figures.json"
	fv.CSV = e.highlight("csv", firstLines(string(csv), 6))
	scfg := cfg
	scfg.Href = abs
	for _, c := range e.charts {
		s, err := chart.ParseSpec(c.Spec)
		if err != nil {
			continue // reported with its page's line when the page is parsed
		}
		svg, err := chart.Standalone(s, scfg)
		if err != nil {
			continue
		}
		name := strings.TrimPrefix(model.URL(model.ChartSVG{ID: s.ID}), model.FiguresURL)
		r.out[e.Prefix+url+name] = []byte(e.mixed(string(svg)))
		e.chartCSV(r.out, s, abs)
		fv.Specs = append(fv.Specs, SpecView{ID: s.ID, Title: s.Title, SVG: name, Spec: e.highlight("yaml", "```chart\n"+c.Spec+"```")})
		r.blocks = append(r.blocks, c)
	}
	return r
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…\n")
	}
	return strings.Join(lines, "")
}

// highlight is highlight, remembered by the Builder between rebuilds.
func (e *edition) highlight(lang, code string) template.HTML {
	if e.bl == nil {
		return highlight(lang, code)
	}
	k := lang + "\x00" + code
	e.bl.mu.Lock()
	h, ok := e.bl.hl.get(k)
	e.bl.mu.Unlock()
	if ok {
		return h
	}
	h = highlight(lang, code)
	e.bl.mu.Lock()
	e.bl.hl.put(k, h)
	e.bl.mu.Unlock()
	return h
}

// highlight renders the edition's own snippets (embed code, the figures
// CSV, chart definitions) as chroma would, without chroma (see package
// hilite); a chart definition of an unusual shape is shown plain.
func highlight(lang, code string) template.HTML {
	switch lang {
	case "csv":
		return hilite.CSV(code)
	case "html":
		if h, ok := hilite.HTML(code); ok {
			return h
		}
	case "yaml":
		if h, ok := hilite.Spec(code); ok {
			return h
		}
	}
	return hilite.Plain(code)
}

// convertCharts converts the text of rendered charts to the edition's
// script: the chart package writes its own labels (實際, 資料來源)
// in the seed's script. It runs after the chart transformer.
// mixed converts text that holds both UI words (written in Traditional)
// and report content: the Simplified editions take it all through t2s,
// the Traditional ones convert only what came from a Simplified seed.
func (e *edition) mixed(s string) string {
	if e.Lang == "zh-Hans" {
		return e.ui(s)
	}
	return e.conv(s)
}

type convertCharts struct{ conv func(string) string }

// drawn is d with its words in the edition's script; its links (d is a
// layout) are filled in later, so an address is never converted.
func (c convertCharts) drawn(d chart.Drawn) chart.Drawn {
	b := &d.Box
	b.Caption, b.Source, b.Summary = c.conv(b.Caption), c.conv(b.Source), c.conv(b.Summary)
	d.HTML = []byte(c.conv(string(d.HTML)))
	return d
}

// Transform converts the charts that could not be drawn (their notices);
// the drawn ones are converted as they are laid out (chart.Config.Convert).
func (c convertCharts) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if ch, ok := n.(*chart.Node); ok && entering && ch.Layout == nil {
			ch.HTML = []byte(c.conv(string(ch.HTML)))
		}
		return ast.WalkContinue, nil
	})
}
