package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"edition/generator/internal/figures"
	edmodel "edition/generator/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden outputs in testdata/golden")

// Each testdata/golden/*.txtar holds data.tsv and spec; the test renders
// figure.html (inline) and standalone.svg and compares them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, spec, ds, m := readGolden(t, file)
			html := string(m.figureHTML(Config{Data: ds, Source: testSource, Cite: testLabels.cite}, nil).HTML)
			svg, err := Standalone(spec, Config{Data: ds, Source: testSource, Cite: testLabels.cite, Href: func(p string) string { return "https://example.org/#" + p }})
			if err != nil {
				t.Fatal(err)
			}
			checkXML(t, svg)
			got := map[string]string{"figure.html": html, "standalone.svg": string(svg)}
			if *update {
				var out []txtar.File
				for _, f := range a.Files {
					if f.Name == "data.tsv" || f.Name == "spec" {
						out = append(out, f)
					}
				}
				out = append(out, txtar.File{Name: "figure.html", Data: []byte(html)}, txtar.File{Name: "standalone.svg", Data: svg})
				a.Files = out
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			in := map[string]string{}
			for _, f := range a.Files {
				in[f.Name] = string(f.Data)
			}
			for name, g := range got {
				if want, ok := in[name]; !ok || want != g {
					t.Errorf("%s differs from %s; run go test -update and look at the diff\n%s", name, file, g)
				}
			}
		})
	}
}

// checkXML parses a standalone SVG with encoding/xml.
func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(b)))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
			if se.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("root namespace %q", se.Name.Space)
			}
		}
	}
	if root != "svg" {
		t.Errorf("root element %q, want svg", root)
	}
}

// newTab is a model.Copy that sends every link to another site.
type newTab struct{}

func (newTab) Link(href string, pin bool) (string, bool) { return "https://x/" + href, true }

// TestDrawForCopy: drawn for a copy (an embed page), every link of a
// chart (bars, source line, data table) is written as the copy says, and
// the rest is the chart as drawn for its page; its box says what it shows.
func TestDrawForCopy(t *testing.T) {
	_, spec, ds, m := readGolden(t, "testdata/golden/compare.txtar")
	cfg := Config{Data: ds, Source: testSource, Cite: testLabels.cite}
	page, cp := m.figureHTML(cfg, nil), m.figureHTML(cfg, newTab{})
	links := regexp.MustCompile(`<a [^>]*>`).FindAllString(string(cp.HTML), -1)
	if len(links) < 3 {
		t.Fatalf("%d links in the copy", len(links))
	}
	for _, l := range links {
		if !strings.Contains(l, `href="https://x/#`) || !strings.Contains(l, ` target="_blank" rel="noopener"`) {
			t.Errorf("copy's link %s", l)
		}
	}
	reLink := regexp.MustCompile(`<a [^>]*>`)
	if reLink.ReplaceAllString(string(page.HTML), "<a>") != reLink.ReplaceAllString(string(cp.HTML), "<a>") {
		t.Error("the copy differs from the page's chart in more than its links")
	}
	if cp.Box != page.Box || page.Box.Caption != spec.Title+spec.Subtitle || page.Box.W != width || page.Box.H <= 0 || !strings.HasPrefix(page.Box.Source, sourceLabel(testSource)) {
		t.Errorf("box %+v (copy's %+v)", page.Box, cp.Box)
	}
}

// readGolden reads a golden file's dataset and chart definition and
// resolves the chart.
func readGolden(t *testing.T, file string) (*txtar.Archive, *Spec, *figures.Dataset, *model) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	for _, f := range a.Files {
		in[f.Name] = string(f.Data)
	}
	ds, err := figures.Parse("data.tsv", []byte(in["data.tsv"]))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := ParseSpec(in["spec"])
	if err != nil {
		t.Fatal(err)
	}
	m, err := resolve(spec, ds)
	if err != nil {
		t.Fatal(err)
	}
	return a, spec, ds, m
}

// TestLayoutMarksOnlyLinks: a layout is filled in only where it marked a
// link. Text that looks like a mark once escaped (a title with NUL and
// angle brackets, as content may hold) is left as the page shows it, and
// every link is filled, for the page and for a copy.
func TestLayoutMarksOnlyLinks(t *testing.T) {
	_, _, ds, m := readGolden(t, "testdata/golden/compare.txtar")
	m.Spec.Title = "甲<\x000\x00>乙\x00>丙<\x00"
	cfg := Config{Data: ds, Source: testSource, Cite: testLabels.cite}
	l := m.layout(cfg)
	for _, c := range []edmodel.Relinker{nil, newTab{}} {
		d := l.Fill(c, cfg.href)
		if n := bytes.Count(d.HTML, []byte(markOpen)); n != 0 {
			t.Errorf("%d marks left after Fill(%v)", n, c)
		}
		if want := esc(m.Spec.Title); !bytes.Contains(d.HTML, []byte(want)) {
			t.Errorf("the title is not shown as %q", want)
		}
		if got := bytes.Count(d.HTML, []byte(`<a href="`)); got != len(l.links) {
			t.Errorf("Fill(%v): %d links, want %d", c, got, len(l.links))
		}
	}
}
