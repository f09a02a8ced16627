package site

import (
	"fmt"
	"testing"

	"edition/generator/internal/content"
	"edition/generator/internal/terms"
)

// TestContentsBounded: a page's contents list shows every part but only
// its own part's subsections; the home page shows all of them.
func TestContentsBounded(t *testing.T) {
	toc := []Link{
		{Href: "part-1/", Children: []Link{{Href: "part-1/#p1-1"}}},
		{Href: "part-2/", Children: []Link{{Href: "part-2-1/"}, {Href: "part-2-2/"}}},
		{Href: "closing/"},
	}
	cases := []struct {
		name     string
		page     *Page
		children map[string]int // part href → children shown
	}{
		{"home", &Page{Kind: "home"}, map[string]int{"part-1/": 1, "part-2/": 2}},
		{"part", &Page{Kind: "part", URL: "part-1/"}, map[string]int{"part-1/": 1, "part-2/": 0}},
		{"section", &Page{Kind: "section", URL: "part-2-2/", Meta: content.Meta{Parent: "part-2"}}, map[string]int{"part-1/": 0, "part-2/": 2}},
		{"closing", &Page{Kind: "closing", URL: "closing/"}, map[string]int{"part-1/": 0, "part-2/": 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range toc {
				n := 0
				if tc.page.ShowsChildren(l.Href) {
					n = len(l.Children)
				}
				if want, ok := tc.children[l.Href]; ok && n != want {
					t.Errorf("%s shows %d children, want %d", l.Href, n, want)
				}
			}
		})
	}
}

// TestEndnotesBounded: a section's endnotes list at most maxBacklinks uses
// of a note, this page's first, and say how many more the notes page has;
// links are relative to the page.
func TestEndnotesBounded(t *testing.T) {
	var uses []terms.UseView
	for i := 1; i <= maxBacklinks+3; i++ {
		uses = append(uses, terms.UseView{Href: fmt.Sprintf("p%d/#a%d", i, i)})
	}
	uses = append(uses, terms.UseView{Href: "here/#b"})
	views := []terms.NoteView{{Number: 5, Uses: uses}}
	got := relativeViews(views, "here/", maxBacklinks)[0]
	if len(got.Uses) != maxBacklinks || got.More != len(uses)-maxBacklinks {
		t.Fatalf("%d uses listed and %d more, want %d and %d", len(got.Uses), got.More, maxBacklinks, len(uses)-maxBacklinks)
	}
	if last := got.Uses[len(got.Uses)-1].Href; last != "#b" {
		t.Errorf("this page's use is %q, want #b, kept in reading order at the end", last)
	}
	if first := got.Uses[0].Href; first != "../p1/#a1" {
		t.Errorf("first use links to %q, want ../p1/#a1", first)
	}
	if got.Href != "../notes/#n5" {
		t.Errorf("note link %q", got.Href)
	}
	all := relativeViews(views, "notes/", 0)[0]
	if len(all.Uses) != len(uses) || all.More != 0 {
		t.Errorf("the notes page lists %d uses (%d more), want all %d", len(all.Uses), all.More, len(uses))
	}
	if len(views[0].Uses) != len(uses) || views[0].Uses[0].Href != "p1/#a1" {
		t.Error("relativeViews changed the shared views")
	}
}
