package site

import (
	"testing"

	"edition/generator/internal/chart"
)

var _ chart.FigureMarker = (*bodyWriter)(nil)

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
			if got := joinBody(render(), tc.panels); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
