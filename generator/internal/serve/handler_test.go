package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"hash/maphash"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// rawGet sends a request line exactly as written (no client-side cleaning
// or re-encoding) and returns the status code.
func rawGet(t *testing.T, hostport, target, host string) int {
	t.Helper()
	c, err := net.Dial("tcp", hostport)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestTraversalAndSourcesAre404(t *testing.T) {
	root := project(t, baseFiles)
	write(t, root, "secret.txt", "do not serve")
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	hostport := strings.TrimPrefix(base, "http://")
	targets := []string{
		"/../secret.txt",
		"/a/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/.%2e/secret.txt",
		"/%2e%2e%2fsecret.txt",
		"/..%2fsecret.txt",
		"/..%5csecret.txt",
		"/..\\secret.txt",
		"/%252e%252e/secret.txt",
		"/%c0%ae%c0%ae/secret.txt",
		"/a/%00",
		"/./a/index.html",
		"/a/./index.html",
		"//a/index.html",
		"/a//index.html",
		"/__preview/../a/",
		"/__preview/",
		"/__preview/nothing",
		"/content/a.md",
		"/secret.txt",
		"/static/style.css",
		"/static/",
		"/content/",
		"/missing/",
	}
	for _, target := range targets {
		if code := rawGet(t, hostport, target, hostport); code != 404 {
			t.Errorf("GET %s = %d, want 404", target, code)
		}
	}
	// The same tree answers proper requests.
	for target, want := range map[string]int{"/": 200, "/a/": 200, "/a/index.html": 200, "/style.css": 200, "/a": 302, "/__preview/client.js": 200} {
		if code := rawGet(t, hostport, target, hostport); code != want {
			t.Errorf("GET %s = %d, want %d", target, code, want)
		}
	}
}

func TestForeignHostIsRefused(t *testing.T) {
	root := project(t, baseFiles)
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	hostport := strings.TrimPrefix(base, "http://")
	_, port, _ := net.SplitHostPort(hostport)
	for host, want := range map[string]int{
		"evil.example:" + port:      403, // DNS rebinding
		"127.0.0.1:" + port:         200,
		"localhost:" + port:         200,
		"edition.localhost:" + port: 200,
		"[::1]:" + port:             200,
	} {
		if code := rawGet(t, hostport, "/", host); code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
	}
	req, _ := http.NewRequest("GET", base+"/__preview/events", nil)
	req.Header.Set("Origin", "http://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("cross-origin event stream = %d, want 403", resp.StatusCode)
	}
}

func TestBusyPortStaysOnSameHost(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()

	var log strings.Builder
	ln, err := listen(addr, false, &log)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr)
	if !got.IP.Equal(net.IPv4(127, 0, 0, 1)) || got.String() == addr {
		t.Errorf("fallback listener %s, want another port on 127.0.0.1", got)
	}
	if !strings.Contains(log.String(), "is busy; using") {
		t.Errorf("log = %q", log.String())
	}
	if ln, err := listen(addr, true, io.Discard); err == nil {
		ln.Close()
		t.Errorf("ExactAddr on a busy port: no error")
	}
}

func TestAddressWithoutHostIsLoopback(t *testing.T) {
	ln, err := listen(":0", false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		t.Errorf(":0 listens on %s, want loopback", ip)
	}
}

func TestCleanPath(t *testing.T) {
	tests := []struct {
		name, target, want string
		ok                 bool
	}{
		{"root", "/", "", true},
		{"page", "/a/", "a/", true},
		{"file", "/a/index.html", "a/index.html", true},
		{"cjk", "/%E5%A0%B1%E5%91%8A/", "報告/", true},
		{"dotdot", "/a/../b", "", false},
		{"encoded dotdot", "/%2e%2e/b", "", false},
		{"dot", "/./a", "", false},
		{"encoded slash", "/a%2Fb", "", false},
		{"encoded backslash", "/a%5Cb", "", false},
		{"backslash", "/a\\b", "", false},
		{"nul", "/a%00", "", false},
		{"empty segment", "/a//b", "", false},
		{"dotfile is fine", "/.well-known/x", ".well-known/x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "http://x"+tt.target, nil)
			got, ok := cleanPath(r)
			if got != tt.want || ok != tt.ok {
				t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", tt.target, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestInject(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"before body end", "<p>x</body></html>", "<p>x<S></body></html>"},
		{"last of several", "<!-- </body> --><p>x</BODY>", "<!-- </body> --><p>x<S></BODY>"},
		{"no body end", "<p>x", "<p>x<S>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(inject([]byte(tt.page), []byte("<S>"))); got != tt.want {
				t.Errorf("inject = %q, want %q", got, tt.want)
			}
		})
	}
}

