package script

import (
	"strings"
	"unicode/utf8"

	"edition/generator/internal/diag"
	"edition/generator/internal/tsv"
)

// Override is one row of the override table: Trad is matched in the
// Traditional source and replaced by Simp in the Simplified edition.
type Override struct {
	Trad string
	Simp string
	Note string // why the row exists; for editors, not used in conversion
	Line int    // line in the table file, for messages
}

// LoadOverrides parses an override table: UTF-8 text, one row per line,
// "traditional<TAB>simplified<TAB>note" (the note may be omitted). Blank
// lines and lines starting with # are ignored. Both words must be non-empty,
// have the same number of characters (so positions and anchors line up in
// both editions), and each traditional word may appear once. All problems
// are reported together as a diag.List of path:line errors.
func LoadOverrides(path string, data []byte) ([]Override, error) {
	var (
		out  []Override
		errs diag.List
		seen = map[string]int{}
	)
	for _, row := range tsv.Rows(data) {
		n := row.Line
		o, err := parseOverride(path, row)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := seen[o.Trad]; ok {
			errs = append(errs, diag.Errorf(path, n, "duplicate override for %q (first on line %d)", o.Trad, prev))
			continue
		}
		seen[o.Trad] = n
		out = append(out, o)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func parseOverride(path string, row tsv.Row) (Override, *diag.Error) {
	n, f := row.Line, row.Cells
	if !utf8.ValidString(row.Text) {
		return Override{}, diag.Errorf(path, n, "not valid UTF-8")
	}
	if len(f) < 2 || len(f) > 3 {
		return Override{}, diag.Errorf(path, n, "want 2 or 3 tab-separated columns (traditional, simplified, note), got %d", len(f))
	}
	o := Override{Trad: strings.TrimSpace(f[0]), Simp: strings.TrimSpace(f[1]), Line: n}
	if len(f) == 3 {
		o.Note = strings.TrimSpace(f[2])
	}
	switch {
	case o.Trad == "":
		return Override{}, diag.Errorf(path, n, "empty traditional word")
	case o.Simp == "":
		return Override{}, diag.Errorf(path, n, "empty simplified word for %q", o.Trad)
	case utf8.RuneCountInString(o.Trad) != utf8.RuneCountInString(o.Simp):
		return Override{}, diag.Errorf(path, n, "%q and %q differ in length; overrides must map character for character", o.Trad, o.Simp)
	}
	return o, nil
}
