package figures

import (
	"testing"

	"edition/generator/internal/content"
	"edition/generator/internal/report"
)

// root is the repository root, where content/ and seeds/ live.
const root = "../../.."

// realParas is the repository's report, repaired, with the IDs import gives
// its paragraphs.
func realParas(t testing.TB) []Para {
	t.Helper()
	res, err := report.ReadFiles("../../../seeds/000_cdd563ffef68d5a8.txt", "../../../content/corrections.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var ps []Para
	for _, p := range content.Body(res.Report) {
		ps = append(ps, Para{ID: p.ID, Text: p.Text})
	}
	return ps
}
