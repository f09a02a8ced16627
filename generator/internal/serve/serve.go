package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config is everything the preview server needs from its caller.
type Config struct {
	// Addr is host:port to listen on; "127.0.0.1:1313" when empty. A missing
	// host means 127.0.0.1, never all interfaces. Port 0 picks a free port.
	Addr string
	// ExactAddr makes a busy port an error instead of moving to the next
	// free port on the same host (for an address the user typed).
	ExactAddr bool
	// Root is the project root. Watch directories and the paths in build
	// errors are relative to it.
	Root string
	// Watch lists the source directories to watch, relative to Root,
	// e.g. content, templates, static, seeds. Never the output directory.
	Watch []string
	// Build builds the whole site in memory and returns its output tree: a
	// file's path (as fs.ValidPath has it) is its URL path, "index.html" for
	// a directory. changed lists the source paths (relative to Root,
	// slash-separated, sorted) whose bytes changed since the last
	// successful build; nil asks for a full build. Input errors should be a
	// *diag.Error or a diag.List, so the overlay can show path:line and the
	// source. The preview keeps the map and its bytes: Build must not
	// change them afterwards. It may return the same bytes (the same slice)
	// for a file that did not change, which are then not hashed again.
	Build func(ctx context.Context, changed []string) (map[string][]byte, error)
	// Log receives the URL, one line per rebuild and build errors;
	// os.Stderr when nil.
	Log io.Writer
	// Quiet is how long the sources must be still before a rebuild starts
	// (30ms when zero); MaxWait bounds the wait during a continuous stream of
	// events (300ms when zero).
	Quiet, MaxWait time.Duration
	// Poll, when set, also rescans the watch directories at this interval,
	// for file systems that deliver no change events (WSL2 /mnt drives,
	// Docker bind mounts from macOS or Windows, network shares).
	Poll time.Duration
}

// Preview is a running preview server. It is also the http.Handler that
// serves the current build.
type Preview struct {
	cfg     Config
	id      string // distinguishes this process's builds from a restarted server's
	seed    maphash.Seed
	hub     *hub
	overlay *overlay
	root    *os.Root
	hosts   hosts // what the Host header may name; set by Start

	tree    atomic.Pointer[tree]    // last good build; never nil after New
	failure atomic.Pointer[failure] // last build's error, nil when it succeeded

	// Owned by the build goroutine.
	builds  int
	full    bool     // next Build gets changed=nil
	pending []string // changes since the last good build

	cancel context.CancelFunc
	done   chan struct{}
	wg     sync.WaitGroup
	errMu  sync.Mutex
	err    error
}

