package script

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	c := newConverter(t)
	tests := []struct {
		name, in, want string
		idx            []int
	}{
		{"Traditional to Simplified", "減稅", "减税", []int{0, 1}},
		{"Simplified unchanged", "减税", "减税", []int{0, 1}},
		{"HK variant", "衞生", "卫生", []int{0, 1}},
		{"著 folds like 着 on both sides", "著力", "着力", []int{0, 1}},
		{"full-width to half-width", "ＧＤＰ１２％，", "gdp12%,", []int{0, 1, 2, 3, 4, 5, 6}},
		{"ASCII lower-cased", "B2B", "b2b", []int{0, 1, 2}},
		{"whitespace dropped, offsets kept", "市長 吳秀玲\u3000。", "市长吴秀玲。", []int{0, 1, 3, 4, 5, 7}},
		{"standard Simplified 么 stays", "怎么", "怎么", []int{0, 1}},
		{"empty", "", "", []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, idx := c.Fold(tt.in)
			if got != tt.want || !slices.Equal(idx, tt.idx) {
				t.Errorf("Fold(%q) = %q %v, want %q %v", tt.in, got, idx, tt.want, tt.idx)
			}
		})
	}
}

// TestFoldAgreesAcrossEditions: the Traditional seed and its Simplified
// conversion fold to the same text, so a query in either script finds a
// paragraph in either edition.
func TestFoldAgreesAcrossEditions(t *testing.T) {
	c := newConverter(t)
	src := fixtureText(t)
	a, _ := c.Fold(src)
	b, _ := c.Fold(c.T2S(src))
	if a == b {
		return
	}
	ra, rb := []rune(a), []rune(b)
	for i := range min(len(ra), len(rb)) {
		if ra[i] != rb[i] {
			t.Fatalf("folds differ at %d: %q vs %q", i, string(ra[max(0, i-5):i+5]), string(rb[max(0, i-5):i+5]))
		}
	}
	t.Fatalf("folds differ in length: %d vs %d", len(ra), len(rb))
}

func BenchmarkT2SSeed(b *testing.B) {
	c, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	src := fixtureText(b)
	for b.Loop() {
		c.T2S(src)
	}
}

func FuzzFold(f *testing.F) {
	c, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("減稅 ＧＤＰ\u3000著力")
	f.Add("\xff\x00a")
	f.Fuzz(func(t *testing.T, s string) {
		got, idx := c.Fold(s)
		n := utf8.RuneCountInString(got)
		if n != len(idx) {
			t.Fatalf("Fold(%q): %d runes but %d offsets", s, n, len(idx))
		}
		for i := 1; i < len(idx); i++ {
			if idx[i] <= idx[i-1] {
				t.Fatalf("Fold(%q): offsets not increasing: %v", s, idx)
			}
		}
		if len(idx) > 0 && idx[len(idx)-1] >= utf8.RuneCountInString(s) {
			t.Fatalf("Fold(%q): offset %d past the end", s, idx[len(idx)-1])
		}
	})
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLintSeed(b *testing.B) {
	c, err := New(loadTable(b))
	if err != nil {
		b.Fatal(err)
	}
	out := c.T2S(fixtureText(b))
	for b.Loop() {
		c.Lint("seed", out)
	}
}

// TestFolded: Folded lists exactly the characters at or above U+2E80 that
// FoldRune changes by script, ascending, with and without override rows
// (rows add characters, map them elsewhere, or take them out: 抬).
func TestFolded(t *testing.T) {
	extra := []Override{{Trad: "甲", Simp: "乙"}, {Trad: "減", Simp: "減"}, {Trad: "Ａ", Simp: "Ｂ"}, {Trad: "\u3000", Simp: "丙"}}
	tests := []struct {
		name string
		rows []Override
	}{
		{"plain OpenCC", nil},
		{"override table", loadTable(t)},
		{"table and odd rows", append(loadTable(t), extra...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.rows)
			if err != nil {
				t.Fatal(err)
			}
			var want []rune
			for r := rune(0x2E80); r <= utf8.MaxRune; r++ {
				if r == '\u3000' || r >= 0xFF01 && r <= 0xFF5E || !utf8.ValidRune(r) {
					continue
				}
				if f := c.FoldRune(r); f != r {
					want = append(want, r)
				}
			}
			got := slices.Collect(c.Folded())
			if !slices.Equal(got, want) {
				t.Errorf("Folded gives %d characters, FoldRune changes %d", len(got), len(want))
			}
		})
	}
}

// BenchmarkFirstT2S is what a cold build pays for conversion: New, then
// the first T2S of the whole seed, which loads OpenCC's t2s dictionaries.
func BenchmarkFirstT2S(b *testing.B) {
	rows, src := loadTable(b), fixtureText(b)
	for b.Loop() {
		c, err := New(rows)
		if err != nil {
			b.Fatal(err)
		}
		c.T2S(src)
	}
}
