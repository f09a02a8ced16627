package content

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
)

// Which figures a report charts, how they are labelled, and where each chart
// goes are editorial choices, kept as data in content/ rather than in Go:
//
//   - figures.tsv holds every figure with its id, measure, year, kind and
//     note. Import writes it for a new report from figures.Extract (ids such
//     as p1-2.3); from then on it is the editors' file, which import never
//     rewrites. Editors give the figures a chart uses readable ids
//     (coal-2023) and checked measures there.
//   - A chart is a ```chart block in a page, after the paragraph it
//     illustrates (its spec is documented in package chart). When import
//     writes a page again, it keeps each block after the same paragraph.
//
// A proposer for a new report (what to chart, and after which paragraph)
// returns the same two things: rows for figures.tsv and blocks by paragraph
// ID, as ImportFigures does.

// ImportFigures is import's figures step for the content directory fsys
// (nil, or one without files, for a first import): the dataset to write
// when there is none yet, and the chart blocks to put after each paragraph
// ID, read from the pages there now.
func ImportFigures(fsys fs.FS, body []Para) (Generated, map[string][]string, error) {
	after, err := ChartBlocks(fsys)
	if err != nil {
		return nil, nil, err
	}
	if fsys != nil {
		if _, err := fs.Stat(fsys, FiguresFile); err == nil {
			return nil, after, nil // the editors' dataset stays as it is
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
	}
	paras := make([]figures.Para, len(body))
	for i, p := range body {
		paras[i] = figures.Para{ID: p.ID, Text: p.Text}
	}
	ds := figures.NewDataset(FiguresFile, figures.Extract(paras))
	return Generated{FiguresFile: figures.Format(ds)}, after, nil
}

// ChartBlocks returns the ```chart blocks of the pages (*.md) in fsys, each
// keyed by the ID of the paragraph or heading it follows, in page order. A
// missing directory has none.
func ChartBlocks(fsys fs.FS) (map[string][]string, error) {
	after := map[string][]string{}
	if fsys == nil {
		return after, nil
	}
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		pageChartBlocks(string(b), after)
	}
	return after, nil
}

// pageChartBlocks adds the chart blocks of one page's source to after.
func pageChartBlocks(src string, after map[string][]string) {
	for _, f := range ChartFences(src) {
		after[f.After] = append(after[f.After], f.Block)
	}
}

// Fence is a ```chart block in a page's source.
type Fence struct {
	After string // ID of the paragraph or heading before it; "" at the top
	Line  int    // 1-based line of the opening fence
	Block string // the whole block, fences included, without a final newline
	Spec  string // the lines between the fences, each ending in "\n"
}

// ChartFences finds the ```chart blocks of a page's Markdown source, for
// what must know every chart before any page is parsed (which page shows
// which chart and figure; import keeping charts in place). An unclosed
// fence runs to the end, as in Markdown.
func ChartFences(src string) []Fence {
	var out []Fence
	lines := strings.Split(src, "\n")
	last := ""
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```chart" {
			if id, _ := markup.TrailingID(lines[i]); id != "" {
				last = id
			}
			continue
		}
		f := Fence{After: last, Line: i + 1}
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			f.Spec += lines[j] + "\n"
		}
		f.Block = strings.Join(lines[i:min(j+1, len(lines))], "\n")
		out = append(out, f)
		i = j
	}
	return out
}
