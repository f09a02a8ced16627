package site

import (
	"html/template"
	"strings"
	"testing"

	"edition/generator/internal/chart"
	"edition/generator/internal/markup"
)

var (
	_ chart.FigureMarker = (*bodyWriter)(nil)
	_ markup.TitleMarker = (*bodyWriter)(nil)
)

// TestJoinBody: a chart's share panel goes right after the end of its
// first figure, once, whatever HTML the body holds.
func TestJoinBody(t *testing.T) {
	t.Parallel()
	var w bodyWriter
	w.WriteString(`<p>a</p>` + "\n" + `<figure id="chart-x">x</figure>`)
	w.FigureEnd("x")
	w.WriteString("\n<p>b</p>\n<figure id=\"chart-y\">y</figure>")
	w.FigureEnd("y")
	w.WriteString("\n<p>c</p>\n<figure id=\"chart-x\">x again</figure>")
	w.FigureEnd("x")
	w.WriteString("\n")
	body, title, cuts := w.body()
	for _, tc := range []struct {
		name   string
		panels []string
		want   string
	}{
		{"no panels", nil, body},
		{"one panel", []string{"y"}, "<p>a</p>\n<figure id=\"chart-x\">x</figure>\n<p>b</p>\n<figure id=\"chart-y\">y</figure>|Y|\n<p>c</p>\n<figure id=\"chart-x\">x again</figure>\n"},
		{"both, the first figure of each", []string{"x", "y"}, "<p>a</p>\n<figure id=\"chart-x\">x</figure>|X|\n<p>b</p>\n<figure id=\"chart-y\">y</figure>|Y|\n<p>c</p>\n<figure id=\"chart-x\">x again</figure>\n"},
		{"panel of a chart not on the page", []string{"z"}, body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Page{Body: template.HTML(body), TitleEnd: title, Cuts: cuts, ChartShares: map[string]*ShareView{}}
			for _, c := range tc.panels {
				p.ChartShares[c] = &ShareView{Title: strings.ToUpper(c)}
			}
			if got := joinRuns(p.Runs()); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// joinRuns writes runs with each panel as |its title|.
func joinRuns(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(string(r.HTML))
		if r.Share != nil {
			b.WriteString("|" + r.Share.Title + "|")
		}
	}
	return b.String()
}

// TestTitleSplit: a page's body splits after its title, the first level-1
// heading, even when a chart's panel stands before it or another <h1>
// follows; a body without a title is all rest.
func TestTitleSplit(t *testing.T) {
	t.Parallel()
	var w bodyWriter
	w.WriteString(`<figure id="chart-x">x</figure>`)
	w.FigureEnd("x")
	w.WriteString("\n<h1 id=\"t\">T</h1>")
	w.TitleEnd()
	w.WriteString("\n<p>a</p>\n<h1 id=\"u\">U</h1>")
	w.TitleEnd()
	w.WriteString("\n<p>b</p>\n")
	body, title, cuts := w.body()
	p := &Page{Body: template.HTML(body), TitleEnd: title, Cuts: cuts, ChartShares: map[string]*ShareView{"x": {Title: "X"}}}
	if got, want := joinRuns(p.BodyHead()), "<figure id=\"chart-x\">x</figure>|X|\n<h1 id=\"t\">T</h1>"; got != want {
		t.Errorf("head %q, want %q", got, want)
	}
	if got, want := joinRuns(p.BodyRest()), "\n<p>a</p>\n<h1 id=\"u\">U</h1>\n<p>b</p>\n"; got != want {
		t.Errorf("rest %q, want %q", got, want)
	}
	var none bodyWriter
	none.WriteString("<p>a</p>\n")
	body, title, cuts = none.body()
	p = &Page{Body: template.HTML(body), TitleEnd: title, Cuts: cuts}
	if joinRuns(p.BodyHead()) != "" || joinRuns(p.BodyRest()) != "<p>a</p>\n" {
		t.Errorf("untitled: head %q, rest %q", joinRuns(p.BodyHead()), joinRuns(p.BodyRest()))
	}
}
