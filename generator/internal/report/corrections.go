package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"edition/generator/internal/diag"
	"edition/generator/internal/tsv"
)

// A Correction is one recorded repair of the seed.
type Correction struct {
	SeedLine   int    // line of the seed it applies to
	Damaged    string // exact text in that line; empty for an insertion
	Repaired   string // replacement; for an insertion, a new line before SeedLine
	Confidence string
	Reason     string
	Pos        int // line of the corrections file, for errors
}

// Insertion reports whether c restores a missing line rather than replacing text.
func (c Correction) Insertion() bool { return c.Damaged == "" }

// Corrections is a parsed corrections file.
type Corrections struct {
	Path  string
	Items []Correction // line-based repairs and restorations
	// Punct is the punctuation rule (a row with line "*"): each ASCII mark
	// of Damaged becomes the mark at the same place in Repaired wherever it
	// stands in Chinese prose. Nil when the file has no such rule.
	Punct *Correction
}

// PunctMap returns the rule's mark mapping, or nil.
func (c *Corrections) PunctMap() map[rune]rune {
	if c == nil || c.Punct == nil {
		return nil
	}
	m := map[rune]rune{}
	rep := []rune(c.Punct.Repaired)
	for i, r := range []rune(c.Punct.Damaged) {
		m[r] = rep[i]
	}
	return m
}

// correctionsHeader is the first line of a corrections file; the columns are
// fixed so an editor's spreadsheet round-trip is detected rather than guessed at.
// ConversionError is the confidence of a correction of the seed's
// Simplified→Traditional machine conversion (后 for 後, 并 for 並): the
// Simplified edition reads the same before and after it.
const ConversionError = "conversion error"

const correctionsHeader = "line\tdamaged\trepaired\tconfidence\treason"

// ParseCorrections reads a TSV corrections file. Tabs and newlines cannot
// occur in the seed's spans, so no quoting is needed; "\t" and "\n" are not
// interpreted. Lines starting with # are comments.
func ParseCorrections(path string, data []byte) (*Corrections, error) {
	c := &Corrections{Path: path}
	var errs diag.List
	header := false
	for _, row := range tsv.Rows(data) {
		if !header {
			if row.Text != correctionsHeader {
				errs = append(errs, diag.Errorf(path, row.Line, "header must be %q", correctionsHeader))
				return nil, errs
			}
			header = true
			continue
		}
		if err := c.parseRow(row); err != nil {
			errs = append(errs, err)
		}
	}
	if !header && len(errs) == 0 {
		errs = append(errs, diag.Errorf(path, 1, "empty corrections file: the first line must be %q", correctionsHeader))
	}
	return c, errs.Err()
}

// parseRow adds one row below the header to c, or says what is wrong with it.
func (c *Corrections) parseRow(row tsv.Row) *diag.Error {
	n, f := row.Line, row.Cells
	if len(f) != 5 {
		return diag.Errorf(c.Path, n, "want 5 tab-separated columns (%s), have %d", strings.ReplaceAll(correctionsHeader, "\t", ", "), len(f))
	}
	if f[0] == "*" {
		return c.parsePunct(n, f)
	}
	seedLine, err := strconv.Atoi(f[0])
	switch {
	case err != nil || seedLine < 1:
		return diag.Errorf(c.Path, n, "line %q is not a seed line number", f[0])
	case f[2] == "":
		return diag.Errorf(c.Path, n, "repaired text is empty")
	case f[1] == f[2]:
		return diag.Errorf(c.Path, n, "damaged and repaired text are the same")
	case f[3] == "":
		return diag.Errorf(c.Path, n, "confidence is empty")
	}
	c.Items = append(c.Items, Correction{SeedLine: seedLine, Damaged: f[1], Repaired: f[2], Confidence: f[3], Reason: f[4], Pos: n})
	return nil
}

// parsePunct reads the punctuation rule, the row whose line is "*".
func (c *Corrections) parsePunct(n int, f []string) *diag.Error {
	switch {
	case c.Punct != nil:
		return diag.Errorf(c.Path, n, "a second punctuation rule (line \"*\"); the first is on line %d", c.Punct.Pos)
	case len([]rune(f[1])) != len([]rune(f[2])) || f[1] == "":
		return diag.Errorf(c.Path, n, "punctuation rule: damaged and repaired must list the same number of marks, one for one")
	}
	c.Punct = &Correction{Damaged: f[1], Repaired: f[2], Confidence: f[3], Reason: f[4], Pos: n}
	return nil
}

// Format writes c back as TSV, in the form ParseCorrections reads.
func (c *Corrections) Format(comment string) []byte {
	var b bytes.Buffer
	for _, l := range strings.Split(strings.TrimSpace(comment), "\n") {
		if l != "" {
			fmt.Fprintf(&b, "# %s\n", l)
		}
	}
	b.WriteString(correctionsHeader + "\n")
	if p := c.Punct; p != nil {
		fmt.Fprintf(&b, "*\t%s\t%s\t%s\t%s\n", p.Damaged, p.Repaired, p.Confidence, p.Reason)
	}
	for _, it := range c.Items {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\n", it.SeedLine, it.Damaged, it.Repaired, it.Confidence, it.Reason)
	}
	return b.Bytes()
}

// Line is one line of the repaired text with the seed line it came from
// (0 for a restored line such as the missing title).
type Line struct {
	Seed int
	Text string
}

// Repair applies c to the seed lines. Each damaged span must occur exactly
// once in its line; otherwise the error names the seed position and the
// corrections row, since either may have changed.
func (c *Corrections) Repair(seedPath string, lines []string) ([]Line, error) {
	fixed := append([]string(nil), lines...)
	before := map[int][]string{}
	var errs diag.List
	for _, it := range c.items() {
		if it.SeedLine > len(lines) {
			errs = append(errs, diag.Errorf(seedPath, it.SeedLine, "recorded correction (%s:%d) is past the end of the seed (%d lines)", c.Path, it.Pos, len(lines)))
			continue
		}
		if it.Insertion() {
			before[it.SeedLine] = append(before[it.SeedLine], it.Repaired)
			continue
		}
		if err := c.replace(seedPath, fixed, it); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := make([]Line, 0, len(lines)+len(before))
	for i, t := range fixed {
		for _, ins := range before[i+1] {
			out = append(out, Line{Seed: 0, Text: ins})
		}
		out = append(out, Line{Seed: i + 1, Text: t})
	}
	return out, nil
}

// items is c's corrections; none for a nil c.
func (c *Corrections) items() []Correction {
	if c == nil {
		return nil
	}
	return c.Items
}

// replace applies the span correction it to its line of fixed.
func (c *Corrections) replace(seedPath string, fixed []string, it Correction) *diag.Error {
	ln := fixed[it.SeedLine-1]
	switch k := strings.Count(ln, it.Damaged); k {
	case 1:
		fixed[it.SeedLine-1] = strings.Replace(ln, it.Damaged, it.Repaired, 1)
		return nil
	case 0:
		return diag.Errorf(seedPath, it.SeedLine, "recorded damaged text %q (%s:%d) is no longer found", it.Damaged, c.Path, it.Pos)
	default:
		return diag.Errorf(seedPath, it.SeedLine, "recorded damaged text %q (%s:%d) occurs %d times; it must be unique in its line", it.Damaged, c.Path, it.Pos, k)
	}
}
