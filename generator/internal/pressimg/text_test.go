package pressimg

import (
	"errors"
	"testing"

	"edition/generator/internal/glyphs"
)

// TestBoldFallsBackToRegular: the bold subset is smaller than the regular
// one, so a bold title with a character only the regular weight has sets
// that character in regular rather than failing; a character in neither
// weight still fails, naming the bold file.
func TestBoldFallsBackToRegular(t *testing.T) {
	font, err := glyphs.Load()
	if err != nil {
		t.Fatal(err)
	}
	f := NewFonts(font)
	var only rune
	for r := range font.Regular.Glyphs {
		if r > 0x4e00 && !font.Bold.Has(r) && (only == 0 || r < only) {
			only = r
		}
	}
	if only == 0 {
		t.Fatal("every regular character is in bold too: nothing to fall back for")
	}
	bold := style{Size: 40, Bold: true}
	if err := f.check("标题"+string(only), bold); err != nil {
		t.Errorf("bold %q: %v", only, err)
	}
	if got, want := f.advance(only, bold), f.advance(only, style{Size: 40}); got != want {
		t.Errorf("bold %q is %v wide, want the regular width %v", only, got, want)
	}
	if len(f.glyph(only, true)) == 0 {
		t.Errorf("bold %q has no outline", only)
	}
	var me *glyphs.MissingError
	if err := f.check("标题𠀋", bold); !errors.As(err, &me) || me.Rune != '𠀋' || me.Weight != glyphs.Bold {
		t.Errorf("a character in neither weight: %v", err)
	}
}
