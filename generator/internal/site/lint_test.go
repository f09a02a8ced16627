package site

import (
	"strings"
	"testing"

	"edition/generator/internal/script"
)

// TestLintOutput: Traditional text that reaches the Simplified edition
// from a template or the generator is a build error at the built file's
// line and column; quoted evidence and the name 繁體 are not.
func TestLintOutput(t *testing.T) {
	cv, err := script.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, html, want string
	}{
		{"label written in Go", "<p>注释</p>\n<button>關閉</button>", `part-1/index.html:2:9: Traditional-only character "關"`},
		{"damaged text quoted", `<dd><del translate="no">;萜笳呷媛鋵崱p</del></dd>`, ""},
		{"forensic reason quoted", `<p lang="en" translate="no">trail 0x70 of 減(9C70)</p>`, ""},
		{"name of the other edition", `<a class="switch" hreflang="zh-Hant" lang="zh-Hant">繁體</a>`, ""},
		{"Simplified", "<p>减税降费</p>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &renderer{sink: &memSink{out: Output{}}, lint: cv.Lint}
			r.put("part-1/index.html", []byte(c.html))
			r.put("zh-hant/part-1/index.html", []byte("<p>關閉</p>"))
			got := r.lintErrs.Error()
			if c.want == "" && len(r.lintErrs) > 0 || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("lint = %q, want %q", got, c.want)
			}
		})
	}
}

// TestLintRebuild: a rebuilding Builder skips lines it has seen clean,
// and still finds a Traditional character added to a file whose other
// lines it has seen, at the whole file's line and column, every time.
func TestLintRebuild(t *testing.T) {
	cv, err := script.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	bl := &Builder{}
	r := &renderer{bl: bl, sink: &memSink{out: Output{}}, lint: cv.Lint}
	clean := "<p>注释</p>\n<p>减税降费</p>\n"
	r.put("full/index.html", []byte(clean))
	if len(r.lintErrs) > 0 {
		t.Fatalf("clean file: %v", r.lintErrs)
	}
	for i := range 2 {
		r.lintErrs = nil
		r.put("full/index.html", []byte(clean+"<p>减税</p><button>關閉</button>\n"))
		if got, want := r.lintErrs.Error(), `full/index.html:3:18: Traditional-only character "關"`; !strings.Contains(got, want) {
			t.Errorf("put %d: lint = %q, want %q", i+1, got, want)
		}
	}
}
