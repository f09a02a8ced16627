package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

	"edition/generator/internal/model"
	"edition/generator/internal/valhash"
)

// A preview rebuild re-executes a template only when what it reads has
// changed. Every execution is keyed by its inputs: the parsed templates
// (their sources, the script and the UI table: tmplKey), the template's
// name, the edition-wide data every page sees (*Site) and the page's own
// data; the key holds the data as package valhash writes it (exported
// fields, as JSON would show them), which is all a template can reach
// (its methods read only exported fields and Site, its functions only the
// UI table). The Builder keeps the bytes each key made in the last build
// and reuses them; a one-paragraph edit so re-executes that paragraph's
// page, its embed page and the pages that show the paragraph (全文),
// and nothing else. The build command (Builder.Once) keeps nothing in
// memory; with a disk cache it keeps the outputs in the render memo
// (diskcache.go) under the same inputs, hashed with sha256.

// renders is the template executions of one build, and the outputs it
// kept from the last one, for tests and the benchmarks.
type renders struct {
	prev, next map[uint64]any               // template outputs ([]byte) and other stages' results, by key
	executed   []string                     // "template name data-name" of each execution, in this build
	reads      map[*template.Template]reads // siteReads
}

// executeMemo executes template name of t with data into a new buffer,
// or returns what the same inputs gave in the last build (kept in
// memory), or in an earlier process (the disk cache's render memo, when
// the Builder has a Cache). what names the output for the tests.
func (r *renderer) executeMemo(t *template.Template, name, what string, data any) ([]byte, error) {
	k, ok := r.renderKey(t, name, data)
	if ok {
		if b, hit := r.bl.rendered(k); hit {
			return b.([]byte), nil
		}
	}
	dk, disk := r.diskRenderKey(t, name, data)
	if disk {
		if b, hit := r.bl.recall(renderMemo, dk); hit {
			if ok {
				r.bl.setRendered(k, b)
			}
			return b, nil
		}
	}
	var buf bytes.Buffer
	buf.Grow(sizeHint(data)) // most of a page is its body: grow once
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	// The output may be kept until the site is written: not with the
	// spare room of a buffer grown by doubling (a quarter of an edition's
	// heap at ×50).
	if buf.Cap()-buf.Len() > buf.Len()/8 {
		buf = *bytes.NewBuffer(bytes.Clone(buf.Bytes()))
	}
	if r.bl != nil {
		r.bl.mu.Lock()
		r.bl.renders.executed = append(r.bl.renders.executed, name+" "+what)
		r.bl.mu.Unlock()
	}
	if ok {
		r.bl.setRendered(k, buf.Bytes())
	}
	if disk {
		r.bl.remember(renderMemo, dk, nil, buf.Bytes())
	}
	return buf.Bytes(), nil
}

// sizeHint is about how large a template's output for data will be: its
// body and the page around it.
func sizeHint(data any) int {
	const page = 32 << 10 // head, navigation, notes, footer
	switch d := data.(type) {
	case *Page:
		return len(d.Body) + len(d.Body)/4 + page
	case *EmbedPage:
		return len(d.Body) + len(d.Body)/4 + page/2
	}
	return page
}

// renderKey hashes a template execution's inputs for the Builder's
// memory; false when the Builder keeps nothing or the data cannot be
// keyed (valhash).
func (r *renderer) renderKey(t *template.Template, name string, data any) (uint64, bool) {
	if r.bl == nil || r.bl.Once {
		return 0, false
	}
	h := r.bl.hasher()
	if !r.writeRenderInputs(&h, t, name, data) {
		return 0, false
	}
	return h.Sum64(), true
}

// diskRenderKey is renderKey for the disk cache: the same inputs under a
// hash that is the same in every process.
func (r *renderer) diskRenderKey(t *template.Template, name string, data any) ([sha256.Size]byte, bool) {
	var k [sha256.Size]byte
	if r.bl == nil || r.bl.Cache == nil {
		return k, false
	}
	h := sha256.New()
	if !r.writeRenderInputs(h, t, name, data) {
		return k, false
	}
	h.Sum(k[:0])
	return k, true
}

// writeRenderInputs writes what a template execution reads: the parsed
// templates, the parts of the Site the template set reads (siteHashFor)
// and the rest of the data (valhash), without the Site.
func (r *renderer) writeRenderInputs(w io.Writer, t *template.Template, name string, data any) bool {
	site := r.siteHashFor(t)
	if site == nil {
		return false
	}
	switch d := data.(type) {
	case *Page:
		c := *d
		c.Site = nil
		data = &c
	case *EmbedPage:
		c := *d
		c.Site = nil
		data = &c
	}
	w.Write(r.tmplKey[:])
	io.WriteString(w, name+"\x00")
	w.Write(site)
	io.WriteString(w, "\x00")
	return writeKey(w, data) == nil
}

