package chart

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"edition/generator/internal/figures"
)

const testTSV = "id\tpara\tphrase\tmeasure\tvalue\tunit\tyear\tkind\ttype\tqualifier\tnote\n" +
	"coal-2023\tp1-2\t全年生產原煤2.33億噸\t原煤產量\t2.33\t億噸\t2023\toutturn\tlevel\t\t\n" +
	"coal-2024\tp2-2-1\t原煤產量穩定在2億噸左右\t原煤產量\t2\t億噸\t2024\ttarget\tlevel\t左右\t\n" +
	"power-2023\tp1-2\t發電量679.9億千瓦時\t發電量\t679.9\t億千瓦時\t2023\toutturn\tlevel\t\t\n" +
	"a\tp1-2\ta1個\ta\t1\t個\t\t\tlevel\t\t\n" +
	"b\tp1-2\tb2個\tb\t2\t個\t\t\tlevel\t\t\n"

func testDataset(t testing.TB) *figures.Dataset {
	ds, err := figures.Parse("content/figures.tsv", []byte(testTSV))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestExtensionErrors(t *testing.T) {
	for _, c := range []struct {
		name, md string
		want     string // "line: message part"
	}{
		{"unknown figure", "text\n\n```chart\nid: x\nkind: bar\ntitle: T\nfigures: coal-2023\n  - coal-2025\n```\n", "8: chart: unknown figure \"coal-2025\""},
		{"mixed units", "```chart\nid: x\nkind: compare\ntitle: T\nfigures: coal-2023, power-2023\n```\n", "5: chart: mixes units on one axis: coal-2023 is in 億噸 but power-2023 is in 億千瓦時"},
		{"bad spec", "# h\n\n```chart\nid: x\nkind: pie\n```\n", "5: chart: kind \"pie\""},
		{"empty block", "```chart\n```\n", "2: chart: missing id"},
		{"parts exceed whole", "```chart\nid: x\nkind: part\ntitle: T\nfigures: a, b, coal-2023\npanels: unit\n```\n", "chart: a part chart needs a whole and at least one part in 億噸"},
	} {
		t.Run(c.name, func(t *testing.T) {
			html, pc := convert(t, Config{Data: testDataset(t)}, c.md)
			errs := Errors(pc)
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			line, msg, _ := strings.Cut(c.want, ": ")
			if strings.Contains(c.want, ": chart: ") {
				if got := errs[0].Error(); !strings.HasPrefix(got, ":"+line+": ") || !strings.Contains(got, msg) {
					t.Errorf("got %q, want line %s and %q", got, line, msg)
				}
			} else if !strings.Contains(errs[0].Error(), c.want) {
				t.Errorf("got %q, want %q", errs[0].Error(), c.want)
			}
			if !strings.Contains(html, `class="chart-error"`) || strings.Contains(html, "<svg") || strings.Contains(html, "<code") {
				t.Errorf("page shows no error box, or shows a broken chart:\n%s", html)
			}
			if len(Charts(pc)) != 0 {
				t.Error("a failed chart is recorded as placed")
			}
		})
	}
}

func TestExtensionPlacesAndLinks(t *testing.T) {
	md := "一年來，全年生產原煤2.33億噸，增長7.2%。 {#p1-2}\n\n```chart\nid: coal\nkind: compare\ntitle: 原煤\nfigures: coal-2023, coal-2024\n```\n\n```go\nx := 1\n```\n"
	html, pc := convert(t, Config{Data: testDataset(t), Href: func(p string) string { return "/report/#" + p }}, md)
	if errs := Errors(pc); len(errs) > 0 {
		t.Fatal(errs)
	}
	got := Charts(pc)
	if len(got) != 1 || got[0].ID != "coal" || strings.Join(got[0].Paras, ",") != "p1-2,p2-2-1" || got[0].Line != 3 {
		t.Fatalf("Charts = %+v", got)
	}
	for _, want := range []string{
		`<p id="p1-2">一年來，<a href="#chart-coal" class="fig-link">全年生產原煤2.33億噸</a>，增長7.2%。</p>`,
		`<figure class="chart chart-compare" id="chart-coal"`,
		`role="group" aria-labelledby="chart-coal-title" aria-describedby="chart-coal-desc"`,
		`<a href="/report/#p1-2" class="mark">`,
		`<details class="chart-data"><summary>數據表</summary>`,
		`<code class="language-go">`, // other fenced blocks are untouched
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestDatasetTable(t *testing.T) {
	ds := testDataset(t)
	html := DatasetTable(ds, Config{Data: ds, Cite: testLabels.cite}, Index([]*Spec{{ID: "coal", Figures: []string{"coal-2023"}}}))
	for _, want := range []string{
		`<caption>全部數字（5項），取自報告原文</caption>`,
		`<tr id="fig-coal-2023"><th scope="row">原煤產量</th><td data-label="數值">2.33億噸</td><td data-label="時期">2023年實際</td><td data-label="原文"><a href="#p1-2">一¶2</a>「全年生產原煤2.33億噸」</td><td data-label="圖表"><a href="#chart-coal">看圖表</a></td></tr>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	// Citizens see words: no machine id in a cell, no type code.
	for _, bad := range []string{"<code>", ">coal<", "總量"} {
		if strings.Contains(html, bad) {
			t.Errorf("the table shows %s to readers", bad)
		}
	}
}

func TestDuplicateChartID(t *testing.T) {
	block := "```chart\nid: x\nkind: bar\ntitle: T\nfigures: a\n```\n\n"
	html, pc := convert(t, Config{Data: testDataset(t)}, block+block)
	errs := Errors(pc)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), ":9: chart: chart id \"x\" is already used on line 1") {
		t.Fatalf("errors %v", errs)
	}
	if strings.Count(html, `id="chart-x"`) != 1 {
		t.Error("two elements with id chart-x")
	}
}

func FuzzExtension(f *testing.F) {
	f.Add("```chart\nid: x\nkind: bar\ntitle: T\nfigures: a b\n```\n")
	f.Add("> ```chart\n> id: x\n")
	f.Add("- ```chart\n  kind: part\n  ```\n")
	f.Add("```chart\nid: a\nkind: bar\ntitle: T\nfigures: a\n```\n```chart\nid: b\nkind: bar\ntitle: T\nfigures: a\n```\n```chart\nid: a\nkind: bar\ntitle: T\nfigures: a\n```\n") // a repeat after two charts panicked
	ds := testDataset(f)
	f.Fuzz(func(t *testing.T, md string) {
		convert(t, Config{Data: ds}, md)
	})
}

func TestParaLinks(t *testing.T) {
	ds := testDataset(t)
	specs := []*Spec{{ID: "coal", Title: "原煤", Figures: []string{"coal-2023", "coal-2024"}}, {ID: "power", Title: "電", Figures: []string{"power-2023"}}}
	after := ParaLinks(ds, specs, nil)
	for para, want := range map[string]string{
		"p1-2":   ` <a class="chart-ref" href="#chart-coal" data-ed>圖：原煤</a> <a class="chart-ref" href="#chart-power" data-ed>圖：電</a>`,
		"p2-2-1": ` <a class="chart-ref" href="#chart-coal" data-ed>圖：原煤</a>`,
		"p9-9":   ``,
	} {
		if got := after(para); got != want {
			t.Errorf("%s: got %q, want %q", para, got, want)
		}
	}
}

// marks is a goldmark writer that records where each figure ends.
type marks struct {
	bytes.Buffer
	at map[string]int
}

func (w *marks) Available() int { return 0 }
func (w *marks) Buffered() int  { return 0 }
func (w *marks) Flush() error   { return nil }
func (w *marks) FigureEnd(id string) {
	w.at[id] = w.Len()
}

// TestFigureMarker: a writer that is a FigureMarker learns where each
// chart's figure element ends, at any depth, and nothing for an error box.
func TestFigureMarker(t *testing.T) {
	block := func(id string) string {
		return "```chart\nid: " + id + "\nkind: bar\ntitle: T\nfigures: coal-2023\n```\n"
	}
	md := block("a") + "\n- item\n\n  " + strings.ReplaceAll(block("b"), "\n", "\n  ") + "\n" + block("a")
	gm := goldmark.New(goldmark.WithExtensions(paraIDsExt{}, New(Config{Data: testDataset(t)})))
	w := &marks{at: map[string]int{}}
	if err := gm.Convert([]byte(md), w); err != nil {
		t.Fatal(err)
	}
	html := w.String()
	if len(w.at) != 2 {
		t.Fatalf("marks %v, want a and b (the second a is an error box)", w.at)
	}
	for id, at := range w.at {
		if !strings.HasSuffix(html[:at], "</figure>") || !strings.Contains(html[:at], `id="chart-`+id+`"`) {
			t.Errorf("chart %s: mark at %d is not the end of its figure: …%s", id, at, html[max(0, at-40):at])
		}
	}
}
