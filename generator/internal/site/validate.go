package site

import (
	"fmt"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/terms"
)

// validation is what the Validate stage reads: every page as parsed, and
// what the pages are checked against.
type validation struct {
	pages   []*content.Page
	parsed  []pageParse // parallel to pages
	notes   *content.Notes
	anchors []terms.Anchor
	ds      *figures.Dataset
	// quoted: notes.yaml and figures.tsv quote this edition's text (the
	// seed's own script), so note uses and figures are checked here.
	quoted bool
}

// validate is the Validate stage: one pass over the parsed edition that
// returns every problem, each naming path:line (and column where known),
// none hiding another: each page's markup and chart problems, duplicate
// paragraph IDs, notes not linked as often as notes.yaml records, and
// figures whose sentence no longer says them.
func validate(v validation) diag.List {
	var errs diag.List
	ids := map[string]string{} // paragraph ID → where it first is
	texts := map[string]string{}
	var body []string
	var uses []terms.Use
	for i, cp := range v.pages {
		pp := v.parsed[i]
		errs = append(errs, pp.errs...)
		for _, p := range pp.paras {
			if prev, dup := ids[p.ID]; dup {
				errs = append(errs, diag.Errorf(cp.Path, p.Line, "duplicate ID %q (also %s)", p.ID, prev))
			}
			ids[p.ID] = fmt.Sprintf("%s:%d", cp.Path, p.Line)
			texts[p.ID] = p.Text
			if !p.Heading {
				body = append(body, p.Text)
			}
		}
		uses = append(uses, pp.uses...)
	}
	if !v.quoted {
		return errs
	}
	return append(errs, v.quotes(texts, body, uses)...)
}

// quotes checks what notes.yaml and figures.tsv quote from the pages.
func (v validation) quotes(texts map[string]string, body []string, uses []terms.Use) diag.List {
	var errs diag.List
	if v.notes != nil {
		var nums []int
		for _, n := range v.notes.Notes {
			nums = append(nums, n.Number)
		}
		errs = append(errs, terms.Check(v.anchors, uses, nums, body)...)
	}
	if v.ds != nil {
		errs = append(errs, figures.Validate(v.ds, func(id string) (string, bool) { t, ok := texts[id]; return t, ok })...)
	}
	return errs
}
