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

// TestLinks: how an embed page writes each link (model.Copy), as the
// renderers ask it.
func TestLinks(t *testing.T) {
	l, err := NewLinks(base, map[string]bool{"p1": true, "n8": true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, href string
		pin        bool
		want       string
		tab        bool
	}{
		{"a link to a place on the page stays", "#n8", false, "#n8", false},
		{"a permalink opens the full page in a new tab", "#p1", true, "https://edition.example.org/part-2-1/#p1", true},
		{"a place not on the page is on the full page", "#p9", false, "https://edition.example.org/part-2-1/#p9", true},
		{"a relative link resolves against the full page", "../notes/#n8", false, "https://edition.example.org/notes/#n8", true},
		{"an absolute link opens in a new tab", "https://example.com/", false, "https://example.com/", true},
		{"a root-relative page, without a base URL", "../part-1/#p1-2", false, "https://edition.example.org/part-1/#p1-2", true},
		{"a link that is not a URL stays, in place", "%zz", false, "%zz", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, tab := l.Link(c.href, c.pin)
			if got != c.want || tab != c.tab {
				t.Errorf("Link(%q, %v) = %q, %v; want %q, %v", c.href, c.pin, got, tab, c.want, c.tab)
			}
		})
	}
	// Without a base URL the full page's address is root-relative.
	r, _ := NewLinks("/part-2-1/", nil)
	if got, _ := r.Link("../part-1/#p1-2", false); got != "/part-1/#p1-2" {
		t.Errorf("root-relative: %q", got)
	}
}

func FuzzLinks(f *testing.F) {
	f.Add("/part-2-1/", "#a", true)
	f.Add("https://h/x/", "%zz", false)
	f.Add("https://h/x/", "::", false)
	f.Fuzz(func(t *testing.T, full, href string, pin bool) {
		l, err := NewLinks(full, map[string]bool{"a": true})
		if err != nil {
			t.Skip()
		}
		got, tab := l.Link(href, pin)
		if !tab && got != href {
			t.Errorf("Link(%q) = %q in place, changed", href, got)
		}
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
// chart adds its viewBox scaled to the column.
func TestHeight(t *testing.T) {
	para := strings.Repeat("政府工作报告", 20)
	height := func(width int, add func(e *Estimate)) int {
		e := NewEstimate(width, DefaultLayout())
		add(e)
		return e.Height()
	}
	one := height(375, func(e *Estimate) { e.Para(para) })
	two := height(375, func(e *Estimate) { e.Para(para); e.Para(para) })
	narrow := height(320, func(e *Estimate) { e.Para(para) })
	chart := height(375, func(e *Estimate) { e.Para(para); e.Chart(Chart{W: 360, H: 360}) })
	notes := height(375, func(e *Estimate) {
		e.Para(para)
		e.Notes("本節注釋", []Note{{Paras: []string{"術語：" + para}, Uses: []string{"二¶1 上下文"}}})
	})
	switch {
	case one <= 0:
		t.Errorf("one paragraph: %d", one)
	case two <= one:
		t.Errorf("two paragraphs %d, one %d", two, one)
	case narrow <= one:
		t.Errorf("at 320 px %d, at 375 px %d", narrow, one)
	case chart-one < 300:
		t.Errorf("a square chart added %d px in a 343 px column", chart-one)
	case notes-one < 150:
		t.Errorf("a note of 120 characters added %d px", notes-one)
	}
	// 120 characters, 20 to a 343 px line at 17 px: 7 lines of 31.45 px.
	if one < 7*31 || one > 330 {
		t.Errorf("one paragraph of 120 characters at 375 px: %d px, want about 300", one)
	}
}
