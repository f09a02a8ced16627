package script

import (
	"os"
	"testing"
)

// The fixtures: a copy of a report's override table, and a synthetic
// Traditional report. The seed itself and content/'s own table are tested
// in generator/edition_test.go.
const (
	overridesPath = "testdata/overrides.tsv"
	textPath      = "../../testdata/reports/traditional-hk.txt"
)

// fixtureText is a Traditional report's text.
func fixtureText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(textPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func loadTable(t testing.TB) []Override {
	t.Helper()
	data, err := os.ReadFile(overridesPath)
	if err != nil {
		t.Fatal(err)
	}
	o, err := LoadOverrides(overridesPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
