package figures

import (
	"strconv"
	"strings"
)

// neutralise keeps a spreadsheet from running a cell as a formula (OWASP,
// "CSV Injection"): a cell beginning with = + - @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text. A
// plain number (-3.5) is left alone: it is read as a number, not a formula.
func neutralise(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return cell
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return cell
	}
	return "'" + cell
}

func neutraliseRow(row []string) []string {
	for i, c := range row {
		row[i] = neutralise(c)
	}
	return row
}
