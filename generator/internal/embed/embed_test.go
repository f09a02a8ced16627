package embed

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
)

const base = "https://edition.example.org/part-2-1/"

func TestRewrite(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"a link to a place on the page stays",
			`<p id="p1">x <a class="term" href="#n8">t</a></p><ol><li id="n8">note</li></ol>`,
			`<a class="term" href="#n8">t</a>`},
		{"a permalink opens the full page in a new tab",
			`<p id="p1">x<a class="pin" href="#p1">¶1</a></p>`,
			`<a class="pin" href="https://edition.example.org/part-2-1/#p1" target="_blank" rel="noopener">¶1</a>`},
		{"a place not on the page is on the full page",
			`<p><a href="#p9">¶9</a></p>`,
			`<a href="https://edition.example.org/part-2-1/#p9" target="_blank" rel="noopener">`},
		{"a relative link resolves against the full page",
			`<p><a href="../notes/#n8">注释</a></p>`,
			`<a href="https://edition.example.org/notes/#n8" target="_blank" rel="noopener">`},
		{"an absolute link opens in a new tab",
			`<p><a href="https://example.com/" target="_self">x</a></p>`,
			`<a href="https://example.com/" target="_blank" rel="noopener">`},
		{"an SVG link too",
			`<svg viewBox="0 0 10 10"><a href="#p3" class="mark"><rect width="1" height="1"/></a></svg>`,
			`<a href="https://edition.example.org/part-2-1/#p3" class="mark" target="_blank" rel="noopener">`},
		{"data-seed is dropped",
			`<p id="p1" data-seed>text</p>`,
			`<p id="p1">text</p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := Rewrite([]byte("<!doctype html><html><head><title>t</title></head><body>"+c.in+"</body></html>"), base)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), c.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", out, c.want)
			}
		})
	}
}

func FuzzRewrite(f *testing.F) {
	f.Add(`<p id="a"><a class="pin" href="#a">x</a><a href="../b/">y</a></p>`)
	f.Add(`<svg viewBox="0 0 1"><a href="%zz">`)
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := Rewrite([]byte(s), base); err != nil {
			t.Skip()
		}
		_ = Height([]byte(s), 375, DefaultLayout())
	})
}

func TestSnippet(t *testing.T) {
	s := Snippet{Src: "https://e.org/embed/s/", Title: `A "quoted" <title>`, Height: 1234, Script: "https://e.org/embed/resize.js", Href: "https://e.org/s/", LinkText: "Read & more"}.HTML()
	for _, want := range []string{
		`<iframe src="https://e.org/embed/s/" title="A &#34;quoted&#34; &lt;title&gt;" width="100%" height="1234" loading="lazy" style="display:block;border:0;width:100%;min-width:100%;height:1234px"></iframe>`,
		`<script async src="https://e.org/embed/resize.js"></script>`,
		`<p><a href="https://e.org/s/">Read &amp; more</a></p>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("snippet\n%s\nlacks\n%s", s, want)
		}
	}
}

