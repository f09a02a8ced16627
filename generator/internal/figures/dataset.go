package figures

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"edition/generator/internal/diag"
	"edition/generator/internal/tsv"
)

// Columns are the dataset file's header, in order.
var Columns = []string{"id", "para", "phrase", "measure", "value", "unit", "year", "kind", "type", "qualifier", "note"}

// Dataset is a parsed figures file.
type Dataset struct {
	Path    string
	Figures []Figure
	byID    map[string]int
}

// NewDataset indexes figures by id. Later duplicates are ignored by Lookup.
func NewDataset(path string, figs []Figure) *Dataset {
	ds := &Dataset{Path: path, Figures: figs, byID: map[string]int{}}
	for i, f := range figs {
		if _, ok := ds.byID[f.ID]; !ok {
			ds.byID[f.ID] = i
		}
	}
	return ds
}

// Lookup returns the figure with id.
func (ds *Dataset) Lookup(id string) (Figure, bool) {
	if ds == nil {
		return Figure{}, false
	}
	i, ok := ds.byID[id]
	if !ok {
		return Figure{}, false
	}
	return ds.Figures[i], true
}

// InPara returns the figures stated in a paragraph, in dataset order.
func (ds *Dataset) InPara(para string) []Figure {
	var out []Figure
	for _, f := range ds.Figures {
		if f.Para == para {
			out = append(out, f)
		}
	}
	return out
}

var (
	reID   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9.\-]*$`) })
	rePara = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^p(0|c|\d+)(-\d+){1,2}$`) })
)

