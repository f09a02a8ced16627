// Package content is the editable form of an edition: one Markdown page per
// part or subsection with typed YAML front matter, the notes (notes.yaml),
// the recorded corrections (corrections.tsv), the key figures (figures.tsv),
// the script conversion's exceptions (script-overrides.tsv) and the
// edition's settings (site.yaml). Import writes it from a seed; Load reads
// all of it back for the build, reporting every problem as path:line.
//
// A page file looks like this:
//
//	---
//	title: 以能源革命綜合改革為牽引，全力構建現代化產業體系
//	cite: 二（一）
//	slug: part-2-1
//	order: 3
//	kind: section
//	parent: part-2
//	---
//	# （一）以能源革命綜合改革為牽引，全力構建現代化產業體系 {#s2-1}
//
//	**改造提升能源產業。**抓好煤炭智能綠色開采。… {#p2-1-1}
//
// Each paragraph of the report is one Markdown line ending in its ID. The
// kinds are home (the front of the report and its opening), part, section
// and closing; template names another page template when set.
package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/report"
	"edition/generator/internal/script"
)

// Files the content directory holds besides pages.
const (
	SiteFile        = "site.yaml"
	NotesFile       = "notes.yaml"
	CorrectionsFile = "corrections.tsv"
	FiguresFile     = "figures.tsv"          // the key figures and their charts' data
	OverridesFile   = "script-overrides.tsv" // where Traditional→Simplified conversion is wrong
)

// Meta is a page's front matter.
type Meta struct {
	Title    string `yaml:"title"`
	Cite     string `yaml:"cite"`  // citation prefix: 二（三）
	Slug     string `yaml:"slug"`  // ASCII URL segment; "" for the home page
	Order    int    `yaml:"order"` // reading order
	Kind     string `yaml:"kind"`  // home | part | section | closing
	Parent   string `yaml:"parent,omitempty"`
	Template string `yaml:"template,omitempty"`
	// The front of the report, on the home page only.
	ReportTitle string `yaml:"report_title,omitempty"`
	Occasion    string `yaml:"occasion,omitempty"`
	Speaker     string `yaml:"speaker,omitempty"`
	Salutation  string `yaml:"salutation,omitempty"`
	Description string `yaml:"description,omitempty"`
}

// Page is one Markdown page.
type Page struct {
	Path string // slash path as the user sees it, e.g. content/03-part-2-1.md
	Meta Meta
	// Source is the whole file with the front matter blanked out, so
	// positions in the Markdown are positions in the file.
	Source   []byte
	MetaLine int // line of the opening ---
}

// Settings is site.yaml: what the edition says about itself.
type Settings struct {
	Name        string `yaml:"name"`         // edition name shown in the header
	Report      string `yaml:"report"`       // full name of the report
	Issuer      string `yaml:"issuer"`       // 朔州市人民政府
	Date        string `yaml:"date"`         // delivery date, YYYY-MM-DD
	Speaker     string `yaml:"speaker"`      // 吳秀玲
	BaseURL     string `yaml:"base_url"`     // absolute, ends in /
	OfficialURL string `yaml:"official_url"` // where the official text is published
	Seed        string `yaml:"seed"`         // seed file name, for check
	Script      string `yaml:"script"`       // the seed's script: zh-Hant (default) or zh-Hans
	About       string `yaml:"about"`        // short text for the home page
	// Traditional is the OpenCC configuration that makes a Simplified
	// report's Traditional edition: s2t (default), s2twp or s2hk.
	Traditional string `yaml:"traditional"`
	Version     string `yaml:"version"` // this edition's version, e.g. 1.1: in citations and print
	Updated     string `yaml:"updated"` // this version's date, YYYY-MM-DD
	Source      string `yaml:"source"`  // where the seed text comes from, for readers
}

// Edition is one script's edition of the site.
type Edition struct {
	Lang    string // zh-Hans, zh-Hant
	Prefix  string // path below the site root: "" or "zh-hant/"
	Label   string // the switch's name for it: 简体, 繁體
	Convert bool   // converted from the seed's script (t2s, or s2t for a Simplified seed)
}

// Editions returns the editions to build: Simplified at the root, for the
// readers, and Traditional under zh-hant/. One of them is the seed's own
// script; the other is converted (t2s, or s2t for a Simplified report).
func (s Settings) Editions() []Edition {
	if s.Script == "zh-Hans" {
		return []Edition{{Lang: "zh-Hans", Label: "简体"}, {Lang: "zh-Hant", Prefix: "zh-hant/", Label: "繁體", Convert: true}}
	}
	return []Edition{{Lang: "zh-Hans", Label: "简体", Convert: true}, {Lang: "zh-Hant", Prefix: "zh-hant/", Label: "繁體"}}
}

// Original returns the edition in the seed's own script.
func (s Settings) Original() Edition {
	for _, e := range s.Editions() {
		if !e.Convert {
			return e
		}
	}
	return s.Editions()[0]
}

