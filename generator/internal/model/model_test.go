package model

import "testing"

func TestURL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		obj  any
		want string
	}{
		{"home page", Page{""}, ""},
		{"section page", Page{"part-2-1/"}, "part-2-1/"},
		{"paragraph", Para{ID: "p2-1-3", Page: "part-2-1/", Cite: "二（一）¶3"}, "part-2-1/#p2-1-3"},
		{"paragraph on the home page", Para{ID: "p0-1"}, "#p0-1"},
		{"note", Note{14}, "notes/#n14"},
		{"chart", Chart{ID: "grain", Page: "part-1/"}, "part-1/#chart-grain"},
		{"chart on this page", Chart{ID: "grain"}, "#chart-grain"},
		{"chart's SVG", ChartSVG{"grain"}, "figures/charts/grain.svg"},
		{"chart's image", ChartPNG{"grain"}, "figures/charts/grain.png"},
		{"chart's figures", ChartCSV{ID: "grain"}, "figures/charts/grain.csv"},
		{"chart's figures for Excel", ChartCSV{ID: "grain", Excel: true}, "figures/charts/grain-excel.csv"},
		{"home page's card", Card{""}, "cards/home.png"},
		{"section's card", Card{"part-2-1/"}, "cards/part-2-1.png"},
		{"page's embed", Embed{Page{"part-1/"}}, "embed/part-1/"},
		{"chart's embed", Embed{Chart{ID: "grain", Page: "part-1/"}}, "embed/chart/grain/"},
		{"no address", 3, ""},
	} {
		if got := URL(c.obj); got != c.want {
			t.Errorf("%s: URL(%#v) = %q, want %q", c.name, c.obj, got, c.want)
		}
	}
}

func TestFile(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ url, want string }{
		{"", "index.html"},
		{"#p0-1", "index.html#p0-1"},
		{"part-1/#p1-2", "part-1/index.html#p1-2"},
		{"notes/#n3", "notes/index.html#n3"},
		{"404.html", "404.html"},
		{"figures/charts/grain.svg", "figures/charts/grain.svg"},
	} {
		if got := File(c.url); got != c.want {
			t.Errorf("File(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

func TestBase(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		base          Base
		known         bool
		abs, basePath string
	}{
		{"", false, "/part-1/", "/"},
		{"https://edition.example.org/", true, "https://edition.example.org/part-1/", "/"},
		{"https://example.org/report", true, "https://example.org/report/part-1/", "/report"},
		{"https://example.org", true, "https://example.org/part-1/", "/"},
	} {
		if c.base.Known() != c.known || c.base.Abs("part-1/") != c.abs || c.base.Path() != c.basePath {
			t.Errorf("%q: Known %v, Abs %q, Path %q; want %v, %q, %q", c.base, c.base.Known(), c.base.Abs("part-1/"), c.base.Path(), c.known, c.abs, c.basePath)
		}
	}
}
