package site

import (
	"crypto/sha256"
	"errors"
	"path"
	"strings"
	"sync"

	"edition/generator/internal/buildcache"
	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/glyphs"
	"edition/generator/internal/model"
	"edition/generator/internal/pressimg"
	"edition/generator/internal/qr"
)

// Press images (package pressimg): every chart gets a PNG beside its SVG
// (figures/charts/<id>.png) and every page a share card (cards/<page>.png,
// its og:image). They are made last, from jobs queued while the pages are
// built, and come from the Builder's image cache when their inputs (every
// one is in the job's key) are unchanged: drawing one costs 50–100 ms.

// ImageCache keeps made images between builds by the SHA-256 of their
// inputs. The Builder uses Images when set, else its disk Cache
// (DiskImages), else memory for its own life; a Builder that rebuilds
// (not Once) also keeps the images its last build used in memory.
type ImageCache interface {
	Get(key [sha256.Size]byte) ([]byte, bool)
	Put(key [sha256.Size]byte, b []byte) error
}

// DiskImages keeps images in a build cache, one entry each. Unlike the
// memos (diskcache.go), the key does not name the generator's build: an
// image's key holds every input and pressimg.Version, which TestGolden
// ties to the pixels, so a rebuilt generator still finds its images. Nil
// for a nil cache.
func DiskImages(c *buildcache.Cache) ImageCache {
	if c == nil {
		return nil
	}
	return diskImages{c}
}

type diskImages struct{ c *buildcache.Cache }

func (d diskImages) key(k [sha256.Size]byte) buildcache.Key {
	return buildcache.NewHasher("press-image").Bytes(k[:]).Sum()
}

func (d diskImages) Get(k [sha256.Size]byte) ([]byte, bool) { return d.c.Get(d.key(k)) }

func (d diskImages) Put(k [sha256.Size]byte, b []byte) error { return d.c.Put(d.key(k), b) }

// memCache is the default ImageCache: the Builder's lifetime (a preview
// server keeps it between rebuilds).
type memCache struct {
	mu sync.Mutex
	m  gen[[sha256.Size]byte, []byte]
}

func (c *memCache) Get(k [sha256.Size]byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m.get(k)
}

func (c *memCache) Put(k [sha256.Size]byte, b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m.put(k, b)
	return nil
}

// flip keeps the images the last build used (see gen).
func (c *memCache) flip(ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m.flip(ok)
}

// pressState is the Builder's: the font subset, loaded once.
type pressState struct {
	once  sync.Once
	fonts *pressimg.Fonts
	err   error
	mem   memCache
}

// pressFonts returns the fonts, loading the subset on first use. With
// Record set, the images record their characters instead of failing.
func (bl *Builder) pressFonts() (*pressimg.Fonts, error) {
	bl.press.once.Do(func() {
		f, err := glyphs.Load()
		if err != nil && bl.Record != nil {
			f, err = glyphs.Empty(), nil // recording needs no glyphs
		}
		if err != nil {
			bl.press.err = err
			return
		}
		bl.press.fonts = pressimg.NewFonts(f)
		bl.press.fonts.Record = bl.Record
	})
	return bl.press.fonts, bl.press.err
}

func (bl *Builder) imageCache() ImageCache {
	var slow ImageCache
	switch {
	case bl.Record != nil:
		return &bl.press.mem
	case bl.Images != nil:
		slow = bl.Images
	case bl.Cache != nil:
		slow = DiskImages(bl.Cache)
	default:
		return &bl.press.mem
	}
	if bl.Once {
		return slow
	}
	// A preview keeps the images it used in memory too: reading and
	// checking every one from disk was a tenth of each rebuild.
	return layered{fast: &bl.press.mem, slow: slow}
}

// layered is a memory cache in front of a slower one.
type layered struct {
	fast *memCache
	slow ImageCache
}

func (c layered) Get(k [sha256.Size]byte) ([]byte, bool) {
	if b, ok := c.fast.Get(k); ok {
		return b, true
	}
	b, ok := c.slow.Get(k)
	if ok {
		_ = c.fast.Put(k, b)
	}
	return b, ok
}

func (c layered) Put(k [sha256.Size]byte, b []byte) error {
	_ = c.fast.Put(k, b)
	return c.slow.Put(k, b)
}

// pressJob is one image to make.
type pressJob struct {
	name  string // output file
	key   func(font [sha256.Size]byte) []byte
	draw  func(f *pressimg.Fonts) ([]byte, error)
	where func(text string, r rune) (path string, line int) // a missing glyph's source
}

// queue adds a job unless one makes the same file.
func (e *edition) queue(j pressJob) {
	for _, o := range e.jobs {
		if o.name == j.name {
			return
		}
	}
	e.jobs = append(e.jobs, j)
}