// Parse reads a dataset file. Every problem is reported as path:line.
func Parse(path string, data []byte) (*Dataset, error) {
	var errs diag.List
	var figs []Figure
	seen := map[string]int{}
	header := false
	for _, row := range tsv.Rows(data) {
		n, cells := row.Line, row.Cells
		if !header {
			header = true
			if strings.Join(cells, "\t") != strings.Join(Columns, "\t") {
				errs = append(errs, diag.Errorf(path, n, "the header must be the columns %s", strings.Join(Columns, ", ")))
				return nil, errs
			}
			continue
		}
		f, err := parseRow(path, n, cells)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := seen[f.ID]; ok {
			errs = append(errs, diag.Errorf(path, n, "figure id %q is already used on line %d", f.ID, prev))
			continue
		}
		seen[f.ID] = n
		figs = append(figs, f)
	}
	if !header {
		errs = append(errs, diag.Errorf(path, 1, "empty dataset: expected a header line"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return NewDataset(path, figs), nil
}

func parseRow(path string, n int, c []string) (Figure, *diag.Error) {
	if len(c) == len(Columns)-1 {
		c = append(c, "") // a missing note
	}
	if len(c) != len(Columns) {
		return Figure{}, diag.Errorf(path, n, "expected %d tab-separated columns, found %d", len(Columns), len(c))
	}
	f := Figure{ID: c[0], Para: c[1], Phrase: c[2], Measure: c[3], Value: c[4], Unit: c[5],
		Kind: c[7], Type: c[8], Qualifier: c[9], Note: c[10], Line: n}
	switch {
	case !reID().MatchString(f.ID):
		return f, diag.Errorf(path, n, "figure id %q: use lower-case ASCII letters, digits, '-' and '.'", f.ID)
	case !rePara().MatchString(f.Para):
		return f, diag.Errorf(path, n, "para %q is not a paragraph id such as p1-2 or p2-1-3", f.Para)
	case f.Phrase == "":
		return f, diag.Errorf(path, n, "figure %s has no source phrase", f.ID)
	}
	if _, ok := Float(f.Value); !ok {
		return f, diag.Errorf(path, n, "value %q of figure %s is not a number", f.Value, f.ID)
	}
	if c[6] != "" {
		y, err := strconv.Atoi(c[6])
		if err != nil || y < 1900 || y > 2100 {
			return f, diag.Errorf(path, n, "year %q of figure %s is not a year", c[6], f.ID)
		}
		f.Year = y
	}
	if f.Kind != "" && f.Kind != KindOutturn && f.Kind != KindTarget {
		return f, diag.Errorf(path, n, "kind %q of figure %s: use %s, %s or leave it empty", f.Kind, f.ID, KindOutturn, KindTarget)
	}
	if f.Type != TypeLevel && f.Type != TypeGrowth && f.Type != TypeShare {
		return f, diag.Errorf(path, n, "type %q of figure %s: use %s, %s or %s", f.Type, f.ID, TypeLevel, TypeGrowth, TypeShare)
	}
	return f, nil
}

// Format writes a dataset in the file format Parse reads.
func Format(ds *Dataset) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(Columns, "\t"))
	b.WriteByte('\n')
	for _, f := range ds.Figures {
		b.WriteString(strings.Join(cleanCells(f.row()), "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func (f Figure) row() []string {
	y := ""
	if f.Year != 0 {
		y = strconv.Itoa(f.Year)
	}
	return []string{f.ID, f.Para, f.Phrase, f.Measure, f.Value, f.Unit, y, f.Kind, f.Type, f.Qualifier, f.Note}
}

func cleanCells(cs []string) []string {
	for i, c := range cs {
		if strings.ContainsAny(c, "\t\n\r") { // rare: skip making a replacer
			cs[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
		}
	}
	return cs
}

// Validate checks every figure against the report text: its paragraph must
// exist, its phrase must be in the paragraph, and the last number with a
// unit in the phrase must be the figure's value and unit.
func Validate(ds *Dataset, paraText func(id string) (string, bool)) diag.List {
	var errs diag.List
	for _, f := range ds.Figures {
		text, ok := paraText(f.Para)
		if !ok {
			errs = append(errs, diag.Errorf(ds.Path, f.Line, "figure %s: no paragraph %s in the report", f.ID, f.Para))
			continue
		}
		if !strings.Contains(text, f.Phrase) {
			errs = append(errs, diag.Errorf(ds.Path, f.Line, "figure %s: the phrase %q is no longer in paragraph %s", f.ID, f.Phrase, f.Para))
			continue
		}
		t, ok := LastToken(f.Phrase)
		if !ok {
			errs = append(errs, diag.Errorf(ds.Path, f.Line, "figure %s: the phrase %q states no number with a unit", f.ID, f.Phrase))
			continue
		}
		tv, _ := Float(t.Value)
		if tv != f.Float() || ParseUnit(t.Unit).Base != ParseUnit(f.Unit).Base || ParseUnit(t.Unit).Mag != ParseUnit(f.Unit).Mag {
			errs = append(errs, diag.Errorf(ds.Path, f.Line, "figure %s: the text says %s%s but the dataset says %s%s", f.ID, t.Value, t.Unit, f.Value, f.Unit))
		}
	}
	return errs
}

// CSV returns the dataset as CSV with a url column (href may be nil).
func CSV(ds *Dataset, href func(para string) string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(append(append([]string(nil), Columns...), "url"))
	for _, f := range ds.Figures {
		u := ""
		if href != nil {
			u = href(f.Para)
		}
		w.Write(neutraliseRow(append(f.row(), u))) // csvsafe.go
	}
	w.Flush()
	return b.Bytes()
}

type jsonFigure struct {
	ID        string      `json:"id"`
	Para      string      `json:"para"`
	URL       string      `json:"url,omitempty"`
	Phrase    string      `json:"phrase"`
	Measure   string      `json:"measure"`
	Value     json.Number `json:"value"`
	Unit      string      `json:"unit"`
	Year      int         `json:"year,omitempty"`
	Kind      string      `json:"kind,omitempty"`
	Type      string      `json:"type"`
	Qualifier string      `json:"qualifier,omitempty"`
	Note      string      `json:"note,omitempty"`
}

// JSON returns the dataset as an indented JSON object {"figures": […]}
// with values as numbers exactly as printed (href may be nil).
func JSON(ds *Dataset, href func(para string) string) []byte {
	out := struct {
		Figures []jsonFigure `json:"figures"`
	}{Figures: []jsonFigure{}}
	for _, f := range ds.Figures {
		j := jsonFigure{f.ID, f.Para, "", f.Phrase, f.Measure, json.Number(f.Value), f.Unit, f.Year, f.Kind, f.Type, f.Qualifier, f.Note}
		if _, ok := Float(f.Value); !ok {
			j.Value = "0"
		}
		if href != nil {
			j.URL = href(f.Para)
		}
		out.Figures = append(out.Figures, j)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
	}
	return append(b, '\n')
}
