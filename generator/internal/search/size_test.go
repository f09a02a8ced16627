package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

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

func gzipLen(t testing.TB, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestSeedIndexSize builds both editions' index for the whole report and
// logs their sizes (go test -run SeedIndexSize -v). It asserts only that
// the index stays well below a size that would hurt on a phone.
func TestSeedIndexSize(t *testing.T) {
	c := converter(t)
	trad := seedDocs(t)
	simp := make([]Doc, len(trad))
	for i, d := range trad {
		d.Text = c.T2S(d.Text)
		simp[i] = d
	}
	for _, ed := range []struct {
		name string
		docs []Doc
	}{{"zh-Hans", simp}, {"zh-Hant", trad}} {
		out, err := Build(ed.docs, Config{Fold: c.FoldRune})
		if err != nil {
			t.Fatal(err)
		}
		js := string(out)
		fold := js[strings.Index(js, `"fold":"`)+8 : strings.Index(js, `","docs"`)]
		gz := gzipLen(t, out)
		t.Logf("%s: %d docs, index %d bytes, gzip %d bytes, fold table %d pairs", ed.name, len(ed.docs), len(out), gz, len([]rune(fold))/2)
		if gz > 60_000 {
			t.Errorf("%s index is %d bytes gzipped; expected well under 60 kB", ed.name, gz)
		}
	}
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
