package fontsubset

import (
	"slices"
	"testing"

	"edition/generator/internal/glyphs"
)

func TestGB2312Hanzi(t *testing.T) {
	for _, tc := range []struct {
		name        string
		last        int
		n           int
		first, tail rune
	}{
		{"level 1", 0xD7, 3755, '啊', '座'},
		{"levels 1 and 2", 0xF7, 6763, '啊', '齄'},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := gb2312Hanzi(tc.last)
			if len(h) != tc.n || h[0] != tc.first || h[len(h)-1] != tc.tail {
				t.Errorf("%d hanzi, %q…%q; want %d, %q…%q", len(h), h[0], h[len(h)-1], tc.n, tc.first, tc.tail)
			}
		})
	}
}

func TestCommon(t *testing.T) {
	for _, tc := range []struct {
		name        string
		level1      bool
		has, hasNot string
	}{
		// 製 佈 紮: second Traditional forms of 制 布 扎, seen only from t2s;
		// 羣 爲: Taiwan's and Hong Kong's variants; 祉 is level 2.
		{"regular", false, "安们們製佈紮羣爲祉", "𠀋"},
		{"bold", true, "安们們製佈紮羣爲", "祉祗"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Common(tc.level1)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.IsSorted(c) {
				t.Error("not in code point order")
			}
			for _, r := range tc.has {
				if _, ok := slices.BinarySearch(c, r); !ok {
					t.Errorf("lacks %q", r)
				}
			}
			for _, r := range tc.hasNot {
				if _, ok := slices.BinarySearch(c, r); ok {
					t.Errorf("has %q", r)
				}
			}
		})
	}
}

// TestCommittedHasCommon: the committed subset was cut with the common
// set, so any report of the kind builds (issue 12).
func TestCommittedHasCommon(t *testing.T) {
	f, err := glyphs.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range []*glyphs.Face{f.Regular, f.Bold} {
		c, err := Common(face.Weight == glyphs.Bold)
		if err != nil {
			t.Fatal(err)
		}
		if m := face.Missing(string(c)); len(m) > 0 {
			t.Errorf("%s/%s.svg lacks %d characters of the common set, first %q; run `%s`", glyphs.Dir, face.Weight, len(m), m[0], glyphs.Command)
		}
	}
}
