package markup

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestDeepNestingHasLine: a quote nested 100,000 deep is refused at its
// line, found without recursion.
func TestDeepNestingHasLine(t *testing.T) {
	src := []byte("# 題 {#s1}\n\n" + strings.Repeat(">", 100000) + " 文 {#p1}\n")
	pc := NewContext("一")
	goldmark.New(goldmark.WithExtensions(New(Config{}))).Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	errs := Errors(pc)
	if len(errs) != 1 || errs[0].Line != 3 {
		t.Fatalf("errors %v, want one at line 3", errs)
	}
}

// TestLineIndex: the line of every offset, as counting newlines gives it.
func TestLineIndex(t *testing.T) {
	src := []byte("a\n\nbc\nd\n")
	l := newLineIndex(src)
	for pos := range len(src) + 1 {
		if got, want := l.at(pos), bytes.Count(src[:pos], []byte("\n"))+1; got != want {
			t.Errorf("at(%d) = %d, want %d", pos, got, want)
		}
	}
}

// TestDeepListsAreRefusedAtTheirLine: lists nested 20,000 deep, which
// goldmark alone takes seconds over, are one error at their line.
func TestDeepListsAreRefusedAtTheirLine(t *testing.T) {
	for _, m := range []string{"- ", "* ", "+ ", "1. ", "2) ", "> ", ">"} {
		t.Run(m, func(t *testing.T) {
			src := []byte("# 題 {#s1}\n\n" + strings.Repeat(m, 20000) + " 文 {#p1}\n\n後 {#p2}\n")
			pc := NewContext("一")
			goldmark.New(goldmark.WithExtensions(New(Config{}))).Parser().Parse(text.NewReader(src), parser.WithContext(pc))
			errs := Errors(pc)
			if len(errs) == 0 || errs[0].Line != 3 || !strings.Contains(errs[0].Msg, "nested more than") {
				t.Fatalf("errors %v, want one at line 3", errs)
			}
		})
	}
}
