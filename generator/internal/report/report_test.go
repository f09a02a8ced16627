package report

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"testing"
)

const seedPath = "../../../seeds/000_cdd563ffef68d5a8.txt"

func readSeed(t testing.TB) *Result {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	cdata, err := os.ReadFile("../../../content/corrections.tsv")
	if err != nil {
		t.Fatal(err)
	}
	corr, err := ParseCorrections("content/corrections.tsv", cdata)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read("seeds/000_cdd563ffef68d5a8.txt", seed, corr)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestSeedIsTheSharedReport(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	const want = "e75174aec83e8eb7f0c0200fd4b37fdc967b07e8e14c6e4846f2669e7b27cc7c"
	if got := fmt.Sprintf("%x", sha256.Sum256(seed)); got != want {
		t.Fatalf("seeds/000_cdd563ffef68d5a8.txt SHA-256 = %s, want %s (the seed must be byte-identical to the shared report)", got, want)
	}
}

// TestSeedStructure checks the recognised outline against the report as a
// person reads it (seed-forensics.md §6).
func TestSeedStructure(t *testing.T) {
	res := readSeed(t)
	r := res.Report
	if res.Repairs != 17 || res.Restored != 1 {
		t.Errorf("repairs = %d, restored = %d; want 17 and 1", res.Repairs, res.Restored)
	}
	// 600 , + 16 ; + 37 : + 11 ! + 14 ( + 14 ) + 3 ? in the seed; the repairs
	// remove 1 , (line 8), 2 ; (lines 7, 57) and 3 ? (lines 8, 38, 52): 689,
	// and all of them stand in Chinese prose.
	if res.Punct != 689 {
		t.Errorf("punctuation rule changed %d marks, want 689", res.Punct)
	}
	for _, l := range res.Lines {
		if i := strings.IndexAny(l.Text, ",:;?!()"); i >= 0 {
			t.Errorf("seed line %d keeps ASCII %q in %q", l.Seed, l.Text[i], l.Text)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("unexpected damage warnings after repair: %v", res.Warnings)
	}
	checks := []struct{ name, got, want string }{
		{"title", r.Title.Text, "政府工作報告"},
		{"occasion", r.Occasion.Text, "——2024年2月27日在朔州市第七屆人民代表大會第四次會議上"},
		{"speaker", r.Speaker.Text, "市長 吳秀玲"},
		{"salutation", r.Salutation.Text, "各位代表："},
		{"part 1", r.Parts[0].Heading, "一、2023年工作回顧"},
		{"part 2", r.Parts[1].Heading, "二、2024年重點工作"},
		{"part 3", r.Parts[2].Heading, "三、加強政府自身建設"},
		{"2(1)", r.Parts[1].Sections[0].Heading, "（一）以能源革命綜合改革為牽引，全力構建現代化產業體系"},
		{"2(3) was ASCII", r.Parts[1].Sections[2].Heading, "（三）以科技創新引領為抓手，全力提升創新驅動效能"},
		{"2(6) wholly hidden 六", r.Parts[1].Sections[5].Heading, "（六）以協同推進減污降碳擴綠增長為導向，全力打造高質量發展生態優勢"},
		{"2(1) lead", r.Parts[1].Sections[0].Paras[0].Lead, "改造提升能源產業。"},
		{"3(4) inline", r.Parts[2].Sections[3].Paras[0].Lead, "（四）堅持廉政建設。"},
		{"note 14 term", r.Notes[13].Term, ""},
		{"note 28 closes its quote", r.Notes[27].Text[0][len(r.Notes[27].Text[0])-len("！”"):], "！”"},
		{"closing", r.Closing[0].Text[:len("各位代表，")], "各位代表，"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	counts := []struct {
		name      string
		got, want int
	}{
		{"parts", len(r.Parts), 3},
		{"opening paragraphs", len(r.Opening), 1},
		{"part 1 paragraphs", len(r.Parts[0].Intro), 10},
		{"part 2 intro paragraphs", len(r.Parts[1].Intro), 4},
		{"part 2 sections", len(r.Parts[1].Sections), 8},
		{"part 3 sections", len(r.Parts[2].Sections), 4},
		{"notes", len(r.Notes), 36},
		{"note 35 lines", len(r.Notes[34].Text), 3},
		{"closing", len(r.Closing), 1},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	// Paragraphs per part-2 subsection, topical ones + one closing (§6.2).
	wantParas := []int{5, 4, 4, 6, 5, 4, 5, 4}
	leads := 0
	for i, s := range r.Parts[1].Sections {
		if len(s.Paras) != wantParas[i] {
			t.Errorf("section 2(%d) has %d paragraphs, want %d", i+1, len(s.Paras), wantParas[i])
		}
		for _, p := range s.Paras {
			if p.Lead != "" {
				leads++
			}
		}
	}
	if leads != 29 {
		t.Errorf("part 2 has %d lead sentences, want 29", leads)
	}
	for i, s := range r.Parts[2].Sections {
		if !s.Inline || len(s.Paras) != 1 {
			t.Errorf("section 3(%d): inline=%v paragraphs=%d, want inline with 1", i+1, s.Inline, len(s.Paras))
		}
	}
}

// TestUnitsCoverEveryLine: every seed line lands in exactly one unit, in order.
func TestUnitsCoverEveryLine(t *testing.T) {
	res := readSeed(t)
	us := res.Report.Units()
	var seeds []int
	for _, u := range us {
		if u.Seed > 0 {
			seeds = append(seeds, u.Seed)
		}
	}
	if len(seeds) != 110 {
		t.Fatalf("%d seed lines in units, want 110", len(seeds))
	}
	for i, s := range seeds {
		if s != i+1 {
			t.Fatalf("unit %d comes from seed line %d, want %d", i, s, i+1)
		}
	}
	for i, u := range us {
		if u.Text != res.Lines[i].Text {
			t.Errorf("unit %d text differs from repaired line: %q vs %q", i, u.Text, res.Lines[i].Text)
		}
	}
}

func TestPunctuate(t *testing.T) {
	m := map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}
	cases := []struct{ name, in, want string }{
		{"comma after percent", "增長7.2%,產量", "增長7.2%，產量"},
		{"colon after quote", "“四敢”:2022年", "“四敢”：2022年"},
		{"heading parens", "(三)以科技", "（三）以科技"},
		{"parens after mark", "企業);省級", "企業）；省級"},
		{"decimal untouched", "2.33億噸", "2.33億噸"},
		{"between ASCII untouched", "1,000 and 3:2", "1,000 and 3:2"},
		{"B2B and 5G untouched", "B2B直接出口、5G+行業", "B2B直接出口、5G+行業"},
		{"range untouched", "1—2家", "1—2家"},
		{"exclamation at end", "我們一定要…!", "我們一定要…！"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := Punctuate(c.in, m); got != c.want {
				t.Errorf("Punctuate(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestScanFindsEachRecordedDamage(t *testing.T) {
	seed, _ := os.ReadFile(seedPath)
	lines, err := SplitLines("seed", seed)
	if err != nil {
		t.Fatal(err)
	}
	var ls []Line
	for i, l := range lines {
		ls = append(ls, Line{Seed: i + 1, Text: l})
	}
	got := map[int]int{}
	for _, w := range Scan("seed", ls) {
		got[w.Line]++
	}
	// The 16 visible spans of seed-corrections.tsv; line 100's missing ” leaves no trace.
	want := map[int]int{7: 1, 8: 2, 21: 1, 27: 1, 37: 1, 38: 1, 44: 1, 50: 1, 52: 1, 55: 1, 57: 1, 61: 1, 67: 1, 69: 1, 70: 1}
	for l, n := range want {
		if got[l] != n {
			t.Errorf("line %d: %d warnings, want %d", l, got[l], n)
		}
	}
	for l := range got {
		if want[l] == 0 {
			t.Errorf("line %d: unexpected warning", l)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct{ name, seed, corr, want string }{
		{"empty seed", "", "", "s.txt:1: the seed is empty"},
		{"blank seed", "\n\n  \n", "", "s.txt:1: the seed is empty"},
		{"not utf-8", "政府工作報告\n\xff\xfe\n", "", "s.txt:2: not UTF-8"},
		{"no structure", "政府工作報告\n今天天氣很好。\n", "", "s.txt:2: no recognisable structure"},
		{"damaged span gone", "政府工作報告\n一、回顧\n好。\n", "line\tdamaged\trepaired\tconfidence\treason\n3\t壞\t好\tsure\tx\n", "s.txt:3: recorded damaged text \"壞\" (c.tsv:2) is no longer found"},
		{"damaged span twice", "政府工作報告\n一、回顧\n壞壞。\n", "line\tdamaged\trepaired\tconfidence\treason\n3\t壞\t好\tsure\tx\n", "occurs 2 times"},
		{"past end", "政府工作報告\n一、回顧\n", "line\tdamaged\trepaired\tconfidence\treason\n9\t壞\t好\tsure\tx\n", "s.txt:9: recorded correction (c.tsv:2) is past the end"},
		{"bad columns", "政府工作報告\n一、回顧\n", "line\tdamaged\trepaired\tconfidence\treason\n3\t壞\t好\n", "c.tsv:2: want 5 tab-separated columns"},
		{"bad header", "政府工作報告\n一、回顧\n", "line,damaged\n", "c.tsv:1: header must be"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var corr *Corrections
			var err error
			if c.corr != "" {
				corr, err = ParseCorrections("c.tsv", []byte(c.corr))
			}
			if err == nil {
				_, err = Read("s.txt", []byte(c.seed), corr)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

// TestNoTitleIsAWarning: a report without a title line still reads; the
// warning names its first line.
func TestNoTitleIsAWarning(t *testing.T) {
	res, err := Read("s.txt", []byte("——2024年1月1日在某市第一屆人民代表大會第一次會議上\n一、2023年工作回顧\n好。\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range res.Warnings {
		found = found || strings.HasPrefix(w.Error(), "s.txt:1: no title line")
	}
	if !found || len(res.Report.Parts) != 1 {
		t.Errorf("warnings %v, %d parts; want the no-title warning and 1 part", res.Warnings, len(res.Report.Parts))
	}
}
