package script

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

func newConverter(t *testing.T) *Converter {
	t.Helper()
	c, err := New(loadTable(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOverrideTable converts every row of content/script-overrides.tsv, alone
// and inside a sentence, and expects exactly the listed Simplified word.
func TestOverrideTable(t *testing.T) {
	c := newConverter(t)
	for _, o := range loadTable(t) {
		t.Run(o.Trad, func(t *testing.T) {
			if got := c.T2S(o.Trad); got != o.Simp {
				t.Errorf("T2S(%q) = %q, want %q (%s:%d)", o.Trad, got, o.Simp, overridesPath, o.Line)
			}
			in := "政府工作" + o.Trad + "報告"
			want := "政府工作" + o.Simp + "报告"
			if got := c.T2S(in); got != want {
				t.Errorf("T2S(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

// TestT2S covers the words named in the brief and the seed's mainland forms
// that must survive as they are.
func TestT2S(t *testing.T) {
	c := newConverter(t)
	tests := []struct{ name, in, want string }{
		{"著力 becomes 着力", "著力推動高質量發展", "着力推动高质量发展"},
		{"著眼", "著眼長遠", "着眼长远"},
		{"著重", "著重解決", "着重解决"},
		{"著手", "著手謀劃", "着手谋划"},
		{"圍繞著", "圍繞著目標", "围绕着目标"},
		{"卓著 keeps 著", "成效卓著", "成效卓著"},
		{"原著 keeps 著", "原著精神", "原著精神"},
		{"專著 keeps 著", "學術專著", "学术专著"},
		{"土著 keeps 著", "土著居民", "土著居民"},
		{"顯著 keeps 著", "成效顯著", "成效显著"},
		{"批覆", "省政府批覆同意", "省政府批复同意"},
		{"覆蓋 stays", "實現全覆蓋", "实现全覆盖"},
		{"HK 衞生", "衞生健康", "卫生健康"},
		{"減稅", "減稅降費", "减税降费"},
		{"seed 包干制 stays", "“包干制”", "“包干制”"},
		{"seed 桑干河 stays", "桑干河生態", "桑干河生态"},
		{"seed 示范/防范 stay", "示范區,防范化解", "示范区,防范化解"},
		{"seed 后/于/并/采 stay", "先立后破,高于,并舉,開采", "先立后破,高于,并举,开采"},
		{"seed 么 stays", "再怎么重視", "再怎么重视"},
		{"longest key wins over shorter", "圍繞著力", "围绕着力"},
		{"empty", "", ""},
		{"ASCII untouched", "GDP 5G B2B 600MW", "GDP 5G B2B 600MW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.T2S(tt.in); got != tt.want {
				t.Errorf("T2S(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestText converts a whole report: the lint must be clean and the text
// must keep its length in characters (t2s and every override map one
// character to one, so anchors and offsets agree across editions).
func TestText(t *testing.T) {
	src := fixtureText(t)
	c := newConverter(t)
	out := c.T2S(src)
	if errs := c.Lint("text(simplified)", out); len(errs) > 0 {
		t.Errorf("lint not clean:\n%v", errs)
	}
	if a, b := utf8.RuneCountInString(src), utf8.RuneCountInString(out); a != b {
		t.Errorf("length changed: %d characters in, %d out", a, b)
	}
}

func TestLint(t *testing.T) {
	c := newConverter(t)
	tests := []struct {
		name string
		in   string
		want []string // "line:col" of each problem
	}{
		{"clean", "减税降费\n着力推动", nil},
		{"leftover 著", "成效卓著\n著力推动", []string{"2:1"}},
		{"kept phrases", "卓著 原著 专著 土著 显著 著名 著作", nil},
		{"Traditional char", "减稅", []string{"1:2"}},
		{"HK variant", "衞生", []string{"1:1"}},
		{"columns count characters", "ab中文減", []string{"1:5"}},
		{"standard 么 and 抬", "怎么抬头", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range c.Lint("x.txt", tt.in) {
				got = append(got, strings.TrimPrefix(strings.SplitN(e.Error(), ": ", 2)[0], "x.txt:"))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Lint(%q) at %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLoadOverrides(t *testing.T) {
	tests := []struct {
		name, in string
		want     int    // rows on success
		err      string // substring of the error, "" for success
	}{
		{"rows, comments, blank lines, CRLF", "# c\n\n著力\t着力\tnote\r\n批覆\t批复\n", 2, ""},
		{"one column", "著力\n", 0, "t.tsv:1: want 2 or 3 tab-separated columns"},
		{"four columns", "a\tb\tc\td\n", 0, "t.tsv:1: want 2 or 3"},
		{"empty traditional", "\t着力\n", 0, "t.tsv:1: empty traditional word"},
		{"empty simplified", "著力\t \n", 0, "t.tsv:1: empty simplified word"},
		{"lengths differ", "著力\t着\n", 0, "t.tsv:1: \"著力\" and \"着\" differ in length"},
		{"duplicate", "著力\t着力\n#\n著力\t着力\n", 0, "t.tsv:3: duplicate override for \"著力\" (first on line 1)"},
		{"invalid UTF-8", "\xff\tx\n", 0, "t.tsv:1: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadOverrides("t.tsv", []byte(tt.in))
			if tt.err == "" {
				if err != nil || len(got) != tt.want {
					t.Fatalf("got %d rows, err %v; want %d rows", len(got), err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.err)
			}
			var l diag.List
			if !errors.As(err, &l) {
				t.Errorf("error is %T, want diag.List", err)
			}
		})
	}
}

func TestLoadOverridesReportsAll(t *testing.T) {
	_, err := LoadOverrides("t.tsv", []byte("a\n著力\t着力\nb\n"))
	if got := len(diag.All(err)); got != 2 {
		t.Errorf("got %d errors, want 2: %v", got, err)
	}
}

func FuzzLoadOverrides(f *testing.F) {
	f.Add([]byte("著力\t着力\tnote\n# c\n批覆\t批复\n"))
	f.Add([]byte("\t\t\t\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := LoadOverrides("f.tsv", data)
		if err != nil {
			return
		}
		for _, o := range rows {
			if o.Trad == "" || utf8.RuneCountInString(o.Trad) != utf8.RuneCountInString(o.Simp) {
				t.Fatalf("bad row accepted: %+v", o)
			}
		}
	})
}

func TestLoad(t *testing.T) {
	c := newConverter(t)
	done := make(chan error)
	go func() { done <- c.Load() }()
	if got, want := c.T2S("減稅"), "减税"; got != want {
		t.Errorf("T2S during Load = %q, want %q", got, want)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestVariantsBeforeConversion: Hong Kong forms convert like the standard
// ones and leave nothing for the lint.
func TestVariantsBeforeConversion(t *testing.T) {
	c, _ := New(nil)
	for _, tc := range []struct{ in, want string }{
		{"衞生健康", "卫生健康"},
		{"敍事", "叙事"},
		{"羣眾", "群众"},
		{"這裏", "这里"},
		{"着力", "着力"},
		{"綫上", "线上"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got := c.T2S(tc.in)
			if got != tc.want {
				t.Errorf("T2S(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if errs := c.Lint("x", got); len(errs) > 0 {
				t.Errorf("lint: %v", errs)
			}
		})
	}
}

func TestTraditional(t *testing.T) {
	for _, c := range []struct{ config, in, want string }{
		{"", "政府工作报告", "政府工作報告"},
		{"s2t", "着力发展", "着力發展"},
		{"s2hk", "卫生", "衞生"},
		{"s2twp", "信息", "資訊"},
	} {
		t.Run(c.config+c.in, func(t *testing.T) {
			tr, err := NewTraditional(c.config)
			if err != nil {
				t.Fatal(err)
			}
			if got := tr.S2T(c.in); got != c.want {
				t.Errorf("S2T(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	if _, err := NewTraditional("t2s"); err == nil {
		t.Error("t2s accepted as a Simplified-to-Traditional configuration")
	}
}
