package site

import (
	"fmt"
	"strings"

	"edition/generator/internal/search"
)

// searchDocs are what the edition's search index holds: every paragraph
// and note.
func (e *edition) searchDocs() []search.Doc {
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
	return docs
}