// makeImages makes the queued images, from the cache where it can. The
// font subset is parsed only when an image has to be drawn: a key needs
// only the files' hash.
func (r *renderer) makeImages(jobs []pressJob) error {
	if len(jobs) == 0 {
		return nil
	}
	sum, err := glyphs.Sum()
	if err != nil && r.bl.Record == nil {
		return err
	}
	cache := r.bl.imageCache()
	var errs diag.List
	for _, j := range jobs {
		k := sha256.Sum256(j.key(sum))
		if b, ok := cache.Get(k); ok {
			r.put(j.name, b)
			continue
		}
		b, err := r.draw(j)
		var me *glyphs.MissingError
		if errors.As(err, &me) {
			me.Path, me.Line = j.where(me.Text, me.Rune)
			errs = append(errs, me.Diag())
			continue
		}
		if err != nil {
			return err
		}
		if b != nil {
			_ = cache.Put(k, b) // a cache that cannot store makes the next build slower, not wrong
			r.put(j.name, b)
		}
	}
	return errs.Err()
}

// draw makes a job's image; nil when only recording characters.
func (r *renderer) draw(j pressJob) ([]byte, error) {
	f, err := r.bl.pressFonts()
	if err != nil {
		return nil, err
	}
	b, err := j.draw(f)
	if r.bl.Record != nil {
		return nil, err
	}
	return b, err
}

// cardFor queues a page's share card and sets p.Card.
func (e *edition) cardFor(p *Page) {
	if p.Kind == "404" || e.bl == nil {
		return
	}
	p.Card = model.URL(model.Card{Page: p.URL})
	info := pressimg.CardInfo{Title: p.Title, Cite: p.Meta.Cite, Report: e.settings.Report, Edition: e.settings.Name,
		Site: e.siteHost()}
	if p.Kind == "home" {
		// The report's own card: who issued it and when, under its name.
		info.Title, info.Report, info.Cite = e.settings.Report, e.settings.Issuer, e.settings.Date
	}
	var cp *content.Page
	for _, c := range e.cpages {
		if c.URL() == p.URL {
			cp = c
		}
	}
	// where holds what it needs, not the page: images are drawn after
	// the pages are written and let go.
	title, settings := p.Title, e.settingsPath()
	e.queue(pressJob{
		name: e.Prefix + p.Card,
		key:  func(font [sha256.Size]byte) []byte { return pressimg.CardKey(font, info) },
		draw: func(f *pressimg.Fonts) ([]byte, error) { return pressimg.Card(f, info) },
		where: func(text string, r rune) (string, int) {
			if cp != nil && strings.ContainsRune(title, r) {
				return cp.Path, cp.MetaLine + 1
			}
			return settings, 0
		},
	})
}

// siteHost is the host and path of the base URL, shown on share cards.
// baseKnown reports whether the edition's address is known: without it
// no image may carry an address.
func (e *edition) baseKnown() bool { return base(e.settings).Known() }

// siteHost is the host and path the share cards name, "" when unknown.
func (e *edition) siteHost() string {
	if !e.baseKnown() {
		return ""
	}
	return siteHost(e.settings.BaseURL)
}

func siteHost(base string) string {
	if i := strings.Index(base, "://"); i >= 0 {
		base = base[i+3:]
	}
	return strings.TrimSuffix(base, "/")
}

func (e *edition) settingsPath() string { return e.src.Content.Name + "/site.yaml" }

// chartImage queues a chart's PNG and returns its name below figures/.
func (e *edition) chartImage(s *chart.Spec, c chartBlock) string {
	d, err := chart.Draw(s, e.ds)
	if err != nil || e.bl == nil {
		return "" // a chart error is reported with its page's line
	}
	name := strings.TrimPrefix(model.URL(model.ChartPNG{ID: s.ID}), model.FiguresURL)
	cv := e.mixed // titles and labels are content, series words and legends UI text
	for _, x := range []*string{&d.Title, &d.Subtitle, &d.Note} {
		*x = cv(*x)
	}
	for i := range d.Legend {
		d.Legend[i] = cv(d.Legend[i])
	}
	convertPanels(d, cv)
	info := pressimg.ChartInfo{Edition: e.settings.Name, Report: e.settings.Report, Conv: e.ui,
		Cite: e.cite, Permalink: e.chartPermalink(s.ID)}
	e.queue(pressJob{
		name:  e.Prefix + model.FiguresURL + name,
		key:   func(font [sha256.Size]byte) []byte { return pressimg.ChartKey(font, d, info) },
		draw:  func(f *pressimg.Fonts) ([]byte, error) { return pressimg.Chart(f, d, info) },
		where: func(text string, r rune) (string, int) { return e.chartSource(c, d, r) },
	})
	return name
}

// convertPanels converts the words package chart writes itself (series
// names, shares, missing values) to the edition's script.
func convertPanels(d *chart.Drawing, cv func(string) string) {
	for i := range d.Panels {
		p := &d.Panels[i]
		p.Heading = cv(p.Heading)
		for j := range p.Rows {
			r := &p.Rows[j]
			r.Label, r.Missing, r.Share = cv(r.Label), cv(r.Missing), cv(r.Share)
			for k := range r.Marks {
				r.Marks[k].Text = cv(r.Marks[k].Text)
			}
		}
	}
}

