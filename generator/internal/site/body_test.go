package site

import (
	"html/template"
	"testing"

	"edition/generator/internal/chart"
	"edition/generator/internal/markup"
)

var (
	_ chart.FigureMarker = (*bodyWriter)(nil)
	_ markup.TitleMarker = (*bodyWriter)(nil)
)

// TestJoinBody: a chart's share panel goes right after the end of its
// figure, once, whatever HTML the body holds.
func TestJoinBody(t *testing.T) {
	t.Parallel()
	render := func() []segment {
		var w bodyWriter
		w.WriteString(`<p>a</p>` + "\n" + `<figure id="chart-x">x</figure>`)
		w.FigureEnd("x")
		w.WriteString("\n<p>b</p>\n<figure id=\"chart-y\">y</figure>")
		w.FigureEnd("y")
		w.WriteString("\n<p>c</p>\n")
		return w.segments()
	}
	for _, tc := range []struct {
		name   string
		panels map[string]string
		want   string
	}{
		{"no panels", nil, "<p>a</p>\n<figure id=\"chart-x\">x</figure>\n<p>b</p>\n<figure id=\"chart-y\">y</figure>\n<p>c</p>\n"},
		{"one panel", map[string]string{"y": "<details>Y</details>"}, "<p>a</p>\n<figure id=\"chart-x\">x</figure>\n<p>b</p>\n<figure id=\"chart-y\">y</figure>\n<details>Y</details>\n<p>c</p>\n"},
		{"both", map[string]string{"x": "X", "y": "Y"}, "<p>a</p>\n<figure id=\"chart-x\">x</figure>\nX\n<p>b</p>\n<figure id=\"chart-y\">y</figure>\nY\n<p>c</p>\n"},
		{"panel of a chart not on the page", map[string]string{"z": "Z"}, "<p>a</p>\n<figure id=\"chart-x\">x</figure>\n<p>b</p>\n<figure id=\"chart-y\">y</figure>\n<p>c</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := joinBody(render(), tc.panels); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
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
	body, title := joinBody(w.segments(), map[string]string{"x": "X"})
	p := &Page{Body: template.HTML(body), TitleEnd: title}
	if got, want := string(p.BodyHead()), "<figure id=\"chart-x\">x</figure>\nX\n<h1 id=\"t\">T</h1>"; got != want {
		t.Errorf("head %q, want %q", got, want)
	}
	if got, want := string(p.BodyRest()), "\n<p>a</p>\n<h1 id=\"u\">U</h1>\n<p>b</p>\n"; got != want {
		t.Errorf("rest %q, want %q", got, want)
	}
	var none bodyWriter
	none.WriteString("<p>a</p>\n")
	body, title = joinBody(none.segments(), nil)
	p = &Page{Body: template.HTML(body), TitleEnd: title}
	if p.BodyHead() != "" || p.BodyRest() != "<p>a</p>\n" {
		t.Errorf("untitled: head %q, rest %q", p.BodyHead(), p.BodyRest())
	}
}
