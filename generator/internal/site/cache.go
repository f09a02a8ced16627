package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/yuin/goldmark"

	"edition/generator/internal/chart"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/model"
	"edition/generator/internal/terms"
)

func (bl *Builder) isClean(k uint64) bool {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	ok, _ := bl.clean.get(k)
	return ok
}

func (bl *Builder) setClean(k uint64) {
	if bl.Once {
		return
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	bl.clean.put(k, true)
}

// parsed is one page's goldmark result.
type parsed struct {
	body    string // the rendered body, and where its title and each chart's figure end (body.go)
	title   int
	cuts    []Cut
	paras   []markup.Para
	uses    []terms.Use
	figures map[string]string    // chart id → its <figure>, as the page shows it
	boxes   map[string]chart.Box // chart id → what its figure shows
	errs    diag.List
	// For the page's embed pages (copy.go): the body, and each chart.
	copy        string
	chartCopies map[string]chart.Drawn
	full        string // the body as the 全文 page shows it
}

// parseCached is parsePage, remembered by the Builder: a page is parsed
// again only when its source, or something its parsing reads from other
// files (the anchors, the figures, where paragraphs and charts are), has
// changed. The key covers all of them. The tree itself is not kept
// between builds (its charts hold this build's edition).
func (e *edition) parseCached(md goldmark.Markdown, cp *content.Page) pageParse {
	if e.bl == nil || e.bl.Once {
		return parsePage(md, cp, cp.URL())
	}
	k := e.pageKey(cp, nil)
	e.bl.mu.Lock()
	p, ok := e.bl.parsed.get(k)
	e.bl.mu.Unlock()
	if !ok {
		p = parsePage(md, cp, cp.URL())
		e.bl.mu.Lock()
		e.bl.parsed.put(k, pageParse{url: p.url, paras: p.paras, uses: p.uses, errs: p.errs})
		e.bl.mu.Unlock()
	}
	return p
}

// drawCached is drawPage, remembered by the Builder: a page is rendered
// again when its parse key or any page's citation labels (which its
// charts may show) changed.
func (e *edition) drawCached(md goldmark.Markdown, cp *content.Page, p pageParse) parsed {
	d := e.drawFor(cp)
	if e.bl == nil || e.bl.Once {
		return drawPage(md, cp, p, d)
	}
	if e.citesKey == nil {
		e.citesKey = sortedPairs(paraFields(e.paras, func(p model.Para) string { return p.Cite }))
	}
	k := e.pageKey(cp, e.citesKey)
	e.bl.mu.Lock()
	r, ok := e.bl.drawn.get(k)
	e.bl.mu.Unlock()
	if !ok {
		r = drawPage(md, cp, p, d)
		e.bl.mu.Lock()
		e.bl.drawn.put(k, r)
		e.bl.mu.Unlock()
	}
	return r
}

// pageKey is everything a page's parse reads: its source and place, and
// the edition's inputs (hashed once per build: they are large, and were
// copied into every page's key), then more.
func (e *edition) pageKey(cp *content.Page, more []byte) uint64 {
	if e.parseSum == nil {
		if e.parseKey == nil {
			e.parseKey = e.inputsKey()
		}
		h := e.bl.hasher()
		h.Write(e.parseKey)
		e.parseSum = binary.LittleEndian.AppendUint64(nil, h.Sum64())
	}
	h := e.bl.hasher()
	h.Write(e.parseSum)
	h.WriteString("\x00" + cp.Path + "\x00" + cp.URL() + "\x00" + cp.Meta.Cite + "\x00")
	h.Write(cp.Source)
	h.WriteString("\x00")
	h.Write(more)
	return h.Sum64()
}

// inputsKey is what every page's rendering reads besides its own source:
// the edition's script and conversion table, the anchors, the figures,
// and which page holds each paragraph and chart; the settings and the UI
// table (a chart's source line and citations).
func (e *edition) inputsKey() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\x00", e.Lang, e.Prefix, e.bl.convKey, e.uiKey)
	_ = writeKey(&b, e.settings) // plain data: cannot fail
	for _, a := range e.anchors {
		fmt.Fprintf(&b, "a%d\x00%s\x00%d\x00%s\x00%d\x00", a.Note, a.Text, a.Count, a.Path, a.Line)
	}
	if e.ds != nil {
		b.Write(figures.Format(e.ds))
	}
	paraPage := paraFields(e.paras, func(p model.Para) string { return p.Page })
	for _, m := range []map[string]string{paraPage, e.chartPage, e.figChart} {
		b.Write(sortedPairs(m))
		b.WriteString("\x01")
	}
	return b.Bytes()
}

// sortedPairs is m as key=value pairs in key order, for a cache key.
func sortedPairs(m map[string]string) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s\x00", k, m[k])
	}
	return b.Bytes()
}

// paraFields is one field of every paragraph, by ID, for a cache key.
func paraFields(paras map[string]model.Para, f func(model.Para) string) map[string]string {
	m := make(map[string]string, len(paras))
	for id, p := range paras {
		m[id] = f(p)
	}
	return m
}
