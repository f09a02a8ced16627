package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"edition/generator/internal/diag"
)

// fakeSite stands in for the real site builder: content/NAME.md (front
// matter of "key: value" lines between "---" lines, then a body) becomes
// NAME/index.html, static/* is copied, and index.html lists the pages. It
// records the changed list of every call.
type fakeSite struct {
	root string
	cost time.Duration // busy time per build, like a real build's CPU work

	mu    sync.Mutex
	calls [][]string
}

func (s *fakeSite) Build(ctx context.Context, changed []string) (map[string][]byte, error) {
	s.mu.Lock()
	s.calls = append(s.calls, slices.Clone(changed))
	s.mu.Unlock()
	for end := time.Now().Add(s.cost); time.Now().Before(end); {
	}
	out := map[string][]byte{}
	var errs diag.List
	pages, _ := filepath.Glob(filepath.Join(s.root, "content", "*.md"))
	var index strings.Builder
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".md")
		rel := "content/" + filepath.Base(p)
		b, err := os.ReadFile(p)
		if err != nil {
			continue // removed while building; the next build sees it
		}
		title, body, err := parsePage(rel, string(b))
		if err != nil {
			errs = append(errs, err.(*diag.Error))
			continue
		}
		out[name+"/index.html"] = []byte(pageHTML(title, body))
		index.WriteString(`<li><a href="/` + name + `/">` + title + `</a>`)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out["index.html"] = []byte(pageHTML("Index", "<ul>"+index.String()+"</ul>"))
	statics, _ := filepath.Glob(filepath.Join(s.root, "static", "*"))
	for _, p := range statics {
		if b, err := os.ReadFile(p); err == nil {
			out[filepath.Base(p)] = b
		}
	}
	return out, nil
}

func (s *fakeSite) history() [][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

func parsePage(rel, src string) (title, body string, err error) {
	lines := strings.Split(src, "\n")
	if len(lines) < 2 || lines[0] != "---" {
		return "", "", diag.Errorf(rel, 1, "missing front matter")
	}
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if l == "---" {
			return title, strings.Join(lines[i+1:], "\n"), nil
		}
		k, v, ok := strings.Cut(l, ": ")
		if !ok {
			return "", "", diag.Errorf(rel, i+1, "front matter: want \"key: value\", got %q", l)
		}
		if k == "title" {
			title = v
		}
	}
	return "", "", diag.Errorf(rel, len(lines), "front matter is not closed")
}

func pageHTML(title, body string) string {
	return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<link rel="stylesheet" href="/style.css"><title>` + title + `</title></head>` +
		`<body><h1>` + title + `</h1><main id="text">` + body + `</main></body></html>`
}

// project writes files (path → content) under a new temporary root.
func project(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		write(t, root, p, c)
	}
	return root
}

func write(t testing.TB, root, rel, content string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func page(title, body string) string { return "---\ntitle: " + title + "\n---\n" + body + "\n" }

var baseFiles = map[string]string{
	"content/a.md":     page("甲", "政府工作報告"),
	"content/b.md":     page("乙", "第二頁"),
	"static/style.css": "body{color:#111}",
}

// startServer runs a preview of root on an ephemeral loopback port and stops
// it when the test ends. It returns the base URL without trailing slash.
func startServer(t testing.TB, root string, site *fakeSite, cfg Config) (*Preview, string, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	cfg.Addr = "127.0.0.1:0"
	cfg.Root = root
	cfg.Watch = []string{"content", "templates", "static", "seeds"}
	cfg.Build = site.Build
	cfg.Log = log
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	url, err := p.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return p, strings.TrimSuffix(url, "/"), log
}

// syncBuffer is a log writer the test can read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// sse is one received server-sent event.
type sse struct{ name, data string }

// stream is an open /__preview/events connection.
type stream struct {
	events chan sse
	body   io.Closer
}

// openStream connects to the event stream and waits for its hello, so the
// subscription exists before the test edits anything.
func openStream(t testing.TB, base string) *stream {
	t.Helper()
	resp, err := http.Get(base + "/__preview/events")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("events: %s", resp.Status)
	}
	s := &stream{events: make(chan sse, 100), body: resp.Body}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					s.events <- e
				}
				e = sse{}
			case strings.HasPrefix(line, "event: "):
				e.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				e.data = line[len("data: "):]
			}
		}
	}()
	s.next(t, "hello")
	return s
}

// next returns the next event, failing unless it is called name. The
// timeout only stops a hung test; it is not a speed assertion.
func (s *stream) next(t testing.TB, name string) sse {
	t.Helper()
	select {
	case e, ok := <-s.events:
		if !ok {
			t.Fatalf("event stream closed, want %q", name)
		}
		if e.name != name {
			t.Fatalf("event %q %.300s…, want %q", e.name, e.data, name)
		}
		return e
	case <-time.After(20 * time.Second):
		t.Fatalf("no %q event", name)
	}
	return sse{}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}
