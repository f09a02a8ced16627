// Package tsv reads the editors' tab-separated tables (corrections,
// figures, script overrides) with each row's line number, so every message
// about a cell can name path:line. The tables hold report text, in which a
// tab or newline cannot occur, so there is no quoting: a cell is exactly
// the text between tabs.
package tsv

import (
	"strings"

	"edition/generator/internal/diag"
)

// Row is one data line of a table.
type Row struct {
	Line  int      // 1-based line in the file
	Text  string   // the whole line, without its line ending
	Cells []string // Text split at tabs
}

// Rows returns the rows of data in order. Blank lines and lines starting
// with # (comments) are not rows; a trailing CR is dropped, so a file saved
// on Windows reads the same.
func Rows(data []byte) []Row {
	var rows []Row
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		rows = append(rows, Row{Line: i + 1, Text: l, Cells: strings.Split(l, "\t")})
	}
	return rows
}

// Errorf returns an error at path and the row's line.
func (r Row) Errorf(path, format string, args ...any) *diag.Error {
	return diag.Errorf(path, r.Line, format, args...)
}
