// Package check compares the text of a built edition with its seed. It
// reads the report text back out of the built pages (elements marked
// data-seed, less editorial insertions marked data-ed), in reading order,
// and lines it up with the seed after the recorded corrections. Every
// seed line must appear exactly once, in order, character for character;
// anything else is an unexplained difference, reported at the content
// file and line it comes from.
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/net/html"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
	"edition/generator/internal/report"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Config names the inputs.
type Config struct {
	SeedPath string
	Seed     []byte
	Content  fs.FS  // the content directory
	ContName string // its name for messages, e.g. "content"
	Out      fs.FS  // the built edition (its root)
	// Convert is the build's conversion from the seed's script to the
	// other (OpenCC t2s with content's overrides). With it, an edition
	// the build converts is compared too, against the seed converted the
	// same way; without it, only the edition in the seed's script.
	Convert func(string) string
}

// Result is what check found.
type Result struct {
	Units       int      // seed units compared
	Editions    []string // languages of the editions compared, e.g. zh-Hant
	Repairs     int
	Restored    int
	Conversions int // corrections of the seed's conversion to Traditional
	Punct       int
	Differences []Difference
}

// Difference is one unexplained difference.
type Difference struct {
	Where string // content path:line, or the built page
	Seed  int    // seed line, 0 when the text is not in the seed
	Want  string // seed text ("" for extra text)
	Got   string // edition text ("" for missing text)
	Moved bool   // the text is the seed's, but out of order
}

func (d Difference) String() string {
	switch {
	case d.Moved:
		return fmt.Sprintf("%s: seed line %d is out of order: %q", d.Where, d.Seed, clip(d.Want))
	case d.Got == "":
		return fmt.Sprintf("%s: seed line %d is missing from the edition: %q", d.Where, d.Seed, clip(d.Want))
	case d.Want == "":
		return fmt.Sprintf("%s: text not in the seed: %q", d.Where, clip(d.Got))
	default:
		at, w, g := firstDiff(d.Want, d.Got)
		return fmt.Sprintf("%s: differs from seed line %d at character %d: seed %q, edition %q", d.Where, d.Seed, at+1, w, g)
	}
}

type unit struct {
	text  string
	where string
}

// Run checks the edition.
func Run(cfg Config) (*Result, error) {
	c, err := content.Load(cfg.Content, cfg.ContName)
	if err != nil {
		return nil, err
	}
	res, err := report.Read(cfg.SeedPath, cfg.Seed, c.Corrections)
	if err != nil {
		return nil, err
	}
	r := &Result{Units: len(res.Report.Units()), Repairs: res.Repairs, Restored: res.Restored, Conversions: res.Conversions, Punct: res.Punct}
	for _, ed := range c.Settings.Editions() {
		want := res.Report.Units()
		if ed.Convert {
			if cfg.Convert == nil {
				continue
			}
			want = convertUnits(want, cfg.Convert)
		}
		ds, err := compareEdition(cfg, c, ed, want)
		if err != nil {
			return nil, err
		}
		r.Editions = append(r.Editions, ed.Lang)
		r.Differences = append(r.Differences, ds...)
	}
	return r, nil
}

// compareEdition compares the edition under ed.Prefix with want. Its
// differences name the edition when it is not the seed's own script.
func compareEdition(cfg Config, c *content.Content, ed content.Edition, want []report.Unit) ([]Difference, error) {
	if pre := strings.TrimSuffix(ed.Prefix, "/"); pre != "" {
		sub, err := fs.Sub(cfg.Out, pre)
		if err != nil {
			return nil, err
		}
		cfg.Out = sub
	}
	got, err := extract(cfg, c)
	if err != nil {
		return nil, err
	}
	ds := compare(want, got)
	if ed.Convert {
		for i := range ds {
			ds[i].Where += " (" + ed.Lang + " edition)"
		}
	}
	return ds, nil
}

// convertUnits is the seed's text as the build converts it.
func convertUnits(us []report.Unit, conv func(string) string) []report.Unit {
	out := make([]report.Unit, len(us))
	for i, u := range us {
		out[i] = u
		out[i].Text = conv(u.Text)
	}
	return out
}

// extract reads the report text of every page in reading order.
func extract(cfg Config, c *content.Content) ([]unit, error) {
	md := goldmark.New(goldmark.WithExtensions(markup.New(markup.Config{})))
	var out []unit
	var errs diag.List
	for _, p := range c.Pages {
		file := path.Join(p.URL(), "index.html")
		us, err := readPage(cfg.Out, file, paraLines(md, p))
		if err != nil {
			errs = append(errs, &diag.Error{Path: file, Msg: err.Error()})
			continue
		}
		out = append(out, us...)
	}
	if c.Notes != nil {
		us, err := readPage(cfg.Out, model.File(model.NotesURL), noteLines(c.Notes))
		if err != nil {
			errs = append(errs, &diag.Error{Path: model.File(model.NotesURL), Msg: err.Error()})
		}
		out = append(out, us...)
	}
	return out, errs.Err()
}

