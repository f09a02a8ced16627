package site

import (
	"strings"
	"testing"

	"edition/generator/internal/markup"
)

func TestLeadHeadings(t *testing.T) {
	paras := []markup.Para{
		{ID: "p3-1-1", Lead: "（一）堅持政治引領。"},
		{ID: "p1-2", Lead: "能源保供堅實有力。"},
	}
	html := `<p id="p3-1-1" data-seed><strong>（一）堅持政治引領。</strong>持續…</p>` +
		`<p id="p1-2" data-seed><strong>能源保供堅實有力。</strong>…</p>`
	got := leadHeadings(html, paras)
	for _, c := range []struct {
		name, want string
		in         bool
	}{
		{"numbered theme is a heading", `<strong class="lead-h" role="heading" aria-level="2">（一）堅持政治引領。</strong>`, true},
		{"other lead-ins stay as they are", `<p id="p1-2" data-seed><strong>能源保供`, true},
		{"text unchanged", `（一）堅持政治引領。</strong>持續…</p>`, true},
	} {
		if strings.Contains(got, c.want) != c.in {
			t.Errorf("%s: %q in %q = %v", c.name, c.want, got, !c.in)
		}
	}
}

func TestJumps(t *testing.T) {
	var paras []markup.Para
	for _, s := range []string{"2023年，是開局之年。其餘", "一年來，我們穩增長。", "一年來，我們建鏈條。", "一年來，我們抓改革。", "各位代表，成績。", "在肯定成績的同時，問題。"} {
		paras = append(paras, markup.Para{ID: "p" + s[:3], Text: s})
	}
	p := &Page{Paras: paras}
	js := p.Jumps()
	if len(js) != 6 {
		t.Fatalf("%d entries, want 6", len(js))
	}
	for i, want := range []string{"2023年，是開局之年", "我們穩增長", "我們建鏈條", "我們抓改革", "各位代表，成績", "在肯定成績的同時，問題"} {
		if js[i].Title != want {
			t.Errorf("entry %d = %q, want %q", i, js[i].Title, want)
		}
	}
	if (&Page{Paras: paras[:minJumps-1]}).Jumps() != nil {
		t.Error("a short page got a jump list")
	}
	long := markup.Para{ID: "x", Lead: strings.Repeat("長", 40) + "。"}
	p = &Page{Paras: append(paras, long)}
	if got := p.Jumps()[6].Title; len([]rune(got)) != jumpLabel || !strings.HasSuffix(got, "…") {
		t.Errorf("long title = %q, want %d characters ending in …", got, jumpLabel)
	}
}

func TestCompactCSS(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"comments and spaces go", "/* why */\n.a  { color : red ;\n}\n", ".a{color :red;}"},
		{"a descendant pseudo-class keeps its space", "html.js :target { x: 1 }", "html.js :target{x:1}"},
		{"values keep their spaces", ".b { margin: 0 1rem; box-shadow: 0 6px rgba(0, 0, 0, .1) }", ".b{margin:0 1rem;box-shadow:0 6px rgba(0,0,0,.1)}"},
		{"strings are kept whole", `.c::after { content: "\2060 /* x */" }`, `.c::after{content:"\2060 /* x */"}`},
	} {
		got, err := compact([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("%s: compact(%q) = %q, %v; want %q", c.name, c.in, got, err, c.want)
		}
	}
}
