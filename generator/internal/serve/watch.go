package serve

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher turns fsnotify events under the watched directories into batches
// of changed source paths (relative to root, slash-separated), one batch per
// burst of events. It is used by one goroutine (run) after newWatcher.
type watcher struct {
	root    string
	dirs    []string // watch roots, relative to root, slash-separated
	fsw     *fsnotify.Watcher
	quiet   time.Duration
	maxWait time.Duration
	poll    time.Duration // rescan interval; 0 = events only
	log     io.Writer

	seed    maphash.Seed
	known   map[string]uint64 // file → hash of its bytes
	watched map[string]bool   // directories with an fsnotify watch
	held    map[string]bool   // paths settle left for later (half-saved)
	final   bool              // settle may not hold anything back

	out chan []string // batches, sent when the receiver is ready
}

// rescanAll is a pending key meaning "walk every watch root again", used when
// the kernel dropped events.
const rescanAll = "\x00all"

// newWatcher watches cfg.Watch under cfg.Root; cfg has its defaults set.
func newWatcher(cfg Config) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w (on file systems without change events, set a poll interval)", err)
	}
	root, log := cfg.Root, cfg.Log
	w := &watcher{
		root: root, fsw: fsw, quiet: cfg.Quiet, maxWait: cfg.MaxWait, poll: cfg.Poll, log: log,
		seed:    maphash.MakeSeed(),
		known:   map[string]uint64{},
		watched: map[string]bool{},
		held:    map[string]bool{},
		final:   true,
		out:     make(chan []string),
	}
	for _, d := range cfg.Watch {
		d = path.Clean(filepath.ToSlash(d))
		w.dirs = append(w.dirs, d)
		if _, err := os.Stat(w.abs(d)); err == nil {
			w.syncDir(d)
			continue
		}
		if strings.Contains(d, "/") {
			fmt.Fprintf(log, "preview: %s does not exist; not watched\n", d)
			continue
		}
		fmt.Fprintf(log, "preview: %s does not exist yet; watching for it\n", d)
	}
	// The root itself is watched (not recursively), so that a top-level
	// directory that is created, replaced (a backup restored, a branch
	// switched) or moved back is seen and watched again.
	for _, d := range w.dirs {
		if !strings.Contains(d, "/") {
			if err := fsw.Add(root); err != nil {
				fmt.Fprintf(log, "preview: cannot watch %s: %v\n", root, err)
			}
			break
		}
	}
	return w, nil
}

func (w *watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

// close stops fsnotify; run returns soon after.
func (w *watcher) close() error { return w.fsw.Close() }

// run collects events until ctx is done. A batch is offered on w.out only
// when no burst is in progress, so changes made during a build are merged
// into one follow-up batch.
func (w *watcher) run(ctx context.Context) {
	b := &burst{pending: map[string]bool{}, timer: time.NewTimer(time.Hour)}
	b.timer.Stop()
	var pollC <-chan time.Time
	if w.poll > 0 {
		tick := time.NewTicker(w.poll)
		defer tick.Stop()
		pollC = tick.C
	}
	for {
		var out chan []string
		if len(b.batch) > 0 && len(b.pending) == 0 {
			out = w.out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if rel, ok := w.relevant(ev); ok {
				w.changed(b, rel)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.watchError(b, err)
		case <-pollC:
			b.poll()
		case <-b.timer.C:
			w.settleBurst(b)
		case out <- b.batch:
			b.batch = nil
		}
	}
}

// A burst is the changes seen since the last quiet moment, and the batch
// of settled changes not yet taken by the builder.
type burst struct {
	pending map[string]bool
	batch   []string
	first   time.Time // when the burst began
	timer   *time.Timer
}

// changed adds rel to the burst and waits for quiet again, at most
// maxWait from the burst's start.
func (w *watcher) changed(b *burst, rel string) {
	if len(b.pending) == 0 {
		b.first = time.Now()
	}
	b.pending[rel] = true
	b.timer.Reset(min(w.quiet, w.maxWait-time.Since(b.first)))
}

// watchError logs fsnotify's error; after an overflow every root is
// rescanned.
func (w *watcher) watchError(b *burst, err error) {
	fmt.Fprintf(w.log, "preview: watch: %v\n", err)
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		b.pending[rescanAll] = true
		b.timer.Reset(w.quiet)
	}
}

// poll asks for a rescan of every root (for file systems without events).
func (b *burst) poll() {
	if len(b.pending) == 0 { // else the burst's own timer settles it
		b.first = time.Now()
		b.timer.Reset(0)
	}
	b.pending[rescanAll] = true
}

// settleBurst moves the quiet burst's changes into the batch; changes held
// back (files still being written) start the next burst.
func (w *watcher) settleBurst(b *burst) {
	final := time.Since(b.first) >= w.maxWait
	b.batch = mergeSorted(b.batch, w.settle(b.pending, final))
	clear(b.pending)
	maps.Copy(b.pending, w.held)
	if len(b.pending) > 0 {
		b.timer.Reset(min(w.quiet, w.maxWait-time.Since(b.first)))
	}
}

// relevant maps an event to a path relative to root, dropping events that
// cannot be a change of content: chmod-only, outside the watch roots, version
// control and editor temporary files.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return "", false
	}
	r, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel := filepath.ToSlash(r)
	if !w.underRoot(rel) || ignoredPath(rel) {
		return "", false
	}
	return rel, true
}

func (w *watcher) underRoot(rel string) bool {
	for _, d := range w.dirs {
		if within(rel, d) {
			return true
		}
	}
	return false
}

