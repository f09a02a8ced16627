package search

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The seed's index size is checked in generator/edition_test.go; this
// benchmark keeps the seed as its workload.

// seedDocs returns the corrected seed (seed-corrections.tsv applied) as one
// doc per line, paragraphs until the notes heading and notes after it.
func seedDocs(t testing.TB) []Doc {
	t.Helper()
	seed, err := os.ReadFile("../../../seeds/000_cdd563ffef68d5a8.txt")
	if err != nil {
		t.Fatal(err)
	}
	tsv, err := os.ReadFile("../script/testdata/seed-corrections.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	for _, row := range strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:] {
		f := strings.Split(row, "\t")
		n, _ := strconv.Atoi(f[0])
		lines[n-1] = strings.Replace(lines[n-1], f[1], f[2], 1)
	}
	var docs []Doc
	kind := "para"
	for i, l := range lines {
		if strings.Contains(l, "相關注釋") {
			kind = "note"
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("#p-%d", i+1), Cite: fmt.Sprintf("¶%d", i+1), Kind: kind, Text: l})
	}
	return docs
}

// BenchmarkBuildSeed builds each edition's index of the whole report, with
// the script package's fold, listing the fold table from Folded or by
// asking Fold about every CJK character.
func BenchmarkBuildSeed(b *testing.B) {
	c := converter(b)
	trad := seedDocs(b)
	simp := make([]Doc, len(trad))
	for i, d := range trad {
		d.Text = c.T2S(d.Text)
		simp[i] = d
	}
	for _, ed := range []struct {
		name string
		docs []Doc
	}{{"zh-Hans", simp}, {"zh-Hant", trad}} {
		for _, cfg := range []struct {
			name string
			c    Config
		}{{"Folded", Config{Fold: c.FoldRune, Folded: c.Folded()}}, {"Fold", Config{Fold: c.FoldRune}}} {
			b.Run(ed.name+"/"+cfg.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := Build(ed.docs, cfg.c); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
