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
	"sync"
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
	s, err := Begin(cfg)
	if err != nil {
		return Stats{}, err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := s.Put(n, files[n]); err != nil {
			s.Abort()
			return Stats{}, err
		}
	}
	return s.Commit()
}

// Stage is a new tree being made beside cfg.Dir. Put places each file as
// the build makes it, so a build need not hold its whole output; Commit
// swaps the tree in at once, Abort removes it. Files whose bytes are
// unchanged are hard-linked from the old tree (same inode, same mtime, so
// rsync and caches see them unchanged), the rest written afresh. Put is
// safe for concurrent use.
type Stage struct {
	dir, tmp string
	unlock   func()
	old      map[string]bool // the old tree's files
	mu       sync.Mutex
	made     map[string]bool // directories made in tmp
	put      map[string]bool // files put, and whether each was kept from the old tree
	done     bool
}

// Begin starts a new tree for cfg.Dir, refusing it as Check does.
func Begin(cfg Config) (*Stage, error) {
	dir, err := target(cfg)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, DirMode); err != nil {
		return nil, err
	}
	prefix := "." + filepath.Base(dir) + "-new-"
	removeAbandoned(parent, prefix)
	tmp, unlock, err := makeTemp(parent, prefix)
	if err != nil {
		return nil, err
	}
	return &Stage{dir: dir, tmp: tmp, unlock: unlock, old: existingFiles(dir), made: map[string]bool{".": true}, put: map[string]bool{}}, nil
}

// Put places file n (a slash path below the output) in the new tree. A
// file put twice holds the last bytes.
func (s *Stage) Put(n string, b []byte) error {
	if err := checkName(n); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return fmt.Errorf("publish: %s put after the build ended", n)
	}
	if _, ok := s.put[n]; ok {
		if err := os.Remove(filepath.Join(s.tmp, filepath.FromSlash(n))); err != nil {
			return err
		}
	}
	kept, err := place(s.tmp, s.dir, n, b, s.old[n], s.made)
	if err != nil {
		return err
	}
	s.put[n] = kept
	return nil
}

// Commit adds the Marker and swaps the new tree in for the old one.
func (s *Stage) Commit() (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st Stats
	if s.done {
		return st, errors.New("publish: the build already ended")
	}
	s.done = true
	defer s.cleanup()
	if _, err := place(s.tmp, s.dir, Marker, []byte(markerText), s.old[Marker], s.made); err != nil {
		return st, err
	}
	for _, kept := range s.put {
		if kept {
			st.Kept++
		} else {
			st.Written++
		}
	}
	for n := range s.old {
		if _, ok := s.put[n]; !ok && n != Marker {
			st.Removed++
		}
	}
	if _, err := os.Lstat(s.dir); errors.Is(err, fs.ErrNotExist) {
		return st, os.Rename(s.tmp, s.dir)
	}
	return st, swap(s.tmp, s.dir)
}

// Abort removes the new tree; the old one stays as it was.
func (s *Stage) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done {
		s.done = true
		s.cleanup()
	}
}

// cleanup unlocks and removes the temporary directory, which after a swap
// holds the old site.
func (s *Stage) cleanup() {
	s.unlock()
	os.RemoveAll(s.tmp)
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