// New checks cfg and prepares a server; Start runs it.
func New(cfg Config) (*Preview, error) {
	if cfg.Build == nil {
		return nil, errors.New("preview: Config.Build is nil")
	}
	if cfg.Root == "" {
		cfg.Root = "."
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:1313"
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	if cfg.Quiet <= 0 {
		cfg.Quiet = 30 * time.Millisecond
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 300 * time.Millisecond
	}
	root, err := os.OpenRoot(cfg.Root)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	var id [4]byte
	rand.Read(id[:])
	p := &Preview{
		cfg:     cfg,
		id:      hex.EncodeToString(id[:]),
		seed:    maphash.MakeSeed(),
		hub:     newHub(),
		overlay: newOverlay(root),
		root:    root,
		full:    true,
		done:    make(chan struct{}),
	}
	p.tree.Store(&tree{build: p.id + ".0", files: map[string]*file{}})
	return p, nil
}

// Start listens, runs the first build, starts watching and serving, and
// returns the URL to open. A failed first build is not an error: the server
// runs and shows the error until the sources are fixed. The server stops
// when ctx is cancelled or Close is called.
func (p *Preview) Start(ctx context.Context) (string, error) {
	ln, err := listen(p.cfg.Addr, p.cfg.ExactAddr, p.cfg.Log)
	if err != nil {
		p.root.Close()
		return "", fmt.Errorf("preview: %w", err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	p.hosts = allowedHosts(addr)
	w, err := newWatcher(p.cfg)
	if err != nil {
		ln.Close()
		p.root.Close()
		return "", fmt.Errorf("preview: %w", err)
	}
	ctx, p.cancel = context.WithCancel(ctx)
	p.rebuild(ctx, nil)

	// No WriteTimeout: event streams stay open. Slow or idle clients are
	// dropped, and maxStreams bounds the streams.
	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	p.wg.Go(func() { w.run(ctx) })
	p.wg.Go(func() { p.buildLoop(ctx, w.out) })
	p.wg.Go(func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			p.setErr(err)
			p.cancel()
		}
	})
	go p.stopOn(ctx, srv, w)

	url := browseURL(addr)
	fmt.Fprintf(p.cfg.Log, "preview: serving %s (watching %s; Ctrl-C to stop)\n", url, strings.Join(w.dirs, ", "))
	warnExposed(p.cfg.Log, addr)
	return url, nil
}

// stopOn shuts everything down once ctx is done: the watcher, then the
// event streams (so connections go idle), then the HTTP server.
func (p *Preview) stopOn(ctx context.Context, srv *http.Server, w *watcher) {
	<-ctx.Done()
	w.close()
	p.hub.close()
	// Stop within a second of Ctrl-C, whatever the clients do.
	sctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	p.wg.Wait()
	p.root.Close()
	close(p.done)
}

// Wait blocks until the server has stopped and returns what stopped it
// unexpectedly (nil after a cancel or Close).
func (p *Preview) Wait() error {
	<-p.done
	p.errMu.Lock()
	defer p.errMu.Unlock()
	return p.err
}

// Close stops a started server and waits for it.
func (p *Preview) Close() error {
	if p.cancel == nil {
		return p.root.Close()
	}
	p.cancel()
	return p.Wait()
}

func (p *Preview) setErr(err error) {
	p.errMu.Lock()
	defer p.errMu.Unlock()
	if p.err == nil {
		p.err = err
	}
}

func (p *Preview) buildLoop(ctx context.Context, batches <-chan []string) {
	for {
		select {
		case <-ctx.Done():
			return
		case changed := <-batches:
			p.rebuild(ctx, changed)
		}
	}
}

// rebuild runs one build and publishes its outcome: on success the new tree
// is swapped in first and then tabs are told what changed; on failure the
// old tree stays and tabs get the overlay.
func (p *Preview) rebuild(ctx context.Context, changed []string) {
	p.pending = mergeSorted(p.pending, changed)
	arg := p.pending
	if p.full {
		arg = nil
	}
	p.builds++
	start := time.Now()
	t, err := p.runBuild(ctx, arg, fmt.Sprintf("%s.%d", p.id, p.builds))
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		f := p.overlay.render(err)
		p.failure.Store(f)
		fmt.Fprint(p.cfg.Log, f.text)
		p.hub.publish(newEvent("fail", errorMsg{Build: p.tree.Load().build, HTML: f.html}))
		return
	}
	p.full, p.pending = false, nil
	old := p.tree.Swap(t)
	files := diff(old, t)
	if p.failure.Swap(nil) != nil {
		p.hub.publish(newEvent("ok", struct{}{}))
	}
	p.hub.publishChange(changeMsg{Build: t.build, Files: files})
	p.logBuild(changed, files, time.Since(start))
}

// runBuild calls Config.Build and reads its output, turning a panic in the
// builder into an error so the server survives it.
func (p *Preview) runBuild(ctx context.Context, changed []string, build string) (t *tree, err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(p.cfg.Log, "preview: build panicked: %v\n%s", r, debug.Stack())
			err = fmt.Errorf("build panicked: %v", r)
		}
	}()
	out, err := p.buildOrAbandon(ctx, changed)
	if err != nil {
		return nil, err
	}
	if out == nil {
		return nil, errors.New("build returned no output")
	}
	return snapshot(p.tree.Load(), out, build, p.seed)
}

// buildOrAbandon runs Config.Build but returns as soon as ctx is done: a
// build that hangs (a slow disk, a huge file) must not keep the server
// from stopping on Ctrl-C. The abandoned build finishes, or not, on its own.
func (p *Preview) buildOrAbandon(ctx context.Context, changed []string) (map[string][]byte, error) {
	type result struct {
		out map[string][]byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Fprintf(p.cfg.Log, "preview: build panicked: %v\n%s", r, debug.Stack())
				done <- result{err: fmt.Errorf("build panicked: %v", r)}
			}
		}()
		out, err := p.cfg.Build(ctx, changed)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (p *Preview) logBuild(changed, files []string, took time.Duration) {
	what := "full build"
	if changed != nil {
		what = strings.Join(changed, ", ")
		if len(changed) > 3 {
			what = fmt.Sprintf("%s, … (%d files)", strings.Join(changed[:3], ", "), len(changed))
		}
	}
	fmt.Fprintf(p.cfg.Log, "preview: built in %v (%s): %s changed\n", took.Round(100*time.Microsecond), what, plural(len(files), "output file"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
