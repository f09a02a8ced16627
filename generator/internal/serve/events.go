package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// An event is one server-sent event, already encoded.
type event struct {
	name string
	data []byte // JSON, one line
}

func newEvent(name string, v any) event {
	b, err := json.Marshal(v)
	if err != nil { // only plain structs of strings are marshalled
		b = []byte("{}")
	}
	return event{name: name, data: b}
}

// Payloads of the events sent to tabs.
type (
	helloMsg struct {
		Build string `json:"build"`
	}
	changeMsg struct {
		Build string   `json:"build"`
		Files []string `json:"files"` // output paths that changed
	}
	errorMsg struct {
		Build string `json:"build"`
		HTML  string `json:"html"` // overlay fragment
	}
)

// hub fans events out to connected tabs. A tab that cannot keep up is
// dropped; its EventSource reconnects and catches up from the hello event.
type hub struct {
	mu      sync.Mutex
	subs    map[chan event]struct{}
	closed  bool
	history []changeMsg // the last maxHistory builds, oldest first
}

// maxHistory is how many builds a reconnecting tab can catch up on.
const maxHistory = 64

func newHub() *hub { return &hub{subs: map[chan event]struct{}{}} }

// maxStreams bounds the open event streams: each holds a connection and a
// goroutine, and a few tabs need a few. Past it a stream is refused with
// 503 (EventSource retries later) instead of using up file descriptors.
const maxStreams = 256

func (h *hub) subscribe() (chan event, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, errShuttingDown
	}
	if len(h.subs) >= maxStreams {
		return nil, errTooManyStreams
	}
	c := make(chan event, 16)
	h.subs[c] = struct{}{}
	return c, nil
}

var (
	errShuttingDown   = errors.New("shutting down")
	errTooManyStreams = fmt.Errorf("too many event streams (%d); close some tabs", maxStreams)
)

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[c]; ok {
		delete(h.subs, c)
		close(c)
	}
}

func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- e:
		default:
			delete(h.subs, c)
			close(c)
		}
	}
}

// publishChange records a build's changes and sends them.
func (h *hub) publishChange(m changeMsg) {
	h.mu.Lock()
	if len(h.history) == maxHistory {
		h.history = slices.Delete(h.history, 0, 1)
	}
	h.history = append(h.history, m)
	h.mu.Unlock()
	h.publish(newEvent("change", m))
}

// since returns the output files changed by the builds after build, and
// false when build is not in the history (a restarted server, or too old).
func (h *hub) since(build string) ([]string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, m := range h.history {
		if m.Build == build {
			var files []string
			for _, later := range h.history[i+1:] {
				files = mergeSorted(files, later.Files)
			}
			return files, true
		}
	}
	return nil, false
}

// close ends every stream, so the HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		delete(h.subs, c)
		close(c)
	}
}

// keepAlive is how often an idle stream gets a comment line, so a tab that
// went away is noticed and proxies do not time the stream out.
const keepAlive = 20 * time.Second

// serveEvents streams events to one tab. The first event is "hello" with
// the current build. A tab that says which build it has (?since=) and is
// behind gets "hello" with its own build and one "change" with everything
// changed since, so it reloads only if its page changed meanwhile. Then
// "fail" if the last build failed; after that, whatever the hub publishes.
func (p *Preview) serveEvents(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		http.Error(w, "cross-origin event stream refused", http.StatusForbidden)
		return
	}
	rc := http.NewResponseController(w)
	c, err := p.hub.subscribe()
	if err != nil {
		w.Header().Set("Retry-After", "5")
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer p.hub.unsubscribe(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 300\n\n")
	t := p.tree.Load()
	since := r.URL.Query().Get("since")
	missed, known := p.hub.since(since)
	if since == t.build || !known {
		writeEvent(w, newEvent("hello", helloMsg{Build: t.build}))
	} else {
		writeEvent(w, newEvent("hello", helloMsg{Build: since}))
		writeEvent(w, newEvent("change", changeMsg{Build: t.build, Files: missed}))
	}
	if f := p.failure.Load(); f != nil {
		writeEvent(w, newEvent("fail", errorMsg{Build: t.build, HTML: f.html}))
	}
	rc.Flush()

	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, e)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}

func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host == host && (u.Scheme == "http" || u.Scheme == "https")
}
