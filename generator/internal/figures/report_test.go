package figures

import (
	"os"
	"path/filepath"
	"testing"

	"edition/generator/internal/report"
)

// root is the repository root, where content/ and seeds/ live.
const root = "../../.."

func realParas(t testing.TB) []Para {
	t.Helper()
	seeds, err := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed found: %v", err)
	}
	seed, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	cd, err := os.ReadFile(filepath.Join(root, "content", "corrections.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	corr, err := report.ParseCorrections("content/corrections.tsv", cd)
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.Read("seeds/"+filepath.Base(seeds[0]), seed, corr)
	if err != nil {
		t.Fatal(err)
	}
	return Paras(res.Report)
}
