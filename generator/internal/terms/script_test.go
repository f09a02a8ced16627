package terms

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestScriptIsES5 guards notes.js against syntax and APIs that WeChat's
// Chrome 78 core lacks or that need a newer ECMAScript than 5.
func TestScriptIsES5(t *testing.T) {
	src, err := os.ReadFile("../../../static/js/notes.js")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*|'(?:[^'\\\n]|\\.)*'`).ReplaceAllString(string(src), "''")
	for _, c := range []struct{ name, re string }{
		{"arrow function", `=>`},
		{"optional chaining", `\?\.`},
		{"nullish coalescing", `\?\?`},
		{"let or const", `\b(let|const)\s`},
		{"template literal", "`"},
		{"class", `\bclass\s+[A-Za-z]`},
		{"native popover", `popover|showPopover`},
		{"ES module", `\b(import|export)\b`},
		{"Element.closest (use the local closest)", `\.closest\(`},
		{"for…of", `for\s*\([^)]*\bof\b`},
	} {
		if loc := regexp.MustCompile(c.re).FindStringIndex(code); loc != nil {
			t.Errorf("notes.js uses %s: %q", c.name, code[max(0, loc[0]-30):min(len(code), loc[1]+30)])
		}
	}
	if body := strings.TrimSpace(code); !strings.HasPrefix(body, "''\n(function () {") || !strings.HasSuffix(body, "})();") {
		t.Error("notes.js must be a self-contained IIFE")
	}
}
