package site

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"sort"

	"edition/generator/internal/buildcache"
)

// Stages that cost the most for what they make keep their results in the
// Builder's disk cache (Builder.Cache, package buildcache), so a fresh
// process reuses what an earlier build made; output is the same with or
// without it. Each stage's results are many and small (a template's
// output, a file that passed the lint, a conversion), so a stage keeps
// them in one cache entry, a memo, under the hash of each result's inputs:
// a build reads one file per stage and writes at most one, with only the
// results it used, instead of creating a file per result (which is what
// costs on a slow disk). The memo's own key names the program's build, so
// a rebuilt generator never reads what an older one made.
const (
	lintMemo   = "lint-clean/2" // built files that passed the output lint
	convMemo   = "t2s/2"        // OpenCC T2S with the override table
	renderMemo = "render/1"     // template executions, by their inputs (incremental.go)
)

// memo is one stage's results: those read from the cache and those made
// in this build, and which of them this build used.
type memo struct {
	entries map[[sha256.Size]byte]memoValue
	used    map[[sha256.Size]byte]bool
	dirty   bool // something was made that the cache did not have
}

// memoValue is a result as head and body, so that a large body (an embed
// page, already in the output) is stored without being copied.
type memoValue struct{ head, body []byte }

// inputs hashes a result's inputs, each length-prefixed.
func inputs(parts ...[]byte) [sha256.Size]byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write(binary.AppendUvarint(nil, uint64(len(p))))
		h.Write(p)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// recall returns the result stored under k in the stage's memo.
func (bl *Builder) recall(stage string, k [sha256.Size]byte) ([]byte, bool) {
	if bl == nil || bl.Cache == nil {
		return nil, false
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	m := bl.memo(stage)
	if m == nil {
		return nil, false
	}
	v, ok := m.entries[k]
	if !ok {
		return nil, false
	}
	m.used[k] = true
	if v.head == nil {
		return v.body, true
	}
	return append(append([]byte{}, v.head...), v.body...), true
}

// remember stores a result made in this build: head then body, which
// the memo keeps without copying.
func (bl *Builder) remember(stage string, k [sha256.Size]byte, head, body []byte) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	if m := bl.memo(stage); m != nil {
		m.entries[k], m.used[k], m.dirty = memoValue{head, body}, true, true
	}
}

// memo loads a stage's memo on first use in a build; nil without a
// cache. bl.mu is held.
func (bl *Builder) memo(stage string) *memo {
	if bl.Cache == nil {
		return nil
	}
	if m, ok := bl.memos[stage]; ok {
		return m
	}
	if bl.exe == "" {
		bl.exe = buildcache.ExecutableID()
	}
	if bl.exe == "" {
		return nil // the build cannot be named: cache nothing
	}
	m := &memo{entries: map[[sha256.Size]byte]memoValue{}, used: map[[sha256.Size]byte]bool{}}
	if b, ok := bl.Cache.Get(bl.memoKey(stage)); ok {
		decodeMemo(b, m.entries)
	}
	if bl.memos == nil {
		bl.memos = map[string]*memo{}
	}
	bl.memos[stage] = m
	return m
}

func (bl *Builder) memoKey(stage string) buildcache.Key {
	return buildcache.NewHasher(stage).String(bl.exe).Sum()
}

// saveMemos writes each memo that gained results, with only the results
// this build used (so the cache does not grow with every edit), and
// forgets them: the next build reads the cache afresh.
func (bl *Builder) saveMemos() {
	bl.mu.Lock()
	memos := bl.memos
	bl.memos = nil
	bl.mu.Unlock()
	stages := make([]string, 0, len(memos))
	for s := range memos {
		stages = append(stages, s)
	}
	sort.Strings(stages)
	for _, s := range stages {
		if m := memos[s]; m.dirty {
			// Streamed: a memo of embed pages is as large as they are.
			_ = bl.Cache.PutFunc(bl.memoKey(s), func(w io.Writer) error { return encodeMemo(w, m) }) // not stored: the next build recomputes
		}
	}
}

func encodeMemo(w io.Writer, m *memo) error {
	keys := make([][sha256.Size]byte, 0, len(m.used))
	for k := range m.used {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return string(keys[i][:]) < string(keys[j][:]) })
	for _, k := range keys {
		v := m.entries[k]
		b := binary.AppendUvarint(append([]byte{}, k[:]...), uint64(len(v.head)+len(v.body)))
		for _, part := range [][]byte{b, v.head, v.body} {
			if _, err := w.Write(part); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeMemo reads entries until the end or the first malformed one.
func decodeMemo(b []byte, into map[[sha256.Size]byte]memoValue) {
	for len(b) > sha256.Size {
		var k [sha256.Size]byte
		copy(k[:], b)
		n, w := binary.Uvarint(b[sha256.Size:])
		b = b[sha256.Size:]
		if w <= 0 || n > uint64(len(b)-w) {
			return
		}
		into[k] = memoValue{body: b[w : w+int(n)]}
		b = b[w+int(n):]
	}
}

// cleanOnDisk reports whether an earlier build's output lint passed file
// name with bytes b under the same override table, and the key to record
// that it passed now.
func (bl *Builder) cleanOnDisk(name string, b []byte) ([sha256.Size]byte, bool) {
	if bl == nil || bl.Cache == nil {
		return [sha256.Size]byte{}, false
	}
	k := inputs([]byte(bl.convKey), []byte(name), b)
	_, ok := bl.recall(lintMemo, k)
	return k, ok
}

func (bl *Builder) setCleanOnDisk(k [sha256.Size]byte) {
	if bl != nil && bl.Cache != nil {
		bl.remember(lintMemo, k, nil, nil)
	}
}

// convertedOnDisk is an earlier build's T2S of s with the same override
// table.
func (bl *Builder) convertedOnDisk(s string) ([sha256.Size]byte, string, bool) {
	if bl.Cache == nil {
		return [sha256.Size]byte{}, "", false
	}
	k := inputs([]byte(bl.convKey), []byte(s))
	v, ok := bl.recall(convMemo, k)
	return k, string(v), ok
}
