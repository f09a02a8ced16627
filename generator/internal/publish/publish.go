// Package publish puts a built site on disk. It writes only into a
// directory that is absent, empty, or the output of an earlier build (which
// carries the Marker file), so a mistyped -out never replaces sources, a
// project or a file. The new tree is made beside the old one, unchanged
// files hard-linked from it, and swapped in at once: a reader sees the old
// site or the new one, never a mix, and an interrupted build leaves the old
// site as it was.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Marker is the file every build writes at the top of its output. Only a
// directory holding it (or an empty one) is ever replaced.
const Marker = ".generator-output"

// markerText says what the directory is to whoever finds it.
const markerText = "This directory is the output of `go run ./generator build`.\n" +
	"The next build replaces everything in it; do not keep other files here.\n"

// Modes of the output, whatever the umask: a web server running as
// another user must be able to read the site.
const (
	FileMode fs.FileMode = 0o644
	DirMode  fs.FileMode = 0o755
)

// Config says where to write and what must never be written over.
type Config struct {
	// Dir is the output directory as the user named it (-out).
	Dir string
	// Projects are the project roots (the working directory, the parent of
	// -content): the output may be inside one but not be one or hold one.
	Projects []string
	// Sources are the source directories (content, templates, static,
	// seeds): the output may not be one, hold one, or be inside one.
	Sources []string
}

// Stats counts what Write did.
type Stats struct {
	Written, Kept, Removed int
}

// Check refuses cfg.Dir as Write would, so a command can say so before
// it spends time building.
func Check(cfg Config) error {
	_, err := target(cfg)
	return err
}

// Write puts files (slash path → bytes) into cfg.Dir.
func Write(files map[string][]byte, cfg Config) (Stats, error) {
	var st Stats
	dir, err := target(cfg)
	if err != nil {
		return st, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, DirMode); err != nil {
		return st, err
	}
	prefix := "." + filepath.Base(dir) + "-new-"
	removeAbandoned(parent, prefix)
	tmp, unlock, err := makeTemp(parent, prefix)
	if err != nil {
		return st, err
	}
	defer func() {
		unlock()
		os.RemoveAll(tmp) // after the swap it holds the old site
	}()
	old := existingFiles(dir)
	if st, err = fill(tmp, dir, files, old); err != nil {
		return st, err
	}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return st, os.Rename(tmp, dir)
	}
	return st, swap(tmp, dir)
}

// fill writes the new tree into tmp: files whose bytes are unchanged are
// hard-linked from the old tree in dir (same inode, same mtime, so rsync
// and caches see them unchanged), the rest written afresh.
func fill(tmp, dir string, files map[string][]byte, old map[string]bool) (Stats, error) {
	var st Stats
	names, all, err := withMarker(files)
	if err != nil {
		return st, err
	}
	made := map[string]bool{".": true}
	for _, n := range names {
		kept, err := place(tmp, dir, n, all[n], old[n], made)
		if err != nil {
			return st, err
		}
		switch {
		case n == Marker:
		case kept:
			st.Kept++
		default:
			st.Written++
		}
	}
	for n := range old {
		if _, ok := all[n]; !ok && n != Marker {
			st.Removed++
		}
	}
	return st, nil
}

// withMarker checks the output names and adds the marker file: the names
// in order, the marker last, and every file's bytes by name.
func withMarker(files map[string][]byte) ([]string, map[string][]byte, error) {
	names := make([]string, 0, len(files)+1)
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	all := map[string][]byte{Marker: []byte(markerText)}
	for _, n := range names {
		if err := checkName(n); err != nil {
			return nil, nil, err
		}
		all[n] = files[n]
	}
	return append(names, Marker), all, nil
}

// place puts file n into tmp: a hard link to the old tree's file when it
// had n (wasThere) with the same bytes, else written. It reports whether
// the old file was kept.
func place(tmp, dir, n string, b []byte, wasThere bool, made map[string]bool) (bool, error) {
	if err := mkdirs(tmp, filepath.Dir(filepath.FromSlash(n)), made); err != nil {
		return false, err
	}
	dst := filepath.Join(tmp, filepath.FromSlash(n))
	if wasThere && linkSame(filepath.Join(dir, filepath.FromSlash(n)), dst, b) {
		return true, nil
	}
	return false, writeFile(dst, b)
}

// checkName refuses output paths that would leave the output directory.
func checkName(n string) error {
	if !fs.ValidPath(n) || n == "." || n == Marker {
		return fmt.Errorf("publish: invalid output path %q", n)
	}
	return nil
}

// mkdirs makes rel and its parents under root with DirMode.
func mkdirs(root, rel string, made map[string]bool) error {
	if made[rel] {
		return nil
	}
	if err := mkdirs(root, filepath.Dir(rel), made); err != nil {
		return err
	}
	p := filepath.Join(root, rel)
	if err := os.Mkdir(p, DirMode); err != nil {
		return err
	}
	made[rel] = true
	return os.Chmod(p, DirMode) // Mkdir's mode is masked by the umask
}

// linkSame hard-links old to dst when old is a regular file holding
// exactly b with the output's mode.
func linkSame(old, dst string, b []byte) bool {
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != FileMode || fi.Size() != int64(len(b)) {
		return false
	}
	have, err := os.ReadFile(old)
	if err != nil || !bytes.Equal(have, b) {
		return false
	}
	return os.Link(old, dst) == nil
}

func writeFile(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return err
	}
	if err := f.Chmod(FileMode); err != nil { // OpenFile's mode is masked by the umask
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// existingFiles lists the regular files of a previous build in dir, as
// slash paths; nil when dir is absent or empty.
func existingFiles(dir string) map[string]bool {
	m := map[string]bool{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err == nil {
			m[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if len(m) == 0 {
		return nil
	}
	return m
}

// within reports whether p is dir or inside it (both absolute and clean).
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}