// Note is one entry of notes.yaml.
type Note struct {
	Number  int      `yaml:"number"`
	Marker  string   `yaml:"marker"` // the number as printed, when not "N." (1．, （1）, ①)
	Sep     string   `yaml:"sep"`    // the colon after the term, when not "："
	Term    string   `yaml:"term"`
	Text    []string `yaml:"text"`
	Anchors []Anchor `yaml:"anchors"`
	Line    int      `yaml:"-"`
}

// Anchor is a literal body string that a note explains, with how many
// times the body uses it.
type Anchor struct {
	Text  string `yaml:"text"`
	Count int    `yaml:"count"`
	Line  int    `yaml:"-"`
}

// Lines returns the note as the report prints it: "N.term：text", then
// any continuation paragraphs.
func (n Note) Lines() []string {
	rn := report.Note{Num: n.Number, Marker: n.Marker, Sep: n.Sep, Term: n.Term, Text: n.Text}
	if len(n.Text) == 0 {
		return nil
	}
	return rn.Lines()
}

// Notes is notes.yaml.
type Notes struct {
	Path    string
	Label   string // a line before the heading, such as 附件2; usually ""
	Heading string
	Notes   []Note
}

// Content is a loaded content directory.
type Content struct {
	Dir         string
	Settings    Settings
	Pages       []*Page // in reading order
	Notes       *Notes  // nil when the report has no notes
	Corrections *report.Corrections
	Figures     *figures.Dataset  // nil when the report has no figures.tsv: no charts
	Overrides   []script.Override // the script conversion's exceptions, in file order
}

var reSlug = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

// Load reads a content directory, the root of fsys. dir is its name for
// messages, so errors read "content/03-part-2-1.md:12: …" as an editor
// would type the path.
func Load(fsys fs.FS, dir string) (*Content, error) {
	return (*Loader)(nil).Load(fsys, dir)
}

// Loader loads one content directory again and again (the preview), and
// parses only the files whose bytes changed since its last Load: after an
// edit to one page, parsing notes.yaml and every other page was a tenth
// of a rebuild. What it parsed is shared by the Contents it returns, so no
// user may change it. The zero Loader is ready; a nil one keeps nothing.
type Loader struct {
	mu         sync.Mutex
	prev, next map[string]parsedFile // by path and bytes
}

type parsedFile struct {
	v   any
	err error
}

// Load is Load, through the Loader's memory.
func (l *Loader) Load(fsys fs.FS, dir string) (*Content, error) {
	c := &Content{Dir: dir}
	var errs diag.List
	add := func(err error) {
		if err == nil {
			return
		}
		if l := diag.All(err); l != nil {
			errs = append(errs, l...)
			return
		}
		errs = append(errs, &diag.Error{Path: dir, Msg: err.Error()})
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, diag.Wrap(dir, 0, "cannot read the content directory", err)
	}
	for _, e := range entries {
		p := path.Join(dir, e.Name())
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			add(&diag.Error{Path: p, Msg: err.Error()})
			continue
		}
		if line := invalidUTF8(data); line > 0 {
			add(diag.Errorf(p, line, "not UTF-8 text"))
			continue
		}
		v, err := l.parse(e.Name(), p, data)
		add(err)
		c.set(v)
	}
	add(c.checkAll(fsys)) // validate.go
	l.done(len(errs) == 0)
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// parse parses one file of the directory by its name, or finds what the
// last Load parsed from the same bytes.
func (l *Loader) parse(name, p string, data []byte) (any, error) {
	if l == nil {
		return parseFile(name, p, data)
	}
	k := p + "\x00" + string(data)
	l.mu.Lock()
	r, ok := l.next[k]
	if !ok {
		r, ok = l.prev[k]
	}
	l.mu.Unlock()
	if !ok {
		r.v, r.err = parseFile(name, p, data)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.next == nil {
		l.next = map[string]parsedFile{}
	}
	l.next[k] = r
	return r.v, r.err
}

// done ends a Load: after one that succeeded, what it did not use is
// dropped; after a failed one, nothing is (the next save usually restores
// what failed).
func (l *Loader) done(ok bool) {
	if l == nil || !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prev, l.next = l.next, nil
}

// parseFile parses one file of the directory as its name says; nil for a
// file that is not the edition's.
func parseFile(name, p string, data []byte) (any, error) {
	switch {
	case name == SiteFile:
		return ParseSettings(p, data)
	case name == NotesFile:
		return ParseNotes(p, data)
	case name == CorrectionsFile:
		return report.ParseCorrections(p, data)
	case name == FiguresFile:
		return figures.Parse(p, data)
	case name == OverridesFile:
		return script.LoadOverrides(p, data)
	case strings.HasSuffix(name, ".md"):
		return ParsePage(p, data)
	}
	return nil, nil
}

// set puts what parseFile gave into c.
func (c *Content) set(v any) {
	switch v := v.(type) {
	case Settings:
		c.Settings = v
	case *Notes:
		c.Notes = v
	case *report.Corrections:
		c.Corrections = v
	case *figures.Dataset:
		c.Figures = v
	case []script.Override:
		c.Overrides = v
	case *Page:
		if v != nil {
			c.Pages = append(c.Pages, v)
		}
	}
}

// ParseSettings reads site.yaml, read from p.
func ParseSettings(p string, data []byte) (Settings, error) {
	var s Settings
	n, err := parseYAML(p, 0, data)
	if err != nil {
		return s, err
	}
	err = decodeStrict(p, 0, n, &s).Err()
	s.BaseURL = withSlash(s.BaseURL)
	return s, err
}

// withSlash makes a base URL end in "/", as Hugo does with baseURL: the
// site's paths are joined to it ("https://host/report" + "index.html"
// would otherwise name another directory's file).
func withSlash(u string) string {
	if u != "" && !strings.HasSuffix(u, "/") {
		return u + "/"
	}
	return u
}

// BaseURL checks a base URL given on the command line (build -base-url)
// as site.yaml's base_url is checked, and makes it end in "/".
func BaseURL(u string) (string, error) {
	if msg := absoluteHTTP(u); msg != "" {
		return "", fmt.Errorf("-base-url %q %s", u, msg)
	}
	return withSlash(u), nil
}

func (c *Content) checkPages() error {
	var errs diag.List
	if len(c.Pages) == 0 {
		return diag.Errorf(c.Dir, 0, "no pages (*.md); run import first")
	}
	sort.SliceStable(c.Pages, func(i, j int) bool { return c.Pages[i].Meta.Order < c.Pages[j].Meta.Order })
	slugs := map[string]*Page{}
	orders := map[int]*Page{}
	home := 0
	for _, p := range c.Pages {
		m := p.Meta
		if m.Kind == "home" {
			home++
		}
		if q, ok := slugs[m.Slug]; ok {
			errs = append(errs, diag.Errorf(p.Path, p.MetaLine, "duplicate slug %q (also %s)", m.Slug, q.Path))
		}
		slugs[m.Slug] = p
		if q, ok := orders[m.Order]; ok {
			errs = append(errs, diag.Errorf(p.Path, p.MetaLine, "duplicate order %d (also %s)", m.Order, q.Path))
		}
		orders[m.Order] = p
	}
	for _, p := range c.Pages {
		if p.Meta.Parent != "" && slugs[p.Meta.Parent] == nil {
			errs = append(errs, diag.Errorf(p.Path, p.MetaLine, "parent %q is not the slug of any page", p.Meta.Parent))
		}
	}
	if home != 1 {
		errs = append(errs, diag.Errorf(c.Dir, 0, "want exactly one page with kind: home, have %d", home))
	}
	return errs.Err()
}

// invalidUTF8 returns the first line that is not UTF-8, or 0.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	for i, l := range bytes.Split(b, []byte("\n")) {
		if !utf8.Valid(l) {
			return i + 1
		}
	}
	return 1
}

