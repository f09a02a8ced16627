package report

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzRead checks the splitter's invariants on any input: no panic; when the
// input is accepted, every non-blank line lands in exactly one unit, in
// order, with its text only trimmed and punctuated; and reading is
// deterministic.
func FuzzRead(f *testing.F) {
	// The synthetic reports; the seed itself is read in
	// generator/edition_test.go.
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	if len(files) == 0 {
		f.Fatal("no synthetic reports in generator/testdata/reports")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("政府工作報告\n一、甲\n9.3家\n相關注釋\n1.乙:丙\n2023年\n"))
	punct := map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}
	corr := &Corrections{Path: "c.tsv", Punct: &Correction{Damaged: ",:;?!()", Repaired: "，：；？！（）"}}
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := Read("f.txt", in, corr)
		if err != nil {
			if res != nil {
				t.Fatal("result with an error")
			}
			return
		}
		lines, _ := SplitLines("f.txt", in)
		var want []Line
		prov := map[int]bool{res.Report.Source.Seed: true, res.Report.Title2.Seed: true}
		for i, l := range lines {
			l, _ = Punctuate(l, punct)
			if s := trim(l); s != "" && !prov[i+1] {
				want = append(want, Line{Seed: i + 1, Text: s})
			}
		}
		var got []Line
		for _, u := range res.Report.Units() {
			got = append(got, Line{Seed: u.Seed, Text: u.Text})
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("units do not cover the input lines once each, in order:\n got %v\nwant %v", got, want)
		}
		again, err := Read("f.txt", in, corr)
		if err != nil || !reflect.DeepEqual(again, res) {
			t.Fatalf("second read differs (err %v)", err)
		}
	})
}
