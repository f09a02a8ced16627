package site

import (
	"fmt"
	"path"
	"strings"

	"edition/generator/internal/search"
)

// searchIndex writes the edition's search index: every paragraph and note.
func (e *edition) searchIndex() error {
	var docs []search.Doc
	for _, p := range e.pages {
		for _, para := range p.Paras {
			if para.Heading {
				continue
			}
			docs = append(docs, search.Doc{URL: p.URL + "index.html#" + para.ID, Cite: para.Cite, Kind: "para", Text: para.Text, Title: p.Title})
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			docs = append(docs, search.Doc{URL: fmt.Sprintf("notes/index.html#n%d", n.Number), Cite: e.ui(fmt.Sprintf("注釋%d", n.Number)), Kind: "note", Text: strings.Join(n.Lines(), ""), Title: e.notes.Heading})
		}
	}
	js, err := search.Build(docs, search.Config{Fold: e.fold, Folded: e.folded})
	if err != nil {
		return err
	}
	e.out[path.Join(e.Prefix, "search-index.js")] = js
	return nil
}