var kinds = map[string]bool{"home": true, "part": true, "section": true, "closing": true}

// ParsePage splits a page into front matter and Markdown.
func ParsePage(p string, data []byte) (*Page, error) {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, diag.Errorf(p, 1, "missing front matter: a page starts with a line \"---\"")
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	end := -1
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], "\r\n")) == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, diag.Errorf(p, 1, "front matter is not closed: add a line \"---\" after it")
	}
	fm := bytes.Join(lines[1:end], nil)
	n, err := parseYAML(p, 1, fm)
	if err != nil {
		return nil, err
	}
	pg := &Page{Path: p, MetaLine: 1}
	if errs := decodeStrict(p, 1, n, &pg.Meta); len(errs) > 0 {
		return nil, errs
	}
	if errs := checkMeta(p, pg.Meta, n); len(errs) > 0 {
		return nil, errs
	}
	// Blank the front matter so Markdown positions are file positions.
	var src bytes.Buffer
	for i, l := range lines {
		if i <= end {
			src.WriteString("\n")
			continue
		}
		src.Write(l)
	}
	pg.Source = src.Bytes()
	return pg, nil
}

// checkMeta checks a page's front matter, decoded from n, naming each
// key's line.
func checkMeta(p string, m Meta, n *yaml.Node) diag.List {
	var errs diag.List
	line := func(key string) int {
		if v := lookup(n, key); v != nil {
			return 1 + v.Line
		}
		return 1
	}
	if !kinds[m.Kind] {
		errs = append(errs, diag.Errorf(p, line("kind"), "kind %q: want home, part, section or closing", m.Kind))
	}
	if strings.TrimSpace(m.Title) == "" {
		errs = append(errs, diag.Errorf(p, line("title"), "title is empty"))
	}
	if m.Kind != "home" && !reSlug().MatchString(m.Slug) {
		errs = append(errs, diag.Errorf(p, line("slug"), "slug %q: use lower-case ASCII letters, digits and hyphens", m.Slug))
	}
	if m.Kind == "home" && m.Slug != "" {
		errs = append(errs, diag.Errorf(p, line("slug"), "the home page has no slug"))
	}
	if m.Order < 0 {
		errs = append(errs, diag.Errorf(p, line("order"), "order must be 0 or more"))
	}
	return errs
}

// URL returns the page's path below the edition root: "" or "part-2-1/".
func (p *Page) URL() string {
	if p.Meta.Slug == "" {
		return ""
	}
	return p.Meta.Slug + "/"
}