// writeKey writes what a template can read of v (valhash): what is made
// from v is keyed by it.
func writeKey(w io.Writer, v any) error { return valhash.Write(w, v) }

func (bl *Builder) rendered(k uint64) (any, bool) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	b, ok := bl.renders.prev[k]
	if ok {
		bl.keep(k, b)
	}
	return b, ok
}

func (bl *Builder) setRendered(k uint64, b any) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	bl.keep(k, b)
}

// keep puts an output in the next build's memo. bl.mu is held.
func (bl *Builder) keep(k uint64, b any) {
	if bl.renders.next == nil {
		bl.renders.next = map[uint64]any{}
	}
	bl.renders.next[k] = b
}

// startRenders begins a build's memo of outputs. endRenders ends it: after
// a build that succeeded, only its outputs are kept (an edit does not grow
// the memo); after a failed one, the last build's are kept too.
func (bl *Builder) startRenders() {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	bl.renders.executed = nil
	bl.renders.next = nil
}

func (bl *Builder) endRenders(ok bool) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if !ok {
		for k, b := range bl.renders.prev {
			if _, has := bl.renders.next[k]; !has {
				bl.keep(k, b)
			}
		}
	}
	bl.renders.prev, bl.renders.next = bl.renders.next, nil
	bl.cache.flip(ok)
	bl.hl.flip(ok)
	bl.clean.flip(ok)
	bl.tmpl.flip(ok)
	bl.parsed.flip(ok)
	bl.drawn.flip(ok)
	bl.scans.flip(ok)
	bl.press.mem.flip(ok)
}

// memoised returns what compute gave for the same inputs in the last
// build (or earlier in this one), else calls it. inputs writes them into
// a hash that starts with tag. Results must not be changed by their users.
func memoised[T any](bl *Builder, tag string, inputs func(h *maphash.Hash), compute func() T) T {
	if bl == nil || bl.Once {
		return compute()
	}
	h := bl.hasher()
	h.WriteString(tag + "\x00")
	inputs(&h)
	k := h.Sum64()
	if v, ok := bl.rendered(k); ok {
		if t, ok := v.(T); ok {
			return t
		}
	}
	v := compute()
	bl.setRendered(k, v)
	return v
}

// stageInputs writes what a stage made from the whole edition reads: the
// inputs of every page's parse, the UI table and the Site (so call it
// after resolveSite).
func (e *edition) stageInputs(h *maphash.Hash) {
	if e.parseKey == nil {
		e.parseKey = e.inputsKey()
	}
	h.Write(e.parseKey)
	h.WriteString("\x00" + e.uiKey + "\x00")
	h.Write(e.siteHash())
}

// siteHash is the hash of the Site, once per build; nil when it
// cannot be written.
func (e *edition) siteHash() []byte {
	if e.siteKey == nil {
		h := e.bl.hasher()
		if writeKey(&h, e.site) != nil {
			return nil
		}
		e.siteKey = binary.LittleEndian.AppendUint64(nil, h.Sum64())
	}
	return e.siteKey
}

// siteHashFor is the hash of the parts of the Site that templates t can
// read. Most pages show nothing of the corrections, the change history or
// the notes, and only ask whether there are any; a text edit that
// changes how many marks were repaired (Site.Punct) should not re-render
// them. So each optional field is in the key as far as t's set reads it
// (siteReads): not at all, whether it is set, or all of it. Page's
// methods read only the fields that are always in the key.
func (r *renderer) siteHashFor(t *template.Template) []byte {
	reads := r.bl.siteReads(t)
	if r.siteKeys == nil {
		r.siteKeys = map[string][]byte{}
	}
	if k, ok := r.siteKeys[reads.String()]; ok {
		return k
	}
	s := *r.site
	reduce(&s.Corrections, reads.of("Corrections"))
	reduce(&s.Punct, reads.of("Punct"))
	reduce(&s.Repairs, reads.of("Repairs"))
	reduce(&s.Restored, reads.of("Restored"))
	reduce(&s.Conversions, reads.of("Conversions"))
	reduce(&s.Changes, reads.of("Changes"))
	reduce(&s.Notes, reads.of("Notes"))
	reduce(&s.TOC, reads.of("TOC"))
	var k []byte
	if r.bl.Cache != nil {
		h := sha256.New() // the same in every process: the disk cache's keys hold it
		if writeKey(h, &s) != nil {
			return nil
		}
		k = h.Sum(nil)
	} else {
		h := r.bl.hasher() // keys of this process's memory only: faster
		if writeKey(&h, &s) != nil {
			return nil
		}
		k = binary.LittleEndian.AppendUint64(nil, h.Sum64())
	}
	r.siteKeys[reads.String()] = k
	return k
}

