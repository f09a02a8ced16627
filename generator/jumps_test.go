package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestJumpListNestsRunIn imports and builds a report whose first part has
// run-in subsections of several paragraphs (testdata/reports/
// notes-annex-simplified.txt): the part page's 本页内容 list names each
// subsection with its later paragraphs nested under it, and the part's own
// opening paragraph at the top.
func TestJumpListNestsRunIn(t *testing.T) {
	if testing.Short() {
		t.Skip("imports and builds a report")
	}
	dir := t.TempDir()
	cont, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	fl := []string{"-seed", filepath.Join("testdata", "reports", "notes-annex-simplified.txt"), "-content", cont, "-out", out,
		"-templates", repo("templates"), "-static", repo("static")}
	for _, cmd := range []string{"import", "build"} {
		if code, stdout, stderr := runCmd(t, append([]string{cmd}, fl...)...); code != 0 {
			t.Fatalf("%s: %s%s", cmd, stdout, stderr)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "part-1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	nav := regexp.MustCompile(`(?s)<nav class="jump".*?</nav>`).Find(page)
	if nav == nil {
		t.Fatal("part-1 has no 本页内容 list")
	}
	// The list's shape: its links in order, "(" opening a nested list.
	var shape []string
	for _, m := range regexp.MustCompile(`<ol>|</ol>|href="#([^"]+)"`).FindAllSubmatch(nav, -1) {
		switch string(m[0]) {
		case "<ol>":
			shape = append(shape, "(")
		case "</ol>":
			shape = append(shape, ")")
		default:
			shape = append(shape, string(m[1]))
		}
	}
	want := "( p1-1 p1-1-1 ( p1-1-2 p1-1-3 ) p1-2-1 ( p1-2-2 p1-2-3 ) )"
	if got := strings.Join(shape, " "); got != want {
		t.Errorf("jump list %s, want %s\n%s", got, want, nav)
	}
}
