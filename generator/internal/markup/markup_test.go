package markup

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txt golden files")

// render parses one page and returns its HTML, paragraphs and errors as
// text for a golden file.
func render(cite string, shift int, src []byte) string {
	md := goldmark.New(goldmark.WithExtensions(New(Config{})))
	pc := NewContext(cite)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	b := &shifted{shift: shift}
	if err := md.Renderer().Render(b, src, doc); err != nil {
		return "render error: " + err.Error()
	}
	b.WriteString("-- paras --\n")
	for _, p := range Paras(pc) {
		fmt.Fprintf(b, "%s line %d cite %q heading %v level %d lead %q: %s\n", p.ID, p.Line, p.Cite, p.Heading, p.Level, p.Lead, p.Text)
	}
	for _, e := range Errors(pc) {
		fmt.Fprintf(b, "error: %v\n", e)
	}
	return b.String()
}

// shifted is a writer that renders headings shift levels lower (a page
// inside the 全文 page).
type shifted struct {
	bytes.Buffer
	shift int
}

func (w *shifted) Available() int    { return 1 << 20 }
func (w *shifted) Buffered() int     { return 0 }
func (w *shifted) Flush() error      { return nil }
func (w *shifted) HeadingShift() int { return w.shift }

// TestGolden runs testdata/*.txt: "-- cite --" (the page's citation
// prefix), "-- input.md --", and the expected "-- output --"; and
// optionally "-- shift --", the heading shift of the writer it is
// rendered into.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var cite, input []byte
			oi, shift := -1, 0
			for i, fl := range ar.Files {
				switch fl.Name {
				case "cite":
					cite = bytes.TrimSpace(fl.Data)
				case "input.md":
					input = fl.Data
				case "shift":
					shift, err = strconv.Atoi(string(bytes.TrimSpace(fl.Data)))
					if err != nil {
						t.Fatal(err)
					}
				case "output":
					oi = i
				}
			}
			got := render(string(cite), shift, input)
			if *update {
				if oi < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "output"})
					oi = len(ar.Files) - 1
				}
				ar.Files[oi].Data = []byte(strings.ReplaceAll(got, "\n-- paras --\n", "\n== paras ==\n"))
				os.WriteFile(f, txtar.Format(ar), 0o644)
				return
			}
			if oi < 0 {
				t.Fatal("no -- output -- (run with -update)")
			}
			want := strings.ReplaceAll(string(ar.Files[oi].Data), "\n== paras ==\n", "\n-- paras --\n")
			if got != want {
				t.Errorf("output differs (run with -update and review the diff)\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func FuzzMarkup(f *testing.F) {
	f.Add("**改造提升能源產業。**抓好煤炭。 {#p1}\n")
	f.Add("# （一）以能源 {#s2-1}\n\n**（一）堅持政治引領。**持續 {#p3-1-1}\n")
	f.Add("**a*b** {#x}\n***\n** {#y}\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("content.Load rejects text that is not UTF-8 (goldmark's CJK renderer panics on it)")
		}
		out := render("二", 0, []byte(s))
		if out != render("二", 0, []byte(s)) {
			t.Fatal("not deterministic")
		}
	})
}

func TestTrailingID(t *testing.T) {
	t.Parallel()
	cases := []struct {
		line, id string
		at       int
	}{
		{"正文。 {#p2-1-3}", "p2-1-3", len("正文。")},
		{"正文。{#p1}", "p1", len("正文。")},
		{"# 標題 {#s2-1}  \r", "s2-1", len("# 標題")},
		{"{#p1}", "p1", 0},
		{"正文。 {#2x}", "", len("正文。 {#2x}")},
		{"正文 {#p1} 。", "", len("正文 {#p1} 。")},
		{"", "", 0},
	}
	for _, c := range cases {
		if id, at := TrailingID(c.line); id != c.id || at != c.at {
			t.Errorf("TrailingID(%q) = %q, %d; want %q, %d", c.line, id, at, c.id, c.at)
		}
	}
}

func FuzzTrailingID(f *testing.F) {
	f.Add("正文。 {#p2-1-3}")
	f.Fuzz(func(t *testing.T, s string) {
		id, at := TrailingID(s)
		if at < 0 || at > len(s) || id != "" && !strings.Contains(s[at:], "{#"+id+"}") {
			t.Fatalf("TrailingID(%q) = %q, %d", s, id, at)
		}
	})
}

// copyWriter is a writer for a copy of the page (an embed page) whose
// links to anything but #p1 go to https://x/p/ in a new tab.
type copyWriter struct{ bytes.Buffer }

func (w *copyWriter) Available() int { return 1 << 20 }
func (w *copyWriter) Buffered() int  { return 0 }
func (w *copyWriter) Flush() error   { return nil }
func (w *copyWriter) Copy()          {}
func (w *copyWriter) Link(href string, pin bool) (string, bool) {
	if href == "#p1" && !pin {
		return href, false
	}
	return "https://x/p/" + href, true
}

// TestCopy: rendered into a model.Copy, a page's paragraphs and headings
// carry no data-seed mark, and every link is written as the copy says:
// the permalink, a markdown link, an autolink; the text is the same.
func TestCopy(t *testing.T) {
	src := []byte("# 標題 {#h1}\n\n**（一）主題。**正文[見圖](#p1)與[他頁](../x/#p9)，<https://example.com/a>。 {#p1}\n")
	md := goldmark.New(goldmark.WithExtensions(New(Config{})))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(NewContext("二")))
	var page bytes.Buffer
	var cp copyWriter
	if err := md.Renderer().Render(&page, src, doc); err != nil {
		t.Fatal(err)
	}
	if err := md.Renderer().Render(&cp, src, doc); err != nil {
		t.Fatal(err)
	}
	got := cp.String()
	for _, want := range []string{
		`<h1 id="h1">標題</h1>`,
		`<p id="p1" class="has-lead-h"><strong class="lead-h" role="heading" aria-level="2">（一）主題。</strong>`,
		`<a href="#p1">見圖</a>`,
		`<a href="https://x/p/../x/#p9" target="_blank" rel="noopener">他頁</a>`,
		`<a href="https://x/p/https://example.com/a" target="_blank" rel="noopener">https://example.com/a</a>`,
		`<a class="pin" href="https://x/p/#p1" data-ed target="_blank" rel="noopener">二（一）¶1</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("copy lacks %s\n%s", want, got)
		}
	}
	if strings.Contains(got, "data-seed") {
		t.Errorf("copy carries data-seed:\n%s", got)
	}
	for _, want := range []string{`<h1 id="h1" data-seed="">`, `<a href="../x/#p9">他頁</a>`, `<a class="pin" href="#p1" data-ed>`} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("page lacks %s\n%s", want, page.String())
		}
	}
}
