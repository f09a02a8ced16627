package site

import (
	"encoding/binary"
	"sort"

	"edition/generator/internal/buildcache"
	"edition/generator/internal/embed"
)

// Stages that cost the most for what they make keep their results in the
// Builder's disk cache (Builder.Cache, package buildcache) under a key of
// all their inputs and the program's build, so a fresh process reuses
// what an earlier build made. Output is the same with or without it.

// embedKind names the embed stage's entries; bump it when their format
// changes.
const embedKind = "embed-rewrite/1"

// rewriteEmbed is embed.RewriteMeasured of one embed page at the snippet
// and oEmbed widths, through the disk cache.
func (bl *Builder) rewriteEmbed(page []byte, full string) (embedResult, error) {
	c, exe := bl.diskCache()
	var k buildcache.Key
	if c != nil {
		k = buildcache.NewHasher(embedKind).String(exe).Bytes(page).String(full).Sum()
		if b, ok := c.Get(k); ok && len(b) >= 8 {
			h, oh := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
			return embedResult{doc: b[8:], h: int(int32(h)), oh: int(int32(oh))}, nil
		}
	}
	doc, hs, err := embed.RewriteMeasured(page, full, []int{snippetWidth, embed.OEmbedWidth}, embed.DefaultLayout())
	if err != nil {
		return embedResult{}, err
	}
	r := embedResult{doc, hs[0], hs[1]}
	if c != nil {
		b := binary.LittleEndian.AppendUint32(nil, uint32(int32(r.h)))
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(r.oh)))
		_ = c.Put(k, append(b, doc...)) // not stored: the next build recomputes it
	}
	return r, nil
}

// diskCache is the Builder's cache and the program's build ID, or nil
// when there is no cache or the build cannot be named.
func (bl *Builder) diskCache() (*buildcache.Cache, string) {
	if bl == nil || bl.Cache == nil {
		return nil, ""
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if bl.exe == "" {
		bl.exe = buildcache.ExecutableID()
	}
	if bl.exe == "" {
		return nil, ""
	}
	return bl.Cache, bl.exe
}

// Conversions (OpenCC T2S of every text of the Simplified edition) are
// kept on disk as one memo per override table: a build that finds all
// its texts there never loads OpenCC's dictionaries. After a build that
// converted something new, the memo is rewritten with the texts that
// build used, so it does not grow with every edit.
const convKind = "t2s-memo/1"

// convUse records a build's use of the conversion memo.
type convUse struct {
	used   map[string]bool
	missed bool
}

// noteConversion records that s was converted; bl.mu is held.
func (bl *Builder) noteConversion(s string, hit bool) {
	if bl.Cache == nil {
		return
	}
	if bl.convUse.used == nil {
		bl.convUse.used = map[string]bool{}
	}
	bl.convUse.used[s] = true
	bl.convUse.missed = bl.convUse.missed || !hit
}

func (bl *Builder) convMemoKey(exe string) buildcache.Key {
	return buildcache.NewHasher(convKind).String(exe).String(bl.convKey).Sum()
}

// loadConversions fills the memo from the disk cache.
func (bl *Builder) loadConversions() {
	c, exe := bl.diskCache()
	if c == nil {
		return
	}
	b, ok := c.Get(bl.convMemoKey(exe))
	for ok && len(b) > 0 {
		var k, v string
		if k, b, ok = readString(b); ok {
			v, b, ok = readString(b)
		}
		if ok {
			bl.cache[k] = v
		}
	}
}

// saveConversions writes the memo of this build's conversions when the
// build converted something new, and starts recording afresh.
func (bl *Builder) saveConversions() {
	c, exe := bl.diskCache()
	bl.mu.Lock()
	use := bl.convUse
	bl.convUse = convUse{}
	if c == nil || !use.missed {
		bl.mu.Unlock()
		return
	}
	keys := make([]string, 0, len(use.used))
	for k := range use.used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b []byte
	for _, k := range keys {
		b = appendString(appendString(b, k), bl.cache[k])
	}
	bl.mu.Unlock()
	_ = c.Put(bl.convMemoKey(exe), b)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func readString(b []byte) (string, []byte, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return "", nil, false
	}
	return string(b[w : w+int(n)]), b[w+int(n):], true
}

// lintKind names the output lint's entries: a built file that passed the
// lint for Traditional characters, under the override table it passed
// with.
const lintKind = "lint-clean/1"

// cleanOnDisk reports whether the disk cache says file name with bytes b
// passed the output lint, and the key to record that it did.
func (bl *Builder) cleanOnDisk(name string, b []byte) (buildcache.Key, bool) {
	c, exe := bl.diskCache()
	if c == nil {
		return buildcache.Key{}, false
	}
	k := buildcache.NewHasher(lintKind).String(exe).String(bl.convKey).String(name).Bytes(b).Sum()
	v, ok := c.Get(k)
	return k, ok && string(v) == "clean"
}

func (bl *Builder) setCleanOnDisk(k buildcache.Key) {
	if c, _ := bl.diskCache(); c != nil && k != (buildcache.Key{}) {
		_ = c.Put(k, []byte("clean"))
	}
}
