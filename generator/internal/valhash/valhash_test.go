package valhash

import (
	"bytes"
	"html/template"
	"testing"
	"time"
)

func bytesOf(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, v); err != nil {
		t.Fatalf("Write(%#v): %v", v, err)
	}
	return b.Bytes()
}

type page struct {
	Title string
	Body  template.HTML
	Paras []para
	Prev  *link
	Notes map[string]int
	hide  string
	inner
}

type para struct {
	ID, Text string
	Heading  bool
}

type link struct{ URL, Title string }

type inner struct{ Lent string }

// Values a template would read differently are written differently.
func TestDiffers(t *testing.T) {
	long := string(bytes.Repeat([]byte("甲"), 200))
	base := page{Title: "一", Body: "<p>甲</p>", Paras: []para{{ID: "p1", Text: long}}, Prev: &link{"a/", "甲"}, Notes: map[string]int{"a": 1}}
	edit := func(f func(p *page)) page {
		p := base
		p.Paras = append([]para(nil), base.Paras...)
		p.Notes = map[string]int{"a": 1}
		f(&p)
		return p
	}
	tests := []struct {
		name string
		a, b any
	}{
		{"a long text's last character", base, edit(func(p *page) { p.Paras[0].Text = long[:len(long)-3] + "乙" })},
		{"a flag", base, edit(func(p *page) { p.Paras[0].Heading = true })},
		{"nil pointer and a zero one", base, edit(func(p *page) { p.Prev = nil })},
		{"a map value", base, edit(func(p *page) { p.Notes["a"] = 2 })},
		{"a map key", base, edit(func(p *page) { p.Notes = map[string]int{"b": 1} })},
		{"a promoted field", base, edit(func(p *page) { p.Lent = "x" })},
		{"strings split elsewhere", []string{"ab", "c"}, []string{"a", "bc"}},
		{"nil and empty slice", []string(nil), []string{}},
		{"a string and the same bytes as a number", "1", 1},
		{"the same fields in two types", struct{ V any }{link{"a", "b"}}, struct{ V any }{struct{ URL, Title string }{"a", "b"}}},
		{"int and uint", int64(-1), uint64(1)},
		{"times", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)},
		{"a float", 1.5, 1.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(bytesOf(t, tt.a), bytesOf(t, tt.b)) {
				t.Errorf("%#v and %#v are written the same", tt.a, tt.b)
			}
		})
	}
}

// What no template can read, and the order of a map, change nothing.
func TestSame(t *testing.T) {
	m1 := map[string]int{}
	m2 := map[string]int{}
	for i, k := range []string{"c", "a", "b", "e", "d"} {
		m1[k] = i
	}
	for i, k := range []string{"c", "a", "b", "e", "d"} {
		m2[k] = i
	}
	tests := []struct {
		name string
		a, b any
	}{
		{"an unexported field", page{Title: "一", hide: "x"}, page{Title: "一", hide: "y"}},
		{"maps filled in another order", m1, m2},
		{"a pointer and its value's copy", &link{"a", "b"}, &link{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !bytes.Equal(bytesOf(t, tt.a), bytesOf(t, tt.b)) {
				t.Errorf("%#v and %#v are written differently", tt.a, tt.b)
			}
		})
	}
}

type node struct{ Next *node }

func TestRefused(t *testing.T) {
	cyc := &node{}
	cyc.Next = cyc
	tests := []struct {
		name string
		v    any
	}{
		{"a function", struct{ F func() }{func() {}}},
		{"a channel", make(chan int)},
		{"a map keyed by structs", map[link]int{{"a", "b"}: 1}},
		{"a cycle", cyc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Write(&bytes.Buffer{}, tt.v); err == nil {
				t.Errorf("Write(%s) = nil error", tt.name)
			}
		})
	}
}

func BenchmarkPage(b *testing.B) {
	p := page{Title: "一", Body: template.HTML(bytes.Repeat([]byte("<p>甲乙丙</p>"), 2000))}
	for i := range 300 {
		p.Paras = append(p.Paras, para{ID: "p" + string(rune('a'+i%26)), Text: string(bytes.Repeat([]byte("政府工作報告"), 30))})
	}
	var w bytes.Buffer
	for b.Loop() {
		w.Reset()
		if err := Write(&w, p); err != nil {
			b.Fatal(err)
		}
	}
}
