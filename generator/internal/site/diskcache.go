package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
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
	figureMemo = "figures/1"    // the figures page's data and downloads (figures.go)
)

// memo is one stage's results: those read from the cache and those made
// in this build, and which of them this build used. A large result (a
// page) is not held: it is read in place from the memo's cache entry
// (old), or written to a spill file when made and copied from there into
// the memo that saveMemos writes. So the memo of a build's pages costs
// the build no memory, whatever the edition's size.
type memo struct {
	entries map[[sha256.Size]byte]memoValue
	used    map[[sha256.Size]byte]bool
	dirty   bool              // something was made that the cache did not have
	old     *buildcache.Entry // the memo as the cache had it
	spill   *os.File          // large results made in this build
	spilled int64             // the spill file's size
}

// memoValue is a result: held as head and body (so that a small head and
// a body that is in the output already are stored without being joined),
// or n bytes at off in at (the cache's entry or the spill file).
type memoValue struct {
	head, body []byte
	at         io.ReaderAt
	off, n     int64
}

// spillMin is the size from which a result is not held in memory.
const spillMin = 2048

// bytes returns the value's bytes; false when they cannot be read.
func (v memoValue) bytes() ([]byte, bool) {
	if v.at == nil {
		if v.head == nil {
			return v.body, true
		}
		return append(append([]byte{}, v.head...), v.body...), true
	}
	b := make([]byte, v.n)
	_, err := v.at.ReadAt(b, v.off)
	return b, err == nil
}

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
	b, ok := v.bytes()
	if ok {
		m.used[k] = true
	}
	return b, ok
}

// remember stores a result made in this build: head then body, which
// the memo keeps without copying, or spills when they are large.
func (bl *Builder) remember(stage string, k [sha256.Size]byte, head, body []byte) {
	bl.mu.Lock()
	defer bl.mu.Unlock()
	m := bl.memo(stage)
	if m == nil {
		return
	}
	v := memoValue{head: head, body: body}
	if len(head)+len(body) >= spillMin {
		v = m.spillValue(bl.Cache.Dir(), v)
	}
	m.entries[k], m.used[k], m.dirty = v, true, true
}

// spillValue writes v to the memo's spill file (made in dir on first
// use) and returns where it is; v itself if it cannot.
func (m *memo) spillValue(dir string, v memoValue) memoValue {
	if m.spill == nil {
		f, err := os.CreateTemp(dir, ".tmp-spill-*") // .tmp-: the cache's Clean knows it
		if err != nil {
			return v
		}
		m.spill = f
	}
	at := memoValue{at: m.spill, off: m.spilled, n: int64(len(v.head) + len(v.body))}
	for _, b := range [][]byte{v.head, v.body} {
		if _, err := m.spill.WriteAt(b, m.spilled); err != nil {
			return v
		}
		m.spilled += int64(len(b))
	}
	return at
}

// close closes the memo's files and removes the spill file.
func (m *memo) close() {
	if m.old != nil {
		m.old.Close()
	}
	if m.spill != nil {
		m.spill.Close()
		os.Remove(m.spill.Name())
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
	if e, ok := bl.Cache.Open(bl.memoKey(stage)); ok {
		m.old = e
		decodeMemo(e, m.entries)
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
		memos[s].close()
	}
}

// dropMemos forgets the memos of a build that failed, saving nothing.
func (bl *Builder) dropMemos() {
	bl.mu.Lock()
	memos := bl.memos
	bl.memos = nil
	bl.mu.Unlock()
	for _, m := range memos {
		m.close()
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
		n := v.n
		if v.at == nil {
			n = int64(len(v.head) + len(v.body))
		}
		if _, err := w.Write(binary.AppendUvarint(append([]byte{}, k[:]...), uint64(n))); err != nil {
			return err
		}
		if v.at != nil {
			if _, err := io.Copy(w, io.NewSectionReader(v.at, v.off, v.n)); err != nil {
				return err
			}
			continue
		}
		for _, part := range [][]byte{v.head, v.body} {
			if _, err := w.Write(part); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeMemo reads the entries of e until its end or the first malformed
// one: small values into memory, large ones as where they are in e.
func decodeMemo(e *buildcache.Entry, into map[[sha256.Size]byte]memoValue) {
	r := bufio.NewReader(io.NewSectionReader(e, 0, e.Size))
	var off int64
	for {
		var k [sha256.Size]byte
		if _, err := io.ReadFull(r, k[:]); err != nil {
			return
		}
		n, err := binary.ReadUvarint(r)
		off += sha256.Size + int64(len(binary.AppendUvarint(nil, n)))
		if err != nil || n > uint64(e.Size-off) {
			return
		}
		v := memoValue{at: e, off: off, n: int64(n)}
		if n < spillMin {
			v = memoValue{body: make([]byte, n)}
			_, err = io.ReadFull(r, v.body)
		} else {
			_, err = r.Discard(int(n))
		}
		if err != nil {
			return
		}
		into[k] = v
		off += int64(n)
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
