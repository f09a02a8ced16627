package serve

import (
	"os"
	"strings"
	"testing"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestHighlightCSSIsChromas: overlay-chroma.css is what chroma writes for
// the excerpt's formatter options (numbered, marked, wrapped lines with
// pv- classes) in the github style.
func TestHighlightCSSIsChromas(t *testing.T) {
	var want strings.Builder
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("pv-"), chromahtml.WithLineNumbers(true),
		chromahtml.WrapLongLines(true), chromahtml.BaseLineNumber(1), chromahtml.HighlightLines([][2]int{{1, 1}}))
	if err := f.WriteCSS(&want, styles.Get("github")); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("overlay-chroma.css", []byte(want.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if highlightCSS != want.String() {
		t.Fatal("overlay-chroma.css differs from chroma's; run go test ./generator/internal/serve -run HighlightCSS -update")
	}
}
