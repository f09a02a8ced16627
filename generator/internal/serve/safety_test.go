package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplacedDirIsWatchedAgain: content/ replaced by another directory (a
// backup restored, a branch switched) or moved away and back is watched
// again, and the next edit rebuilds.
func TestReplacedDirIsWatchedAgain(t *testing.T) {
	cases := []struct {
		name    string
		replace func(t *testing.T, root string, s *stream)
	}{
		{"replaced by a copy", func(t *testing.T, root string, s *stream) {
			c := filepath.Join(root, "content")
			must(t, os.Mkdir(c+".new", 0o755))
			for _, n := range []string{"a.md", "b.md"} {
				b, err := os.ReadFile(filepath.Join(c, n))
				must(t, err)
				must(t, os.WriteFile(filepath.Join(c+".new", n), b, 0o644))
			}
			must(t, os.Rename(c, c+".old"))
			must(t, os.Rename(c+".new", c))
		}},
		{"removed and made again", func(t *testing.T, root string, s *stream) {
			c := filepath.Join(root, "content")
			b, err := os.ReadFile(filepath.Join(c, "b.md"))
			must(t, err)
			must(t, os.RemoveAll(c))
			s.next(t, "change") // the pages are gone
			write(t, root, "content/b.md", string(b))
		}},
		{"moved away and back", func(t *testing.T, root string, s *stream) {
			c := filepath.Join(root, "content")
			must(t, os.Rename(c, c+".away"))
			must(t, os.Rename(c+".away", c))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Every watched directory exists, as in a real project, so
			// nothing else has the root watched.
			root := project(t, baseFiles)
			write(t, root, "templates/page.html", "{{.}}")
			write(t, root, "seeds/report.txt", "報告")
			site := &fakeSite{root: root}
			_, base, _ := startServer(t, root, site, Config{})
			s := openStream(t, base)
			c.replace(t, root, s)
			write(t, root, "content/a.md", page("甲", "換過目錄之後"))
			for {
				e := s.next(t, "change")
				if strings.Contains(e.data, "a/index.html") {
					break
				}
			}
			if _, body := get(t, base+"/a/"); !strings.Contains(body, "換過目錄之後") {
				t.Errorf("the edit after the replacement is not served: %q", body)
			}
			if strings.Contains(strings.Join(site.history()[len(site.history())-1], ","), ".old") {
				t.Errorf("the old directory is still watched as content/")
			}
		})
	}
}

// TestHungBuildDoesNotBlockStop: a build that never returns is abandoned
// when the server is stopped; Wait returns.
func TestHungBuildDoesNotBlockStop(t *testing.T) {
	root := project(t, baseFiles)
	hang := make(chan struct{})
	defer close(hang)
	started := make(chan struct{}, 1)
	builds := 0
	build := func(ctx context.Context, changed []string) (map[string][]byte, error) {
		builds++
		if builds > 1 {
			started <- struct{}{}
			<-hang // a FIFO read, a dead network mount
		}
		return (&fakeSite{root: root}).Build(ctx, changed)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p, err := New(Config{Addr: "127.0.0.1:0", Root: root, Watch: []string{"content"}, Build: build, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/a.md", page("甲", "卡住"))
	<-started
	cancel()
	if err := p.Wait(); err != nil {
		t.Errorf("Wait = %v", err)
	}
}

// TestStreamCap: past maxStreams an event stream is refused with 503 and
// Retry-After, and pages are still served.
func TestStreamCap(t *testing.T) {
	root := project(t, baseFiles)
	p, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	for range maxStreams {
		if _, err := p.hub.subscribe(); err != nil {
			t.Fatalf("subscribe: %v", err)
		}
	}
	resp, err := http.Get(base + "/__preview/events")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "too many event streams") {
		t.Errorf("stream %d: %s %q, want 503 with Retry-After", maxStreams+1, resp.Status, b)
	}
	if code, _ := get(t, base+"/a/"); code != 200 {
		t.Errorf("GET /a/ = %d with the streams full", code)
	}
}

// TestHostsOnAnyBind: bound to a LAN address, the preview answers to that
// address and the loopback names, never to another name (DNS rebinding).
func TestHostsOnAnyBind(t *testing.T) {
	lan := allowedHosts(&net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 1313})
	v6 := allowedHosts(&net.TCPAddr{IP: net.ParseIP("fd00::5"), Port: 1313})
	cases := []struct {
		name  string
		h     hosts
		host  string
		allow bool
	}{
		{"its address", lan, "192.168.1.5:1313", true},
		{"localhost", lan, "localhost:1313", true},
		{"loopback IP", lan, "127.0.0.1:1313", true},
		{"a rebinding name", lan, "evil.example:1313", false},
		{"another LAN address", lan, "192.168.1.6:1313", false},
		{"IPv6 address", v6, "[FD00::5]:1313", true},
		{"IPv6 elsewhere", v6, "[fd00::6]:1313", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.h.allow(c.host); got != c.allow {
				t.Errorf("allow(%q) = %v, want %v", c.host, got, c.allow)
			}
		})
	}
	any := allowedHosts(&net.TCPAddr{IP: net.IPv4zero, Port: 1313})
	if any.allow("evil.example:1313") {
		t.Errorf("0.0.0.0 answers to any name")
	}
	if !any.allow("127.0.0.1:1313") {
		t.Errorf("0.0.0.0 refuses loopback")
	}
}
