package terms

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the output.html of testdata/*.txt")

// goldenAnchors are the anchors of the golden tests: real terms, adjacent in
// the report, plus a term contained in no other.
var goldenAnchors = []Anchor{
	{Note: 3, Text: "“兩個毫不動搖”", Count: 1},
	{Note: 4, Text: "“三個沒有變”", Count: 1},
	{Note: 6, Text: "“揭榜掛帥”", Count: 1},
	{Note: 7, Text: "“包干制”", Count: 1},
	{Note: 21, Text: "田長制", Count: 1},
	{Note: 27, Text: "保交樓", Count: 1},
	{Note: 35, Text: "新時代“楓橋經驗”", Count: 1},
	{Note: 36, Text: "“浦江經驗”", Count: 1},
	{Note: 40, Text: "a&b", Count: 1},
	{Note: 41, Text: "amp;c", Count: 1},
}

// TestGolden renders testdata/*.txt: each holds input.md and the expected
// output.html; the archive's comment is what the case shows. Go with -update
// to rewrite the outputs, then read them before committing.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	md := newMarkdown(Config{Anchors: goldenAnchors, Href: func(n int) string { return "/notes/#n" + strconv.Itoa(n) }})
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, want := section(a, "input.md"), section(a, "output.html")
			got, _ := convert(t, md, in)
			if !bytes.Equal([]byte(got), want) {
				if *update {
					setSection(a, "output.html", []byte(got))
					if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				t.Errorf("output differs\n got:\n%s\nwant:\n%s", got, want)
			}
			plain, _ := convert(t, newMarkdown(Config{}), in)
			must(t, unlink(got) == plain, "linking changed the text:\n%s\n%s", unlink(got), plain)
		})
	}
}

func section(a *txtar.Archive, name string) []byte {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func setSection(a *txtar.Archive, name string, data []byte) {
	for i, f := range a.Files {
		if f.Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}

// TestDisable: a page parsed with Disable(pc) gets no links and no uses.
func TestDisable(t *testing.T) {
	md := newMarkdown(Config{Anchors: goldenAnchors})
	pc := parser.NewContext()
	Disable(pc)
	var out bytes.Buffer
	if err := md.Convert([]byte("實行“揭榜掛帥”“包干制”。"), &out, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "<p>實行“揭榜掛帥”“包干制”。</p>\n" || Uses(pc) != nil {
		t.Errorf("disabled page: %q, %d uses", got, len(Uses(pc)))
	}
}
