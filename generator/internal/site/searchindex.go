package site

import (
	"fmt"
	"strings"

	"edition/generator/internal/model"
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
			docs = append(docs, search.Doc{URL: model.File(model.URL(model.Para{ID: para.ID, Page: p.URL})), Cite: para.Cite, Kind: "para", Text: para.Text, Title: p.Title})
		}
	}
	if e.notes != nil {
		for _, n := range e.notes.Notes {
			docs = append(docs, search.Doc{URL: model.File(model.URL(model.Note{Number: n.Number})), Cite: e.ui(fmt.Sprintf("注釋%d", n.Number)), Kind: "note", Text: strings.Join(n.Lines(), ""), Title: e.notes.Heading})
		}
	}
	return docs
}