// paraLines places a built paragraph, by its ID, at its source line: the
// page's front matter for what has no paragraph ID.
func paraLines(md goldmark.Markdown, p *content.Page) func(id string) string {
	where := map[string]string{}
	pc := markup.NewContext(p.Meta.Cite)
	md.Parser().Parse(text.NewReader(p.Source), parser.WithContext(pc))
	for _, para := range markup.Paras(pc) {
		where[para.ID] = fmt.Sprintf("%s:%d", p.Path, para.Line)
	}
	return func(id string) string {
		if w, ok := where[id]; ok {
			return w
		}
		return fmt.Sprintf("%s:%d", p.Path, p.MetaLine)
	}
}

// noteLines places a built note, by its anchor n1, n2 …, at its line of
// notes.yaml.
func noteLines(ns *content.Notes) func(id string) string {
	lines := map[string]string{}
	for _, n := range ns.Notes {
		lines[fmt.Sprintf("n%d", n.Number)] = fmt.Sprintf("%s:%d", ns.Path, n.Line)
	}
	return func(id string) string {
		if w, ok := lines[id]; ok {
			return w
		}
		return ns.Path + ":1"
	}
}

// readPage returns the data-seed texts of one built page. Each unit is
// placed by the nearest id at or above it.
func readPage(fsys fs.FS, file string, where func(id string) string) ([]unit, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("built page missing (run build first): %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var out []unit
	var walk func(n *html.Node, id string)
	walk = func(n *html.Node, id string) {
		if n.Type == html.ElementNode {
			if v, ok := attr(n, "id"); ok {
				id = v
			}
			if _, ok := attr(n, "data-seed"); ok {
				var b strings.Builder
				textOf(n, &b)
				out = append(out, unit{text: b.String(), where: where(id)})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, id)
		}
	}
	walk(doc, "")
	return out, nil
}

func textOf(n *html.Node, b *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if _, ok := attr(n, "data-ed"); ok {
			return
		}
		if n.Data == "script" || n.Data == "style" || n.Data == "template" {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, b)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// compare aligns the seed units with the edition's by longest common
// subsequence and reports what does not line up; a removed and an added
// unit at the same place are one changed unit.
func compare(want []report.Unit, got []unit) []Difference {
	n, m := len(want), len(got)
	lcs := lcsTable(want, got)
	var d differ
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i].Text == got[j].text:
			d.flush(got[j].where)
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			d.extra = append(d.extra, got[j])
			j++
		default:
			d.missing = append(d.missing, want[i])
			i++
		}
	}
	at := "(end of the edition)"
	if m > 0 {
		at = got[m-1].where
	}
	d.flush(at)
	return moved(d.ds)
}

// lcsTable is the longest-common-subsequence table of the two unit lists:
// [i][j] is the length for want[i:] and got[j:].
func lcsTable(want []report.Unit, got []unit) [][]int {
	n, m := len(want), len(got)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i].Text == got[j].text {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	return lcs
}

// differ gathers the units that did not line up since the last match.
type differ struct {
	ds      []Difference
	missing []report.Unit
	extra   []unit
}

// flush records the gathered units: pairs as changed units, the rest as
// missing (placed at at) or extra.
func (d *differ) flush(at string) {
	k := min(len(d.missing), len(d.extra))
	for x := 0; x < k; x++ {
		d.ds = append(d.ds, Difference{Where: d.extra[x].where, Seed: d.missing[x].Seed, Want: d.missing[x].Text, Got: d.extra[x].text})
	}
	for _, u := range d.missing[k:] {
		d.ds = append(d.ds, Difference{Where: at, Seed: u.Seed, Want: u.Text})
	}
	for _, u := range d.extra[k:] {
		d.ds = append(d.ds, Difference{Where: u.where, Got: u.text})
	}
	d.missing, d.extra = nil, nil
}

// moved joins a missing and an extra unit of the same text into one
// "out of order" difference.
func moved(ds []Difference) []Difference {
	var out []Difference
	used := map[int]bool{}
	for i, d := range ds {
		if used[i] {
			continue
		}
		if d.Want == "" {
			for j, e := range ds {
				if !used[j] && j != i && e.Got == "" && e.Want == d.Got {
					used[j] = true
					d = Difference{Where: d.Where, Seed: e.Seed, Want: e.Want, Got: d.Got, Moved: true}
					break
				}
			}
		}
		out = append(out, d)
	}
	return out
}

func firstDiff(a, b string) (int, string, string) {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	win := func(r []rune) string {
		hi := min(len(r), i+12)
		lo := max(0, i-4)
		if lo > hi {
			return ""
		}
		return string(r[lo:hi])
	}
	return i, win(ra), win(rb)
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
