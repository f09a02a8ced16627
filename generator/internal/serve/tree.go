package serve

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
)

// tree is one immutable build output held in memory: output path (as in
// the fs.FS, "index.html" for directories) → file.
type tree struct {
	build string // version, e.g. "k3f9.4": server id and build number
	files map[string]*file
}

type file struct {
	data  []byte
	hash  uint64
	ctype string
}

// snapshot hashes every file of a build's output. Bytes that are the
// same slice as in the last tree (old; nil for none) keep their hash: a
// rebuild after a small edit returns most files as they were.
func snapshot(old *tree, out map[string][]byte, build string, seed maphash.Seed) (*tree, error) {
	t := &tree{build: build, files: make(map[string]*file, len(out))}
	for p, b := range out {
		if !fs.ValidPath(p) || p == "." {
			return nil, fmt.Errorf("build output: invalid path %q", p)
		}
		if old != nil {
			if o, ok := old.files[p]; ok && sameSlice(o.data, b) {
				t.files[p] = o
				continue
			}
		}
		t.files[p] = &file{data: b, hash: maphash.Bytes(seed, b), ctype: contentType(p, b)}
	}
	return t, nil
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func contentType(name string, b []byte) string {
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		return ct
	}
	return http.DetectContentType(b)
}

func isHTML(ctype string) bool { return strings.HasPrefix(ctype, "text/html") }

// diff returns the sorted output paths that were added, removed or changed
// between two trees. A nil old tree counts as empty.
func diff(old, cur *tree) []string {
	var out []string
	var oldFiles map[string]*file
	if old != nil {
		oldFiles = old.files
	}
	for p, f := range cur.files {
		if o, ok := oldFiles[p]; !ok || o.hash != f.hash {
			out = append(out, p)
		}
	}
	for p := range oldFiles {
		if _, ok := cur.files[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// lookup resolves a cleaned request path ("" for the root, no leading
// slash) to the output file that answers it. It returns the file's name, or
// redirect=true when the path names a directory without its trailing slash.
// candidates lists every output path that would answer this URL, so a tab
// showing a 404 can reload when one of them appears.
func (t *tree) lookup(p string) (name string, f *file, redirect bool, candidates []string) {
	if p == "" || strings.HasSuffix(p, "/") {
		name = p + "index.html"
		return name, t.files[name], false, []string{name}
	}
	if f := t.files[p]; f != nil {
		return p, f, false, []string{p}
	}
	candidates = []string{p, p + "/index.html"}
	if t.files[p+"/index.html"] != nil {
		return "", nil, true, candidates
	}
	return "", nil, false, candidates
}
