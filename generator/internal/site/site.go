// Package site renders a loaded edition into its output files: for each
// script edition (Simplified at the root, the seed's Traditional under
// zh-hant/), one HTML page per content page, the notes page, the
// corrections page and a search index; then a 404 page, sitemap.xml,
// robots.txt and the bundled assets. Render is pure (fs.FS in, files out)
// so the preview server can build in memory; Write puts a build on disk
// atomically.
//
// Templates (templates/*.html, html/template) each define "main" and are
// executed through "base" (templates/base.html); partials in
// templates/partials/*.html are shared. The data passed is *Page. For the
// Simplified edition the templates' own text is converted too.
package site

import (
	"crypto/sha256"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"edition/generator/internal/buildcache"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/pressimg"
	"edition/generator/internal/script"
	"edition/generator/internal/srcfs"
)

// Dir is an input directory and its name for messages.
type Dir struct {
	FS   fs.FS
	Name string // e.g. "content"
}

// Sources are the inputs of a build.
type Sources struct {
	Content, Templates, Static Dir
	// BaseURL, when set, is the address the site is published at,
	// instead of content/site.yaml's base_url (build -base-url).
	BaseURL string
}

// DirSources returns Sources for directories on disk.
func DirSources(content, templates, static string) Sources {
	d := func(p string) Dir {
		name := filepath.ToSlash(filepath.Clean(p))
		return Dir{FS: srcfs.New(p, name), Name: name} // no symlinks out, FIFOs or huge files
	}
	return Sources{Content: d(content), Templates: d(templates), Static: d(static)}
}

// Output is a built site: slash path → bytes.
type Output map[string][]byte

// Names returns the output paths in order.
func (o Output) Names() []string {
	ns := make([]string, 0, len(o))
	for n := range o {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// OverridesFile is the script conversion override table in content/.
const OverridesFile = content.OverridesFile

// Builder renders editions. It keeps what does not change between builds
// (the OpenCC converter, conversions already made), so the preview server
// rebuilds fast; the zero value is ready to use.
type Builder struct {
	// Cache, when set, keeps the costliest stages' results on disk
	// between processes (see diskcache.go); nil caches only in memory.
	Cache *buildcache.Cache
	// Once says no build follows (the build command): the Builder then
	// keeps no parses, embed pages or lint results in memory, which at
	// thousands of pages would double the peak memory.
	Once bool

	mu      sync.Mutex       // guards the caches: the editions build in parallel
	exe     string           // buildcache.ExecutableID, once
	memos   map[string]*memo // the disk cache's memos this build has read (diskcache.go)
	conv    *script.Converter
	convKey string                                       // the override table the converter was made with
	cache   gen[string, string]                          // conversions, by tag and text
	hl      gen[string, template.HTML]                   // highlighted code, by language and code
	clean   gen[uint64, bool]                            // built files the output lint passed
	tmpl    gen[[32]byte, map[string]*template.Template] // parsed templates, by their sources
	parsed  gen[uint64, pageParse]                       // pages' parses (without their trees), by source and inputs
	drawn   gen[uint64, parsed]                          // pages' rendered HTML, by parse key and citation labels
	scans   gen[scanKey, textScan]                       // texts searched for the corrections (corrections.go)
	loader  content.Loader                               // content files parsed, by their bytes
	seed    maphash.Seed                                 // for the uint64 keys: fast; collisions are 2⁻⁶⁴

	// Images keeps press images (chart PNGs, share cards) between builds;
	// nil keeps them in memory for the Builder's life (press.go).
	Images ImageCache
	// Record, when set, collects the characters the images draw and lets
	// characters missing from the font subset pass (`fontsubset`).
	Record *pressimg.Used
	press  pressState

	renders renders // template outputs of the last build (incremental.go)
}

// Render builds the whole site from src with a fresh Builder.
func Render(src Sources) (Output, error) {
	var b Builder
	return b.Render(src)
}

// A Sink takes each output file as the build makes it. publish.Stage
// puts it on disk, so a build need not hold its whole output. Put is
// called from several goroutines.
type Sink interface {
	Put(name string, b []byte) error
}

// Summary is what a build made.
type Summary struct {
	Files int  // output files
	Based bool // the site's address was known: canonical links, sitemap, oEmbed
}

// Render builds the whole site from src into memory.
func (bl *Builder) Render(src Sources) (Output, error) {
	m := &memSink{out: Output{}}
	if _, err := bl.RenderTo(src, m); err != nil {
		return nil, err
	}
	return m.out, nil
}

// RenderTo builds the whole site from src, giving each file to sink as
// it is made. After an error, sink may have some of the files.
func (bl *Builder) RenderTo(src Sources, sink Sink) (sum Summary, err error) {
	bl.startRenders()
	defer func() {
		if err != nil {
			bl.dropMemos()
		}
		bl.endRenders(err == nil)
	}()
	cs := &countingSink{sink: sink, names: map[string]bool{}}
	all, c, err := bl.editions(src, cs)
	if err != nil {
		return sum, err
	}
	// The editions share nothing but the caches and the sink, so they
	// build in parallel.
	built := make([]error, len(all))
	var wg sync.WaitGroup
	for i, e := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			built[i] = e.build()
		}()
	}
	wg.Wait()
	if err := merge(all, built); err != nil {
		return sum, err
	}
	sum.Based = base(c.Settings).Known()
	extra := Output{"robots.txt": []byte(robots)}
	if sum.Based {
		extra = sitemap(c.Settings, all)
	}
	for _, n := range extra.Names() {
		cs.Put(n, extra[n])
	}
	if cs.err != nil {
		return sum, cs.err
	}
	bl.saveMemos()
	sum.Files = len(cs.names)
	return sum, nil
}

