package site

import (
	"hash/maphash"
	"html/template"
	"maps"
	"path"
	"slices"
	"strings"

	"edition/generator/internal/diag"
	"edition/generator/internal/embed"
	"edition/generator/internal/model"
	"edition/generator/internal/search"
)

// renderer is the render stage: it executes the templates over a
// resolved Model and gives each output to its sink. It holds what
// rendering needs and nothing of the model, which it only reads.
type renderer struct {
	bl       *Builder // caches shared across editions and rebuilds
	tmpl     map[string]*template.Template
	tmplKey  [32]byte // the parsed templates' sources (loadTemplates)
	tmplDir  string   // templates' directory, for errors
	site     *Site
	siteKeys map[string][]byte // the parts of site that templates read, by what they read (siteHashFor)
	prefix   string            // the edition's root below the site's
	search   search.Config
	lint     func(path, s string) diag.List // nil: no Traditional lint of the output
	sink     Sink
	err      error     // the first error of the sink
	lintErrs diag.List // what the lint found in the outputs put
	urls     []string  // page URLs below the edition root, for the sitemap
}

// put gives an output to the sink, linting it first in the Simplified
// edition: the renderer keeps nothing of it.
func (r *renderer) put(n string, b []byte) {
	if r.lint != nil {
		r.lintErrs = append(r.lintErrs, r.lintFile(n, b)...)
	}
	if err := r.sink.Put(n, b); err != nil && r.err == nil {
		r.err = err
	}
}

// render writes every output of the edition m but its press images
// (images): its embed pages and their oEmbed documents, its pages,
// _headers, the figures' downloads and the search index, and lints the
// Simplified output.
func (r *renderer) render(m *Model) error {
	r.site = m.Site
	for _, ep := range m.Embeds {
		if err := r.embedPage(ep); err != nil {
			return err
		}
	}
	if _, ok := r.tmpl["embed"]; ok {
		r.put("_headers", headers(m))
	}
	var errs diag.List
	for _, p := range m.Pages {
		if err := r.execute(p); err != nil {
			errs = append(errs, diag.All(err)...)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, p := range m.SitePages {
		if err := r.execute(p); err != nil {
			return err
		}
	}
	for _, n := range slices.Sorted(maps.Keys(m.Files)) {
		r.put(n, m.Files[n])
	}
	js, err := r.searchIndex(m.Search)
	if err != nil {
		return err
	}
	r.put(path.Join(r.prefix, "search-index.js"), js)
	if r.err != nil {
		return r.err
	}
	// In the order of the files' names, as the lint found them.
	slices.SortStableFunc(r.lintErrs, func(a, b *diag.Error) int { return strings.Compare(a.Path, b.Path) })
	return r.lintErrs.Err()
}

// searchIndex is search.Build, remembered by a rebuilding Builder: the
// index folds every character of the edition, a tenth of a rebuild
// that changed no text. The fold is the converter's (convKey).
func (r *renderer) searchIndex(docs []search.Doc) ([]byte, error) {
	type built struct {
		js  []byte
		err error
	}
	inputs := func(h *maphash.Hash) {
		h.WriteString(r.bl.convKey + "\x00" + r.search.Global + "\x00")
		_ = writeKey(h, docs) // plain data: cannot fail
	}
	b := memoised(r.bl, "search", inputs, func() built {
		js, err := search.Build(docs, r.search)
		return built{js, err}
	})
	return b.js, b.err
}

// images makes the press images queued in the Model (m.Images).
func (r *renderer) images(jobs []pressJob) error {
	if err := r.makeImages(jobs); err != nil {
		return err
	}
	return r.err
}

// execute renders page p through its template (resolve chose it).
func (r *renderer) execute(p *Page) error {
	b, err := r.executeMemo(r.tmpl[p.template], "base", p.template+" "+p.URL, p)
	if err != nil {
		return templateErr(path.Join(r.tmplDir, p.template+".html"), err)
	}
	file := p.URL
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if strings.HasSuffix(file, "/index.html") || file == "index.html" {
		r.urls = append(r.urls, p.URL)
	}
	r.put(r.prefix+file, b)
	return nil
}

// embedPage renders an embed page and its oEmbed document.
func (r *renderer) embedPage(ep *EmbedPage) error {
	page, err := r.executeMemo(r.tmpl["embed"], "embed-page", ep.dir, ep)
	if err != nil {
		return err
	}
	dir := r.prefix + model.EmbedPrefix + ep.dir
	r.put(dir+"index.html", page)
	if ep.oembed != nil {
		r.put(dir+"oembed.json", ep.oembed.JSON())
	}
	return nil
}

// headers is _headers (see embed.Headers): the embed pages may be framed
// anywhere, every other page only by the site itself. The editions have
// the same pages, so each writes the same file for all of them.
func headers(m *Model) []byte {
	dirs := []string{model.NotesURL, model.CorrectionsURL, model.FiguresURL, model.ChangesURL, FullURL}
	for _, p := range m.Pages {
		if p.URL != "" {
			dirs = append(dirs, p.URL)
		}
	}
	pages := []string{model.NotFoundURL}
	var prefixes []string
	for _, o := range m.Editions {
		prefixes = append(prefixes, o.Prefix+model.EmbedPrefix)
		pages = append(pages, o.Prefix, o.Prefix+"index.html")
		for _, d := range dirs {
			pages = append(pages, o.Prefix+d+"*")
		}
	}
	return embed.Headers(prefixes, pages)
}
