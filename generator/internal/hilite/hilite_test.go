package hilite

import (
	"bytes"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"edition/generator/internal/embed"
)

var update = flag.Bool("update", false, "rewrite chroma.css from chroma")

// viaChroma is what the site did before this package: chroma's lexer for
// lang, its HTML formatter with hl- classes, and a tabindex on the <pre>.
func viaChroma(t testing.TB, lang, code string) template.HTML {
	t.Helper()
	it, err := chroma.Coalesce(lexers.Get(lang)).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	f := chtml.New(chtml.WithClasses(true), chtml.ClassPrefix("hl-"))
	if err := f.Format(&b, styles.Get("github"), it); err != nil {
		t.Fatal(err)
	}
	return template.HTML(strings.Replace(b.String(), "<pre ", `<pre tabindex="0" `, 1))
}

func chromaCSS() []byte {
	f := chtml.New(chtml.WithClasses(true), chtml.ClassPrefix("hl-"))
	var b bytes.Buffer
	b.WriteString("/* code highlighting (chroma, github / github-dark) */\n")
	f.WriteCSS(&b, styles.Get("github"))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	f.WriteCSS(&b, styles.Get("github-dark"))
	b.WriteString("}\n")
	return b.Bytes()
}

// TestCSSIsChromas: chroma.css is what chroma writes for the two styles,
// so a chroma upgrade that changes them shows up here.
func TestCSSIsChromas(t *testing.T) {
	want := chromaCSS()
	if *update {
		if err := os.WriteFile("chroma.css", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(CSS, want) {
		t.Fatal("chroma.css differs from chroma's output; run go test ./generator/internal/hilite -update")
	}
}

func snippet(src, title, script, href, link string, h int) string {
	return embed.Snippet{Src: src, Title: title, Height: h, Script: script, Href: href, LinkText: link}.HTML()
}

func TestHTMLSnippetIsChromas(t *testing.T) {
	cases := map[string]string{
		"chart": snippet("https://edition.example.org/embed/chart/new-economy/", "新动能：2023年各项增速 · 朔州市2024年政府工作报告 · 注释版",
			"https://edition.example.org/embed/resize.js", "https://edition.example.org/part-1/#chart-new-economy", "阅读全文与注释：新动能：2023年各项增速", 880),
		"escapes": snippet(`https://x.org/a?b=1&c="2"`, `<T> & 'q'`, "/r.js", "/p/#x", `a & b < c > d "e" 'f'`, 0),
		"empty":   snippet("", "", "", "", "", 0),
		"spaces":  snippet(" ", "\u3000", "\t", "\n", " x\ny ", 1),
	}
	for name, code := range cases {
		t.Run(name, func(t *testing.T) {
			got, ok := HTML(code)
			if !ok {
				t.Fatalf("snippet not in the HTML shape:\n%s", code)
			}
			if want := viaChroma(t, "html", code); got != want {
				t.Fatalf("differs from chroma\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func TestHTMLOutsideShape(t *testing.T) {
	for name, code := range map[string]string{
		"comment":        "<!-- x -->",
		"single quotes":  "<a href='x'>",
		"script content": "<script>var a;</script>",
		"style":          "<style>p{}</style>",
		"bare ampersand": "a & b",
		"unquoted value": "<a href=x>",
	} {
		t.Run(name, func(t *testing.T) {
			if _, ok := HTML(code); ok {
				t.Fatalf("%q accepted", code)
			}
		})
	}
}

func FuzzHTMLSnippet(f *testing.F) {
	f.Add("https://e.org/embed/part-1/", "第一部分 · 版", "https://e.org/embed/resize.js", "https://e.org/part-1/", "阅读全文：一", 480)
	f.Add(`&amp;<>"'`, "&#34;;", "a;b&", "&\u00a0;", "&x y;", -1)
	f.Fuzz(func(t *testing.T, src, title, script, href, link string, h int) {
		code := snippet(src, title, script, href, link, h)
		got, ok := HTML(code)
		if !ok {
			t.Fatalf("snippet not in the HTML shape:\n%s", code)
		}
		if want := viaChroma(t, "html", code); got != want {
			t.Fatalf("differs from chroma for %q\n got: %s\nwant: %s", code, got, want)
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add("id,para,phrase\ncoal-2023,p1-2,\"a,\"\"b\"\"\"\n,,,\r\nx")
	f.Add("\"open")
	f.Fuzz(func(t *testing.T, code string) {
		if got, want := CSV(code), viaChroma(t, "csv", code); got != want {
			t.Fatalf("differs from chroma for %q\n got: %s\nwant: %s", code, got, want)
		}
	})
}

// TestSpecIsChromas: every chart of testdata/charts.md (an edition's
// chart specs, copied), as the figures page shows it, highlights as
// chroma does.
func TestSpecIsChromas(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	fence := regexp.MustCompile("(?s)```chart\n(.*?)```")
	n := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fence.FindAllStringSubmatch(string(data), -1) {
			n++
			code := "```chart\n" + m[1] + "```"
			got, ok := Spec(code)
			if !ok {
				t.Errorf("%s: chart not in the spec shape:\n%s", file, code)
				continue
			}
			if want := viaChroma(t, "yaml", code); got != want {
				t.Errorf("%s: differs from chroma\n got: %s\nwant: %s", file, got, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no charts found in testdata")
	}
}

func TestSpecShapes(t *testing.T) {
	cases := []struct {
		name, code string
		ok         bool
	}{
		{"key value", "```chart\nid: grain\nkind: compare\n```", true},
		{"label key", "label coal-2023: 原煤\n", true},
		{"comment line", "# a note\nid: x\n", true},
		{"blank lines", "id: x\n\n\ntitle: z", true},
		{"full-width colon", "title：糧食\n", true},
		{"empty value", "figures: \n", true},
		{"key alone", "figures:\nid: x", true},
		{"list item", "- a\n", false},
		{"indented", "figures:\n  - a\n", false},
		{"number", "width: 300\n", false},
		{"percent", "max: 100%\n", false},
		{"year then word", "subtitle: 2024年目標\n", true},
		{"decimal then word", "note: 3.5億\n", false},
		{"date", "as of: 2024-01-02\n", false},
		{"constant", "sort: no\n", false},
		{"quoted", "title: \"x\"\n", false},
		{"comment after value", "id: x # y\n", false},
		{"colon in value", "title: a: b\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Spec(tc.code)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if ok {
				if want := viaChroma(t, "yaml", tc.code); got != want {
					t.Fatalf("differs from chroma\n got: %s\nwant: %s", got, want)
				}
			}
		})
	}
}

func FuzzSpec(f *testing.F) {
	f.Add("```chart\nid: grain\nkind: compare\ntitle: 糧食產量\nfigures: grain-2023, grain-2024\n```")
	f.Add("# c\nlabel a-1: x\n\nn: no\ny: yes\n")
	f.Fuzz(func(t *testing.T, code string) {
		got, ok := Spec(code)
		if !ok {
			return
		}
		if want := viaChroma(t, "yaml", code); got != want {
			t.Fatalf("differs from chroma for %q\n got: %s\nwant: %s", code, got, want)
		}
	})
}

func TestPlainIsChromasPlaintext(t *testing.T) {
	for _, code := range []string{"", "a", "a\nb\n", "<&>\r\n\"'"} {
		if got, want := Plain(code), viaChroma(t, "plaintext", code); got != want {
			t.Errorf("Plain(%q)\n got: %s\nwant: %s", code, got, want)
		}
	}
}

// TestExcerptIsChromas: numbered, marked excerpts as the preview overlay
// showed them with chroma (pv- classes, line numbers, wrapped lines).
func TestExcerptIsChromas(t *testing.T) {
	cases := []struct {
		name, lang, code string
		first, mark      int
	}{
		{"front matter", "yaml", "---\ntitle: 二、工作任務\nweight 2\nsummary: 八項\n---\n\n", 1, 3},
		{"numbers widen", "yaml", "a: b\nc: d\ne: f\ng: h\n", 8, 10},
		{"plain", "plaintext", "<p>{{ .Title }</p>\n&x\n", 98, 99},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Excerpt(tc.code, tc.lang == "yaml", Options{Prefix: "pv-", FirstLine: tc.first, Mark: tc.mark})
			it, err := chroma.Coalesce(lexers.Get(tc.lang)).Tokenise(nil, tc.code)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			f := chtml.New(chtml.WithClasses(true), chtml.ClassPrefix("pv-"), chtml.WithLineNumbers(true),
				chtml.WrapLongLines(true), chtml.BaseLineNumber(tc.first), chtml.HighlightLines([][2]int{{tc.mark, tc.mark}}))
			if err := f.Format(&b, styles.Get("github"), it); err != nil {
				t.Fatal(err)
			}
			if got != b.String() {
				t.Fatalf("differs from chroma\n got: %s\nwant: %s", got, b.String())
			}
		})
	}
}