// settle looks at each pending path as it is now and returns the sorted
// paths whose content changed, appeared or disappeared.
//
// A path that looks half-saved — a file that is empty, or a known file or
// directory that is missing — is held (left in w.held) rather than reported,
// until MaxWait has passed since the burst began (final): on a busy machine
// the gap between an editor's truncate and write, or between vim's rename
// away and its new file, can exceed the quiet period, and building then
// would flash an error for a file that is fine a moment later.
func (w *watcher) settle(pending map[string]bool, final bool) []string {
	w.final = final
	clear(w.held)
	var changed []string
	if pending[rescanAll] {
		for _, d := range w.dirs {
			changed = append(changed, w.syncDir(d)...)
		}
	}
	for rel := range pending {
		if rel != rescanAll {
			changed = append(changed, w.syncPath(rel)...)
		}
	}
	slices.Sort(changed)
	return slices.Compact(changed)
}

// syncPath brings known and watched up to date for one path.
func (w *watcher) syncPath(rel string) []string {
	info, err := os.Lstat(w.abs(rel))
	switch {
	case err != nil && !w.final && (w.watched[rel] || w.isKnown(rel)):
		w.held[rel] = true
		return nil
	case err != nil:
		return w.forget(rel)
	case info.IsDir():
		return w.rewatch(rel)
	case info.Mode().IsRegular():
		return w.syncFile(rel)
	}
	return w.syncSpecial(rel, info.Mode())
}

// syncSpecial reports a symlink, FIFO, device or socket when it appears or
// changes kind, without opening it (opening a FIFO blocks): the build
// decides whether to follow it or refuse it, and says so at once.
func (w *watcher) syncSpecial(rel string, m fs.FileMode) []string {
	h := maphash.String(w.seed, "\x00"+m.Type().String())
	if old, ok := w.known[rel]; ok && old == h {
		return nil
	}
	w.known[rel] = h
	return []string{rel}
}

// rewatch walks a directory that had an event of its own: it was created,
// or renamed or moved into place, perhaps over one that was watched. The
// old watches may follow the old directory wherever it went, so every
// watch below rel is dropped and made again on what is there now.
func (w *watcher) rewatch(rel string) []string {
	for d := range w.watched {
		if within(d, rel) {
			delete(w.watched, d)
			_ = w.fsw.Remove(w.abs(d)) // the kernel may have dropped it already
		}
	}
	return w.syncDir(rel)
}

// syncFile hashes one file and reports it when its bytes changed.
func (w *watcher) syncFile(rel string) []string {
	b, err := os.ReadFile(w.abs(rel))
	if err != nil {
		return w.forget(rel)
	}
	if len(b) == 0 && !w.final {
		w.held[rel] = true
		return nil
	}
	h := maphash.Bytes(w.seed, b)
	if old, ok := w.known[rel]; ok && old == h {
		return nil
	}
	w.known[rel] = h
	return []string{rel}
}

// forget handles a path that no longer exists: a file or a whole directory
// that was removed or renamed away. A temporary file that was never known
// yields nothing.
func (w *watcher) forget(rel string) []string {
	var gone []string
	if _, ok := w.known[rel]; ok {
		delete(w.known, rel)
		gone = append(gone, rel)
	}
	for k := range w.known {
		if k != rel && within(k, rel) {
			delete(w.known, k)
			gone = append(gone, k)
		}
	}
	for d := range w.watched {
		if within(d, rel) {
			delete(w.watched, d)
			_ = w.fsw.Remove(w.abs(d)) // the kernel may have dropped it already
		}
	}
	return gone
}

// syncDir walks a directory, watching every subdirectory not yet watched,
// and reports files that are new, changed, or known but now missing.
func (w *watcher) syncDir(rel string) []string {
	var changed []string
	seen := map[string]bool{}
	root := w.abs(rel)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		r, _ := filepath.Rel(w.root, p)
		r = filepath.ToSlash(r)
		switch {
		case err != nil:
			return nil // vanished mid-walk; its own event follows
		case d.IsDir() && r != rel && ignoredPath(r):
			return filepath.SkipDir
		case d.IsDir():
			seen[r] = true
			if !w.watched[r] {
				if err := w.fsw.Add(p); err != nil {
					fmt.Fprintf(w.log, "preview: cannot watch %s: %v%s\n", r, err, watchHint(err))
					return nil
				}
				w.watched[r] = true
			}
		case d.Type().IsRegular() && !ignoredPath(r):
			seen[r] = true
			changed = append(changed, w.syncFile(r)...)
		case !ignoredPath(r):
			seen[r] = true
			changed = append(changed, w.syncSpecial(r, d.Type())...)
		}
		return nil
	})
	for k := range w.known {
		if within(k, rel) && !seen[k] {
			changed = append(changed, w.forget(k)...)
		}
	}
	return changed
}

// isKnown reports whether rel is a known file or has known files below it.
func (w *watcher) isKnown(rel string) bool {
	if _, ok := w.known[rel]; ok {
		return true
	}
	for k := range w.known {
		if within(k, rel) {
			return true
		}
	}
	return false
}

// within reports whether the slash path p is dir or below it.
func within(p, dir string) bool {
	if dir == "." {
		return p != ".." && !strings.HasPrefix(p, "../")
	}
	return p == dir || strings.HasPrefix(p, dir+"/")
}

func watchHint(err error) string {
	if strings.Contains(err.Error(), "no space left") || strings.Contains(err.Error(), "too many") {
		return " (raise fs.inotify.max_user_watches / max_user_instances)"
	}
	return ""
}

// mergeSorted returns the sorted union of two sorted lists.
func mergeSorted(a, b []string) []string {
	if len(a) == 0 {
		return b
	}
	a = append(a, b...)
	slices.Sort(a)
	return slices.Compact(a)
}
