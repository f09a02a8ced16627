package site

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/yuin/goldmark"

	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/figures"
	"edition/generator/internal/markup"
	"edition/generator/internal/terms"
)

func (bl *Builder) isClean(k uint64) bool {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	return bl.clean[k]
}

func (bl *Builder) setClean(k uint64) {
	if bl.Once {
		return
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if bl.clean == nil {
		bl.clean = map[uint64]bool{}
	}
	bl.clean[k] = true
}

// parsed is one page's goldmark result.
type parsed struct {
	html    []byte
	paras   []markup.Para
	uses    []terms.Use
	figures map[string]string // chart id → its <figure>, as the page shows it
	errs    diag.List
}

// renderCached is renderPage, remembered by the Builder: a page is parsed
// again only when its source, or something its rendering reads from other
// files (the anchors, the figures, where paragraphs and charts are), has
// changed. The key covers all of them.
func (e *edition) renderCached(md goldmark.Markdown, cp *content.Page) parsed {
	return e.renderCachedAt(md, cp, cp.URL())
}

// renderCachedAt is renderPageAt, remembered likewise (the 全文 page's
// copy of each page: its links differ only by url, which the key holds).
func (e *edition) renderCachedAt(md goldmark.Markdown, cp *content.Page, url string) parsed {
	if e.bl == nil || e.bl.Once {
		return renderPageAt(md, cp, url)
	}
	if e.parseKey == nil {
		e.parseKey = e.inputsKey()
	}
	var b bytes.Buffer
	b.Write(e.parseKey)
	fmt.Fprintf(&b, "\x00%s\x00%s\x00%s\x00", cp.Path, url, cp.Meta.Cite)
	b.Write(cp.Source)
	k := e.bl.key(b.Bytes())
	e.bl.mu.Lock()
	r, ok := e.bl.parsed[k]
	e.bl.mu.Unlock()
	if !ok {
		r = renderPageAt(md, cp, url)
		e.bl.mu.Lock()
		if e.bl.parsed == nil {
			e.bl.parsed = map[uint64]parsed{}
		}
		e.bl.parsed[k] = r
		e.bl.mu.Unlock()
	}
	return r
}

// inputsKey is what every page's rendering reads besides its own source:
// the edition's script and conversion table, the anchors, the figures,
// and which page holds each paragraph and chart; the settings and the UI
// table (a chart's source line and citations).
func (e *edition) inputsKey() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\x00", e.Lang, e.Prefix, e.bl.convKey, e.uiKey)
	_ = writeJSON(&b, e.settings) // plain data: cannot fail
	for _, a := range e.anchors {
		fmt.Fprintf(&b, "a%d\x00%s\x00%d\x00%s\x00%d\x00", a.Note, a.Text, a.Count, a.Path, a.Line)
	}
	if e.ds != nil {
		b.Write(figures.Format(e.ds))
	}
	for _, m := range []map[string]string{e.paraPage, e.chartPage, e.figChart} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s=%s\x00", k, m[k])
		}
		b.WriteString("\x01")
	}
	return b.Bytes()
}
