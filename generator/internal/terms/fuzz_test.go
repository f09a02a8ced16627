package terms

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzLink checks, for any Markdown, that linking never panics, changes no
// text (the HTML without the links is the HTML of the plain renderer), and
// records one use per link.
func FuzzLink(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		if a, err := txtar.ParseFile(file); err == nil {
			f.Add(string(section(a, "input.md")))
		}
	}
	for _, s := range []string{"田長", "田長制田長制", "“揭榜掛帥”“包干制”", "a&amp;c amp;c", "*田長*制", "田長制\n田長制", "\t田長制"} {
		f.Add(s)
	}
	anchors := append(append([]Anchor(nil), goldenAnchors...),
		Anchor{Note: 50, Text: "長制田", Count: 1}, Anchor{Note: 51, Text: "“", Count: 1})
	linked := newMarkdown(Config{Anchors: anchors})
	plain := newMarkdown(Config{})
	f.Fuzz(func(t *testing.T, src string) {
		got, uses := convert(t, linked, []byte(src))
		want, _ := convert(t, plain, []byte(src))
		if unlink(got) != want {
			t.Fatalf("linking changed the text of %q:\n got %s\nwant %s", src, unlink(got), want)
		}
		if n := strings.Count(got, `<a class="term" `); n != len(uses) {
			t.Fatalf("%d links but %d uses for %q", n, len(uses), src)
		}
	})
}