// The output tree is served byte for byte, except the script added to HTML;
// non-HTML files are untouched.
func TestServedBytes(t *testing.T) {
	p, err := New(Config{Root: t.TempDir(), Build: func(context.Context, []string) (map[string][]byte, error) { return nil, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	out := map[string][]byte{
		"index.html": []byte("<html><body>甲</body></html>"),
		"app.js":     []byte("var x = '</body>';"),
		"404.html":   []byte("<body>找不到</body>"),
	}
	tr, err := snapshot(nil, out, "b.1", p.seed)
	if err != nil {
		t.Fatal(err)
	}
	p.tree.Store(tr)
	tests := []struct {
		target, want string
		code         int
	}{
		{"/", `<html><body>甲<script src="/__preview/client.js" data-build="b.1" data-files="index.html"></script></body></html>`, 200},
		{"/app.js", "var x = '</body>';", 200},
		{"/nope/", `<body>找不到<script src="/__preview/client.js" data-build="b.1" data-files="nope/index.html` + "\n" + `404.html"></script></body>`, 404},
	}
	req := func(method, target string) *http.Request {
		r := httptest.NewRequest(method, target, nil)
		r.Host = "127.0.0.1:1313" // httptest's example.com is no name of the preview
		return r
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, req("GET", tt.target))
		if rec.Code != tt.code || rec.Body.String() != tt.want {
			t.Errorf("GET %s = %d %q, want %d %q", tt.target, rec.Code, rec.Body, tt.code, tt.want)
		}
		if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s Cache-Control = %q", tt.target, cc)
		}
		head := httptest.NewRecorder()
		p.ServeHTTP(head, req("HEAD", tt.target))
		if head.Code != tt.code || head.Body.Len() != 0 || head.Header().Get("Content-Length") != fmt.Sprint(len(tt.want)) {
			t.Errorf("HEAD %s = %d, %d bytes, Content-Length %s", tt.target, head.Code, head.Body.Len(), head.Header().Get("Content-Length"))
		}
	}
	if got := string(out["index.html"]); got != "<html><body>甲</body></html>" {
		t.Errorf("serving changed the build output: %q", got)
	}
	post := httptest.NewRecorder()
	p.ServeHTTP(post, req("POST", "/"))
	if post.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", post.Code)
	}
}

// FuzzCleanPath: whatever the request path, an accepted one has no segment
// that could leave the tree.
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"/", "/a/", "/../x", "/%2e%2e/x", "/a%2fb", "/報告/", "/a//b", "/.%2e/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		r, err := http.NewRequest("GET", "http://x"+target, nil)
		if err != nil || r.URL.Opaque != "" {
			return
		}
		p, ok := cleanPath(r)
		if !ok {
			return
		}
		if strings.ContainsAny(p, "\\\x00") || strings.HasPrefix(p, "/") {
			t.Fatalf("cleanPath(%q) = %q", target, p)
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("cleanPath(%q) = %q", target, p)
			}
		}
	})
}

// A rebuild's output is hashed again only where its bytes are new: a file
// returned as the same slice keeps its entry, equal bytes in a new slice
// are hashed and found unchanged, and changed bytes are a change.
func TestSnapshotReusesSameBytes(t *testing.T) {
	seed := maphash.MakeSeed()
	kept, copied, edited := []byte("<p>甲</p>"), []byte("<p>乙</p>"), []byte("<p>丙</p>")
	old, err := snapshot(nil, map[string][]byte{"a/index.html": kept, "b/index.html": copied, "c/index.html": edited}, "b.1", seed)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := snapshot(old, map[string][]byte{
		"a/index.html": kept,
		"b/index.html": bytes.Clone(copied),
		"c/index.html": []byte("<p>丁</p>"),
		"d/index.html": []byte("<p>新</p>"),
	}, "b.2", seed)
	if err != nil {
		t.Fatal(err)
	}
	if cur.files["a/index.html"] != old.files["a/index.html"] {
		t.Error("a file returned as the same slice was hashed again")
	}
	if cur.files["b/index.html"] == old.files["b/index.html"] {
		t.Error("a file in a new slice kept the old entry")
	}
	if got, want := diff(old, cur), []string{"c/index.html", "d/index.html"}; !slices.Equal(got, want) {
		t.Errorf("diff = %q, want %q", got, want)
	}
	if _, err := snapshot(old, map[string][]byte{"../x": kept}, "b.3", seed); err == nil {
		t.Error("an output path outside the tree was taken")
	}
}
