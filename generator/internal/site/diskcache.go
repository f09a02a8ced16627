package site

import (
	"encoding/binary"

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