// reduce keeps of *v what a template that reads it so far can see: for
// readSet, only whether it is set (a template's if tests only that).
func reduce[T any](v *T, r read) {
	var zero T
	switch r {
	case readNone:
		*v = zero
	case readSet:
		set := !isEmpty(reflect.ValueOf(v).Elem())
		*v = zero
		if set {
			setNonEmpty(reflect.ValueOf(v).Elem())
		}
	}
}

// isEmpty is text/template's falsehood for the kinds Site has.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}

// setNonEmpty makes a zero v true for text/template.
func setNonEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Int:
		v.SetInt(1)
	}
}

// read is how far a template set reads one of the Site's fields.
type read int

const (
	readNone read = iota // never named
	readSet              // only tested by if
	readAll              // anything else
)

// optionalFields are the Site's fields a template may not read.
var optionalFields = []string{"Corrections", "Punct", "Repairs", "Restored", "Conversions", "Changes", "Notes", "TOC"}

type reads map[string]read

func (r reads) of(f string) read { return r[f] }

func (r reads) String() string {
	var b strings.Builder
	for _, f := range optionalFields {
		fmt.Fprintf(&b, "%d", r[f])
	}
	return b.String()
}

// siteReads is how far templates t's set reads each optional field,
// remembered per parsed template set. A field's name anywhere but as the
// last name of a field chain in an if's pipeline (or the arguments of a
// function there: or, and, not) is read in full; so is one whose name a
// template names as a map key or a string, conservatively.
func (bl *Builder) siteReads(t *template.Template) reads {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if r, ok := bl.renders.reads[t]; ok {
		return r
	}
	r := reads{}
	for _, x := range t.Templates() {
		if x.Tree != nil && x.Tree.Root != nil {
			walkReads(x.Tree.Root, false, r)
		}
	}
	if bl.renders.reads == nil {
		bl.renders.reads = map[*template.Template]reads{}
	}
	bl.renders.reads[t] = r
	return r
}

func walkReads(n parse.Node, inIf bool, r reads) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkReads(c, false, r)
			}
		}
	case *parse.IfNode:
		walkReads(n.Pipe, true, r)
		walkReads(n.List, false, r)
		walkReads(n.ElseList, false, r)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, r)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, r)
	case *parse.ActionNode:
		walkReads(n.Pipe, false, r)
	case *parse.TemplateNode:
		walkReads(n.Pipe, false, r)
	case *parse.PipeNode:
		pipeReads(n, inIf, r)
	case *parse.FieldNode:
		noteReads(n.Ident, inIf, r)
	case *parse.VariableNode:
		noteReads(n.Ident, inIf, r)
	case *parse.ChainNode:
		walkReads(n.Node, false, r)
		noteReads(n.Field, false, r)
	case *parse.StringNode: // index .Site "Punct"
		noteReads([]string{n.Text}, false, r)
	}
}

// walkBranch is walkReads of a with or range: its pipeline's value is
// read in full.
func walkBranch(n *parse.BranchNode, r reads) {
	walkReads(n.Pipe, false, r)
	walkReads(n.List, false, r)
	walkReads(n.ElseList, false, r)
}

// pipeReads is walkReads of a pipeline; inIf when it is an if's.
func pipeReads(n *parse.PipeNode, inIf bool, r reads) {
	if n == nil {
		return
	}
	if len(n.Decl) > 0 {
		inIf = false // a variable may be read later, in full
	}
	for _, c := range n.Cmds {
		// Only or, and and not pass on what their arguments are
		// as truth; any other function (eq, len) reads them.
		truth := inIf && len(n.Cmds) == 1
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && !slices.Contains([]string{"or", "and", "not"}, id.Ident) {
			truth = false
		}
		for _, a := range c.Args {
			walkReads(a, truth, r)
		}
	}
}

// noteReads records the optional fields a chain of names reads: the last
// only tested when inIf, any other in full.
func noteReads(idents []string, inIf bool, r reads) {
	for i, id := range idents {
		if !slices.Contains(optionalFields, id) {
			continue
		}
		lvl := readAll
		if inIf && i == len(idents)-1 {
			lvl = readSet
		}
		r[id] = max(r[id], lvl)
	}
}

// citesHash is every paragraph's citation label (which charts and notes
// show), as drawCached keys them; call it after the pages are parsed.
func (e *edition) citesHash() []byte {
	if e.citesKey == nil {
		e.citesKey = sortedPairs(paraFields(e.paras, func(p model.Para) string { return p.Cite }))
	}
	return e.citesKey
}