// TestSnippetHeights: one height (the taller) when the phone and wide
// layouts are within OneHeight of each other; otherwise a box whose
// padding draws the line through both measured heights, at least the
// wide height, with the phone height as the attribute a CMS keeps.
func TestSnippetHeights(t *testing.T) {
	for _, tc := range []struct {
		name         string
		phone, wide  int
		box          bool
		height, attr string
	}{
		{"chart, taller on a phone", 580, 500, false, "height:580px", `height="580"`},
		{"chart, taller wide", 700, 790, false, "height:790px", `height="790"`},
		{"section", 4500, 2580, true, "height:2580px", `height="4500"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Snippet{Src: "https://e.org/embed/s/", Title: "t", Phone: tc.phone, Wide: tc.wide, Script: "https://e.org/embed/resize.js", Href: "https://e.org/s/"}.HTML()
			if strings.Contains(s, "edition-embed-box") != tc.box || !strings.Contains(s, tc.height) || !strings.Contains(s, tc.attr) {
				t.Fatalf("snippet:\n%s", s)
			}
			if !tc.box {
				return
			}
			var a, b float64
			m := regexp.MustCompile(`padding-top:calc\((\d+)px - ([\d.]+)%\)`).FindStringSubmatch(s)
			if m == nil {
				t.Fatalf("no line in\n%s", s)
			}
			fmt.Sscan(m[1], &a)
			fmt.Sscan(m[2], &b)
			for w, want := range map[int]int{PhoneWidth: tc.phone, WideWidth: tc.wide} {
				if got := a - b/100*float64(w); math.Abs(got-float64(want)) > 1.5 {
					t.Errorf("at %d px the box is %.0f px, want %d", w, got, want)
				}
			}
		})
	}
}

// TestOEmbed: the fields oEmbed 1.0 requires of type rich, and an html
// that is one bare iframe.
func TestOEmbed(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(NewOEmbed("https://e.org/embed/s/", "T<", "P", "https://e.org/", 900).JSON(), &m); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"version": "1.0", "type": "rich", "width": 600.0, "height": 900.0, "title": "T<", "provider_name": "P", "provider_url": "https://e.org/",
		"html": `<iframe src="https://e.org/embed/s/" title="T&lt;" width="600" height="900" frameborder="0"></iframe>`} {
		if m[k] != want {
			t.Errorf("%s = %v, want %v", k, m[k], want)
		}
	}
}

func TestHeaders(t *testing.T) {
	h := string(Headers([]string{"embed/", "zh-hant/embed/"}, []string{"", "part-1/*", "zh-hant/", "part-1/*"}))
	want := `# Framing policy: embed pages may be framed by any site; other pages only by this one.
# Netlify / Cloudflare Pages format; see generator/internal/embed.
/embed/*
  Content-Security-Policy: frame-ancestors *
  Access-Control-Allow-Origin: *
/zh-hant/embed/*
  Content-Security-Policy: frame-ancestors *
  Access-Control-Allow-Origin: *
/
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
/part-1/*
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
/zh-hant/
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
`
	if h != want {
		t.Errorf("got\n%s\nwant\n%s", h, want)
	}
}

// TestHeight: more text is taller, a narrower column is taller, and a
// chart adds its scaled viewBox.
func TestHeight(t *testing.T) {
	page := func(body string) []byte { return []byte("<!doctype html><html><body>" + body + "</body></html>") }
	para := "<p>" + strings.Repeat("政府工作报告", 20) + "</p>"
	one := Height(page(para), 375, DefaultLayout())
	two := Height(page(para+para), 375, DefaultLayout())
	narrow := Height(page(para), 320, DefaultLayout())
	chart := Height(page(para+`<svg viewBox="0 0 360 360"></svg>`), 375, DefaultLayout())
	// A chart's narrow layout waits hidden (shown only at 大 on a phone).
	hidden := Height(page(para+`<svg viewBox="0 0 360 360"></svg><div class="chart-narrow" hidden><svg viewBox="0 0 256 360"></svg></div>`), 375, DefaultLayout())
	switch {
	case one <= 0:
		t.Errorf("one paragraph: %d", one)
	case two <= one:
		t.Errorf("two paragraphs %d, one %d", two, one)
	case narrow <= one:
		t.Errorf("at 320 px %d, at 375 px %d", narrow, one)
	case chart-one < 300:
		t.Errorf("a square chart added %d px in a 343 px column", chart-one)
	case hidden != chart:
		t.Errorf("with a hidden second layout %d px, without %d", hidden, chart)
	}
	// 120 characters, 20 to a 343 px line at 17 px: 7 lines of 31.45 px.
	if one < 7*31 || one > 330 {
		t.Errorf("one paragraph of 120 characters at 375 px: %d px, want about 300", one)
	}
}
