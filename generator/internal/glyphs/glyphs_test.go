package glyphs

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range []*Face{f.Regular, f.Bold} {
		if m := face.Missing(Always + "0123456789.%¶"); len(m) > 0 {
			t.Errorf("%s lacks %q", face.Weight, string(m))
		}
		if face.UnitsPerEm != 1000 || face.Ascent <= 0 || face.Descent <= 0 {
			t.Errorf("%s metrics: %+v", face.Weight, face)
		}
		if g := face.Glyphs['年']; g.Advance != 1000 || !strings.HasPrefix(g.Path, "M") {
			t.Errorf("%s 年 = %+v", face.Weight, g)
		}
	}
}

func TestCheck(t *testing.T) {
	f, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Regular.Check("朔州市2024年"); err != nil {
		t.Errorf("Check: %v", err)
	}
	err = f.Regular.Check("年𠀋月")
	var me *MissingError
	if !errors.As(err, &me) || me.Rune != '𠀋' {
		t.Fatalf("err = %v", err)
	}
	me.Path, me.Line = "content/01-part-1.md", 12
	want := "content/01-part-1.md:12: the character \"𠀋\" (U+2000B) in \"年𠀋月\" is not in the image font subset " +
		Dir + "/regular.svg; run `" + Command + "` with this build's -content flag to add it"
	if me.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", me.Error(), want)
	}
}

func TestParseFaceRejects(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"not XML", "<svg"},
		{"no units", `<svg><defs><font id="r"><font-face/></font></defs></svg>`},
		{"two characters", `<svg><defs><font id="r"><font-face units-per-em="1000"/><glyph unicode="ab" horiz-adv-x="1" d=""/></font></defs></svg>`},
		{"bad advance", `<svg><defs><font id="r"><font-face units-per-em="1000"/><glyph unicode="a" horiz-adv-x="x" d=""/></font></defs></svg>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseFace([]byte(tc.src)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestSumFile: the hash the build keys images with is the files' own,
// so an edited subset never serves a cached image drawn with the old one.
func TestSumFile(t *testing.T) {
	got, err := Sum()
	if err != nil {
		t.Fatal(err)
	}
	want, err := FilesSum()
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s/%s says %x, the files hash to %x; run `%s`", Dir, SumFile, got, want, Command)
	}
	r, _ := File(Regular)
	b, _ := File(Bold)
	line, _ := files.ReadFile("font/" + SumFile)
	if string(SumLine(r, b)) != string(line) {
		t.Errorf("%s is not what the command writes", SumFile)
	}
}

// TestFastGlyphs: the line scanner reads the committed files exactly as
// encoding/xml does, and gives way to it on a file in another layout.
func TestFastGlyphs(t *testing.T) {
	for _, w := range []string{Regular, Bold} {
		b, err := File(w)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := fastGlyphs(b); !ok {
			t.Errorf("%s: the scanner gives way on the committed file", w)
		}
		fast, err := ParseFace(b)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := parseSVG(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: the scanner and encoding/xml read different faces", w)
		}
	}
	for _, tc := range []struct{ name, src string }{
		{"attributes reordered", `<svg><defs><font id="r"><font-face units-per-em="1000"/>` + "\n" + `<glyph horiz-adv-x="500" unicode="a" d="M0 0Z"/>` + "\n</font></defs></svg>"},
		{"entity", `<svg><defs><font id="r"><font-face units-per-em="1000"/>` + "\n" + `<glyph unicode="&#x61;" horiz-adv-x="500" d="M0 0Z"/>` + "\n</font></defs></svg>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFace([]byte(tc.src))
			if err != nil || f.Glyphs['a'].Advance != 500 {
				t.Errorf("face %+v, err %v", f, err)
			}
		})
	}
}
