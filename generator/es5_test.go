package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// es5Rules are syntax and APIs that WeChat's Chrome 78 core lacks or that
// need a newer ECMAScript than 5.
var es5Rules = []struct{ name, re string }{
	{"arrow function", `=>`},
	{"optional chaining", `\?\.[^0-9]`},
	{"nullish coalescing", `\?\?`},
	{"let or const", `\b(let|const)\s`},
	{"template literal", "`"},
	{"class", `\bclass\s+[A-Za-z]`},
	{"native popover", `showPopover|\.popover\b`},
	{"ES module", `^\s*(import|export)\b`},
	{"for…of", `for\s*\([^)]*\bof\b`},
	{"async function", `\basync\s+function|\bawait\s`},
	{"spread or rest", `\.\.\.[A-Za-z_$\[]`},
}

// commentsAndStrings matches what the rules must not look into.
var commentsAndStrings = regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`)

// leadingComments is what commentsAndStrings left of the comments that open a file.
var leadingComments = regexp.MustCompile(`^(\s*'')*`)

// TestScriptsAreES5 guards every script a reader's browser runs — each JS
// file under static/ and the preview server's client — against syntax and
// APIs newer than ES5, and checks each is a self-contained IIFE, so no
// script leaks globals into a page that embeds it.
func TestScriptsAreES5(t *testing.T) {
	files, err := filepath.Glob(repo("static/*/*.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts under static/: %v", err)
	}
	files = append(files, "internal/serve/client.js")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			code := commentsAndStrings.ReplaceAllString(string(src), "''")
			for _, r := range es5Rules {
				if loc := regexp.MustCompile(`(?m)` + r.re).FindStringIndex(code); loc != nil {
					t.Errorf("%s uses %s: %q", f, r.name, code[max(0, loc[0]-30):min(len(code), loc[1]+30)])
				}
			}
			body := strings.TrimSpace(leadingComments.ReplaceAllString(code, ""))
			if !strings.HasPrefix(body, "(function () {") || !(strings.HasSuffix(body, "})();") || strings.HasSuffix(body, "}());")) {
				t.Errorf("%s must be a self-contained IIFE", f)
			}
		})
	}
}
