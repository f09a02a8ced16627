package site

import (
	"edition/generator/internal/content"
	"edition/generator/internal/search"
)

// Model is one edition resolved: every page with everything its template
// reads, the embed pages with their share views, what the search index
// holds and the press images to make. The resolve stage (edition.resolve)
// builds it from the loaded content; the render stage (render.go) only
// reads it, and TestRenderLeavesTheModel holds it to that. A page's
// address comes from package model's URL.
type Model struct {
	Site *Site
	// Pages are the content pages in reading order; SitePages the pages
	// made from the whole edition, in the order they are written: notes,
	// corrections, changes, figures, 全文, 404.
	Pages, SitePages []*Page
	// Embeds are the embed pages of the pages and charts that have one.
	Embeds []*EmbedPage
	// Editions are every edition of the site (for _headers); the Site
	// says which one this is.
	Editions []content.Edition
	// Files are made with the model and written as they are: the
	// figures page's downloads.
	Files  map[string][]byte
	Search []search.Doc
	Images []pressJob
}