// chartPermalink is the chart's absolute address on its page, or "" when
// the base URL is not known.
func (e *edition) chartPermalink(id string) string {
	if !e.baseKnown() {
		return ""
	}
	return base(e.settings).Abs(e.Prefix + model.URL(model.Chart{ID: id, Page: e.chartPage[id]}))
}

// chartSource finds where a character of a chart image comes from: a
// figure's row in the dataset, a line of the chart block, or site.yaml.
func (e *edition) chartSource(c chartBlock, d *chart.Drawing, r rune) (string, int) {
	for _, f := range d.Figures {
		if strings.ContainsRune(f.Measure+f.Unit+f.Qualifier+f.Value, r) && f.Line > 0 {
			return e.ds.Path, f.Line
		}
	}
	for _, cp := range e.cpages {
		if cp.URL() != c.Page {
			continue
		}
		in := false
		for i, l := range strings.Split(string(cp.Source), "\n") {
			t := strings.TrimSpace(l)
			if t == "```chart" {
				in = false
			}
			if strings.HasPrefix(t, "id:") {
				in = strings.TrimSpace(strings.TrimPrefix(t, "id:")) == c.ID
			}
			if in && strings.ContainsRune(l, r) {
				return cp.Path, i + 1
			}
		}
	}
	return e.settingsPath(), 0
}

// PressView is what the 分享 panel offers besides the embed code.
type PressView struct {
	PNG      string // the chart's PNG or the page's share card, relative to the page
	PNGName  string // the file name a download is saved as
	QR       string // the permalink's QR code (SVG), relative; "" when the base URL is unknown
	Link     string // the permalink: absolute, or relative when the base URL is unknown
	CSV      string // the chart's figures, plain UTF-8 for programs; "" for sections
	CSVExcel string // the same with a byte-order mark, for Excel and WPS
}

// pressView fills a share panel's press part for a page (chartID "") or a
// chart on it.
func (e *edition) pressView(p *Page, chartID string) *PressView {
	pv := &PressView{}
	root := rootOf(p.URL)
	png, anchor := model.URL(model.Card{Page: p.URL}), "" // png: below the edition root
	pv.PNG, pv.PNGName = root+png, path.Base(png)
	if chartID != "" {
		png, anchor = model.URL(model.ChartPNG{ID: chartID}), model.URL(model.Chart{ID: chartID})
		pv.PNG, pv.PNGName = root+png, path.Base(png)
		pv.CSV, pv.CSVExcel = root+model.URL(model.ChartCSV{ID: chartID}), root+model.URL(model.ChartCSV{ID: chartID, Excel: true})
	}
	if !e.baseKnown() { // the link copied is then relative to the page itself
		pv.Link = "./" + anchor
		return pv
	}
	pv.Link = p.Canonical() + anchor
	pv.QR = root + e.qrFile(png, pv.Link)
	return pv
}

// qrFile queues the QR code of link, a file beside the image png (below
// the edition root), and returns its name. A file, not inline SVG: its
// kilobytes stay out of every page, it loads when the panel opens, and it
// comes from the image cache like the PNGs.
func (e *edition) qrFile(png, link string) string {
	svg := strings.TrimSuffix(png, ".png") + "-qr.svg"
	label := e.ui("二維碼：") + link
	e.queue(pressJob{
		name: e.Prefix + svg,
		key:  func([sha256.Size]byte) []byte { return pressimg.QRKey(label) },
		draw: func(*pressimg.Fonts) ([]byte, error) {
			c, err := qr.Encode(link)
			if err != nil {
				return nil, err
			}
			return []byte(c.SVG(label, 160)), nil
		},
		where: func(string, rune) (string, int) { return e.settingsPath(), 0 },
	})
	return svg
}

// chartCSV writes a chart's figures as CSV twice: plain UTF-8 for
// programs, and with a byte-order mark so Excel and WPS on Chinese Windows
// read it as UTF-8 instead of the ANSI code page.
func (e *edition) chartCSV(out Output, s *chart.Spec, abs func(string) string) {
	d, err := chart.Draw(s, e.ds)
	if err != nil {
		return
	}
	csv := []byte(e.mixed(string(figuresCSV(d, e.ds.Path, abs))))
	out[e.Prefix+model.URL(model.ChartCSV{ID: s.ID})] = csv
	out[e.Prefix+model.URL(model.ChartCSV{ID: s.ID, Excel: true})] = withBOM(csv)
}

// bom is UTF-8's byte-order mark.
const bom = "\ufeff"

func withBOM(b []byte) []byte { return append([]byte(bom), b...) }

// figuresCSV is the CSV of a chart's figures, with the dataset's columns.
func figuresCSV(d *chart.Drawing, path string, abs func(string) string) []byte {
	return figures.CSV(figures.NewDataset(path, d.Figures), abs)
}