// memSink keeps the output in memory.
type memSink struct {
	mu  sync.Mutex
	out Output
}

func (m *memSink) Put(n string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.out[n] = b
	return nil
}

// countingSink passes files on, counting their names and keeping the
// first error.
type countingSink struct {
	mu    sync.Mutex
	sink  Sink
	names map[string]bool
	err   error
}

func (c *countingSink) Put(n string, b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.names[n] = true
	err := c.sink.Put(n, b)
	if err != nil && c.err == nil {
		c.err = err
	}
	return err
}

// contentLoader is the Builder's content.Loader; nil (parse everything)
// for a build that keeps nothing.
func (bl *Builder) contentLoader() *content.Loader {
	if bl == nil || bl.Once {
		return nil
	}
	return &bl.loader
}

// editions loads src (the Load stage) and readies each script's edition
// of it, with the static assets put into sink.
func (bl *Builder) editions(src Sources, sink Sink) ([]*edition, *content.Content, error) {
	c, err := bl.contentLoader().Load(src.Content.FS, src.Content.Name)
	if err != nil {
		return nil, nil, err
	}
	if src.BaseURL != "" {
		if c.Settings.BaseURL, err = content.BaseURL(src.BaseURL); err != nil {
			return nil, nil, err
		}
	}
	static := Output{}
	as, err := bl.assets(src.Static, static)
	if err != nil {
		return nil, nil, err
	}
	for _, n := range static.Names() {
		if err := sink.Put(n, static[n]); err != nil {
			return nil, nil, err
		}
	}
	// Search folds both scripts in every edition, so the converter is
	// needed even for a report with one edition.
	cv, err := bl.converter(c.Overrides)
	if err != nil {
		return nil, nil, err
	}
	ui, err := loadUI(src.Templates)
	if err != nil {
		return nil, nil, err
	}
	eds := c.Settings.Editions()
	all := make([]*edition, len(eds))
	for i, ed := range eds {
		e := &edition{bl: bl, Edition: ed, src: src, c: c, sink: sink, conv: same, ui: same, fold: cv.FoldRune, folded: cv.Folded(), assets: as, all: eds}
		if err := bl.scripts(e, cv, ui); err != nil {
			return nil, nil, err
		}
		e.ds = convertFigures(c.Figures, e.conv)
		all[i] = e
	}
	return all, c, nil
}

// merge puts the editions' errors in one list. Both editions come from
// the same sources, so each problem is said once.
func merge(all []*edition, built []error) error {
	var errs diag.List
	seen := map[string]bool{}
	for i := range all {
		if err := built[i]; err != nil {
			l := diag.All(err)
			if l == nil {
				return err
			}
			for _, d := range l {
				if !seen[d.Error()] {
					seen[d.Error()] = true
					errs = append(errs, d)
				}
			}
		}
	}
	return errs.Err()
}

