package script

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

const (
	seedPath        = "../../../seeds/000_cdd563ffef68d5a8.txt"
	correctionsPath = "testdata/seed-corrections.tsv"
	overridesPath   = "../../../content/script-overrides.tsv"
)

// correctedSeed returns the seed with the 17 repairs of seed-corrections.tsv
// applied (each corrupted string must occur exactly once in its line).
func correctedSeed(t testing.TB) string {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	tsv, err := os.ReadFile(correctionsPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	for i, row := range strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:] {
		f := strings.Split(row, "\t")
		n, err := strconv.Atoi(f[0])
		if err != nil || len(f) < 3 || n < 1 || n > len(lines) {
			t.Fatalf("%s:%d: bad row %q", correctionsPath, i+2, row)
		}
		if c := strings.Count(lines[n-1], f[1]); c != 1 {
			t.Fatalf("%s:%d: %q occurs %d times in seed line %d", correctionsPath, i+2, f[1], c, n)
		}
		lines[n-1] = strings.Replace(lines[n-1], f[1], f[2], 1)
	}
	return strings.Join(lines, "\n")
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
