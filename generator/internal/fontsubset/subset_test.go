package fontsubset

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"edition/generator/internal/glyphs"
)

// fullFont is the system's Noto Sans CJK, the subset's source; tests that
// need it skip without it (and fail in CI, which installs it).
func fullFont(t *testing.T, name string) Source {
	t.Helper()
	p := "/usr/share/fonts/opentype/noto/" + name
	b, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian fonts-noto-cjk): %v", p, err)
		}
		t.Skipf("no %s (Debian fonts-noto-cjk)", p)
	}
	return Source{Data: b, Index: 2, Name: name}
}

func TestSubsetRoundTrip(t *testing.T) {
	src := fullFont(t, "NotoSansCJK-Regular.ttc")
	a, err := Cut(src, glyphs.Regular, []rune("朔州¶&<"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Cut(src, glyphs.Regular, []rune("<&¶州朔朔"))
	if !bytes.Equal(a, b) {
		t.Error("the same characters in another order give other bytes")
	}
	face, err := glyphs.ParseFace(a)
	if err != nil {
		t.Fatal(err)
	}
	if m := face.Missing("朔州¶&< A"); len(m) > 0 {
		t.Errorf("subset lacks %q", string(m))
	}
	if face.Has('湖') {
		t.Error("subset has a character it was not asked for")
	}
}

// TestCommittedIsCut: every outline in the committed files is what Subset
// cuts from the full font now, so the files are the command's output.
func TestCommittedIsCut(t *testing.T) {
	f, err := glyphs.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct {
		face *glyphs.Face
		file string
	}{{f.Regular, "NotoSansCJK-Regular.ttc"}, {f.Bold, "NotoSansCJK-Bold.ttc"}} {
		out, err := Cut(fullFont(t, w.file), w.face.Weight, w.face.Runes())
		if err != nil {
			t.Fatal(err)
		}
		committed, _ := glyphs.File(w.face.Weight)
		if !bytes.Equal(out, committed) {
			t.Errorf("%s/%s.svg is not what `%s` makes from %s", glyphs.Dir, w.face.Weight, glyphs.Command, w.file)
		}
	}
}

func TestSubsetMissingInSource(t *testing.T) {
	src := fullFont(t, "NotoSansCJK-Regular.ttc")
	_, err := Cut(src, glyphs.Regular, []rune{0x10FFFD})
	if err == nil || !strings.Contains(err.Error(), "U+10FFFD") {
		t.Errorf("err = %v, want it to name U+10FFFD", err)
	}
}