// converter returns the OpenCC converter with the content's override
// table, made once per Builder (OpenCC's dictionaries take a while).
func (bl *Builder) converter(ov []script.Override) (*script.Converter, error) {
	var k strings.Builder
	for _, o := range ov {
		k.WriteString(o.Trad + "\t" + o.Simp + "\n")
	}
	key := k.String()
	if bl.conv != nil && bl.convKey == key {
		return bl.conv, nil
	}
	cv, err := script.New(ov)
	if err != nil {
		return nil, err
	}
	bl.conv, bl.convKey, bl.cache = cv, key, gen[string, string]{}
	return cv, nil
}

func same(s string) string { return s }

// scripts sets how an edition converts. UI text is written in Traditional:
// the Simplified editions take its words from the UI table (templates/
// ui.tsv), whatever the report's script. The
// content is converted t2s into a Traditional report's Simplified edition,
// s2t (or site.yaml's traditional: s2twp, s2hk) into a Simplified
// report's Traditional one.
func (bl *Builder) scripts(e *edition, cv *script.Converter, ui *uiTable) error {
	t2s := bl.cached("t2s", cv.T2S)
	if e.Lang == "zh-Hans" {
		e.ui, e.uiKey = bl.cached("ui"+ui.key, ui.simplify(t2s)), ui.key
	}
	switch {
	case e.Convert && e.Lang == "zh-Hans":
		e.conv, e.lint = t2s, cv.Lint
	case e.Convert:
		config := e.c.Settings.Traditional
		tr, err := script.NewTraditional(config)
		if err != nil {
			return &diag.Error{Path: e.src.Content.Name + "/" + content.SiteFile, Msg: err.Error()}
		}
		e.conv = bl.cached(config+"s2t", tr.S2T)
	}
	return nil
}

// cached memoises a conversion (tag names it in the shared cache and the
// disk cache): a
// preview rebuild converts only what changed.
func (bl *Builder) cached(tag string, conv func(string) string) func(string) string {
	return func(s string) string {
		k := tag + "\x00" + s
		bl.mu.Lock()
		v, ok := bl.cache.get(k)
		bl.mu.Unlock()
		if ok {
			return v
		}
		dk, v, ok := bl.convertedOnDisk(k)
		if !ok {
			v = conv(s)
			bl.remember(convMemo, dk, nil, []byte(v))
		}
		if bl.Once && bl.Cache != nil && len(s) > 256 {
			// The disk cache's memo has it, and a text this long (a
			// paragraph, a chart) is seldom converted twice in a build: a
			// second copy would only grow the heap.
			return v
		}
		bl.mu.Lock()
		bl.cache.put(k, v)
		bl.mu.Unlock()
		return v
	}
}

// key hashes b for the Builder's caches.
func (bl *Builder) key(b []byte) uint64 {
	bl.mu.Lock()
	if bl.seed == (maphash.Seed{}) {
		bl.seed = maphash.MakeSeed()
	}
	seed := bl.seed
	bl.mu.Unlock()
	return maphash.Bytes(seed, b)
}

// hasher is a maphash.Hash with the Builder's seed, for keys hashed as
// they are written.
func (bl *Builder) hasher() maphash.Hash {
	bl.key(nil) // sets the seed
	var h maphash.Hash
	bl.mu.Lock()
	h.SetSeed(bl.seed)
	bl.mu.Unlock()
	return h
}

// hash8 names assets by content, so a new stylesheet is never served stale.
func hash8(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b))[:8] }

// rootOf returns the relative path from a page URL to its root.
func rootOf(url string) string {
	return strings.Repeat("../", strings.Count(url, "/"))
}

// robots lets every crawler in; a based site adds its sitemap.
const robots = "User-agent: *\nAllow: /\n"

// sitemap is sitemap.xml and robots.txt for a based site.
func sitemap(s content.Settings, eds []*edition) Output {
	abs := base(s).Abs
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, e := range eds {
		for _, u := range e.urls {
			fmt.Fprintf(&b, "  <url>\n    <loc>%s</loc>\n", template.HTMLEscapeString(abs(e.Prefix+u)))
			if len(eds) > 1 {
				for _, o := range eds {
					fmt.Fprintf(&b, "    <xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>\n", o.Lang, template.HTMLEscapeString(abs(o.Prefix+u)))
				}
			}
			b.WriteString("  </url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return Output{
		"sitemap.xml": []byte(b.String()),
		"robots.txt":  []byte(robots + "\nSitemap: " + abs("sitemap.xml") + "\n"),
	}
}
