// Package search builds the client-side search index of one edition.
//
// The index is a classic script, not JSON, so pages opened from disk
// (file://, where fetch and XHR of local files fail) and old WeChat cores
// can load it with a plain <script> element. static/search.js injects that
// element the first time the reader focuses the search box. The file sets
// one global:
//
//	window.SEARCH_INDEX = {
//	  "v": 1,
//	  "fold": "減减稅税…",               // pairs: character, its search form
//	  "docs": [[url, cite, kind, text], …] // kind "p" paragraph, "n" note
//	}
//
// Each edition gets its own index holding its own text, so results show in
// the page's script. "fold" lists, for every character of the CJK blocks
// whose search form differs and that either occurs in the text or folds to
// a character that does, the character and its form; search.js folds both
// the text and the query with it (plus width, case and whitespace, which it
// does itself), so a query in either script finds the other: 减税 finds
// 減稅. Characters outside "fold" that fold to nothing in the text could not
// match anyway, so the table stays small.
//
// Output is deterministic: the same docs give the same bytes.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"unicode/utf8"
)

// Doc is one searchable unit of an edition.
type Doc struct {
	URL  string // link to the unit, relative to the index file: "index.html#p-2-3-4"
	Cite string // short label shown with the result, e.g. "二（三）¶4"
	Kind string // "para" or "note"
	Text string // plain text in the edition's script, no markup
	// Title names the page the unit is on, shown with the result
	// ("（一）以能源革命…"): stored once per page in the index.
	Title string
}

// Config adjusts Build. The zero value folds no characters.
type Config struct {
	// Fold maps a character to its search form, -1 to drop it. It must be
	// script.(*Converter).FoldRune, or agree with it.
	Fold func(rune) rune
	// Folded, when set, yields the characters Fold maps to another
	// character by script; it must be script.(*Converter).Folded of the
	// same Converter. Build then lists the fold table from it instead of
	// calling Fold on every character of the CJK blocks (28k calls).
	Folded iter.Seq[rune]
	// Global is the name of the window property set; default SEARCH_INDEX.
	Global string
}

// index is the JSON shape of the file; field order is the output order.
type index struct {
	V    int        `json:"v"`
	Fold string     `json:"fold"`
	Docs [][]string `json:"docs"`
	// Pages maps a doc URL's page (the URL before "#") to its title.
	Pages map[string]string `json:"pages,omitempty"`
}

// kindCode returns the one-letter code search.js reads for a Doc.Kind.
func kindCode(kind string) (string, bool) {
	switch kind {
	case "para":
		return "p", true
	case "note":
		return "n", true
	}
	return "", false
}

// check returns the kind code of d, the i-th doc, or what is wrong with it.
func (d Doc) check(i int) (string, error) {
	k, ok := kindCode(d.Kind)
	switch {
	case !ok:
		return "", fmt.Errorf("search: doc %d (%s): kind %q, want \"para\" or \"note\"", i, d.URL, d.Kind)
	case d.URL == "" || strings.TrimSpace(d.Text) == "":
		return "", fmt.Errorf("search: doc %d (%q): empty URL or text", i, d.URL)
	case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Cite) || !utf8.ValidString(d.URL):
		return "", fmt.Errorf("search: doc %d (%s): not valid UTF-8", i, d.URL)
	}
	return k, nil
}

// Build returns the index script for docs, in the given order.
func Build(docs []Doc, c Config) ([]byte, error) {
	ix := index{V: 1, Docs: make([][]string, 0, len(docs))}
	for i, d := range docs {
		k, err := d.check(i)
		if err != nil {
			return nil, err
		}
		ix.Docs = append(ix.Docs, []string{d.URL, d.Cite, k, d.Text})
		if d.Title != "" {
			if ix.Pages == nil {
				ix.Pages = map[string]string{}
			}
			page, _, _ := strings.Cut(d.URL, "#")
			ix.Pages[page] = d.Title
		}
	}
	if c.Fold != nil {
		ix.Fold = foldTable(docs, c.Fold, c.Folded)
	}
	return ix.script(c.Global)
}

// script is ix as a script that sets window.global (SEARCH_INDEX if "").
func (ix index) script(global string) ([]byte, error) {
	if global == "" {
		global = "SEARCH_INDEX"
	}
	// json.Marshal escapes <, >, & and U+2028/2029, so the object is also
	// safe to inline in HTML and is valid ES5.
	js, err := json.Marshal(ix)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "/* search index, generated; do not edit */\nwindow.%s=", global)
	b.Write(js)
	b.WriteString(";\n")
	return b.Bytes(), nil
}
