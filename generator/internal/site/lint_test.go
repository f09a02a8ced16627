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
