package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func changeFiles(t *testing.T, e sse) changeMsg {
	t.Helper()
	var m changeMsg
	if err := json.Unmarshal([]byte(e.data), &m); err != nil {
		t.Fatalf("change event %s: %v", e.data, err)
	}
	return m
}

func TestEditReloads(t *testing.T) {
	root := project(t, baseFiles)
	site := &fakeSite{root: root}
	_, base, log := startServer(t, root, site, Config{})
	if code, body := get(t, base+"/a/"); code != 200 || !strings.Contains(body, "政府工作報告") {
		t.Fatalf("GET /a/ = %d %q", code, body)
	}
	s := openStream(t, base)

	write(t, root, "content/a.md", page("甲", "二〇二四年修訂"))
	m := changeFiles(t, s.next(t, "change"))
	if !slices.Equal(m.Files, []string{"a/index.html"}) {
		t.Errorf("changed files = %q, want [a/index.html]", m.Files)
	}
	code, body := get(t, base+"/a/")
	if code != 200 || !strings.Contains(body, "二〇二四年修訂") {
		t.Fatalf("after edit GET /a/ = %d %q", code, body)
	}
	script := `<script src="/__preview/client.js" data-build="` + m.Build + `" data-files="a/index.html"></script></body>`
	if !strings.Contains(body, script) {
		t.Errorf("page lacks client script before </body>:\n%s", body)
	}
	if h := site.history(); len(h) != 2 || h[0] != nil || !slices.Equal(h[1], []string{"content/a.md"}) {
		t.Errorf("Build calls = %q, want [nil [content/a.md]]", h)
	}
	if !strings.Contains(log.String(), "preview: serving http://127.0.0.1:") {
		t.Errorf("log does not print the URL:\n%s", log)
	}
}

func TestCSSChangeListsOnlyStylesheet(t *testing.T) {
	root := project(t, baseFiles)
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	s := openStream(t, base)
	write(t, root, "static/style.css", "body{color:#c00}")
	if m := changeFiles(t, s.next(t, "change")); !slices.Equal(m.Files, []string{"style.css"}) {
		t.Errorf("changed files = %q, want [style.css]", m.Files)
	}
}

func TestBrokenFrontMatterKeepsServing(t *testing.T) {
	root := project(t, baseFiles)
	_, base, log := startServer(t, root, &fakeSite{root: root}, Config{})
	s := openStream(t, base)

	write(t, root, "content/a.md", "---\ntitle: 甲\nthis line is broken\n---\n新文字\n")
	e := s.next(t, "fail")
	var m errorMsg
	if err := json.Unmarshal([]byte(e.data), &m); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`role="alertdialog"`, "content/a.md:3", "want &#34;key: value&#34;", `<span class="pv-line pv-hl">`, "this line is broken"} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("overlay lacks %q:\n%s", want, m.HTML)
		}
	}
	if !strings.Contains(log.String(), "content/a.md:3: front matter") || !strings.Contains(log.String(), ">    3 | this line is broken") {
		t.Errorf("terminal lacks path:line and source:\n%s", log)
	}
	for _, u := range []string{"/a/", "/b/"} {
		code, body := get(t, base+u)
		if code != 200 || !strings.Contains(body, `id="__preview-overlay"`) {
			t.Errorf("GET %s while broken = %d, want the last good page with the overlay", u, code)
		}
	}
	if _, body := get(t, base+"/a/"); !strings.Contains(body, "政府工作報告") {
		t.Errorf("GET /a/ while broken does not serve the last good text")
	}

	write(t, root, "content/a.md", page("甲", "修好了"))
	s.next(t, "ok")
	changeFiles(t, s.next(t, "change"))
	if _, body := get(t, base+"/a/"); !strings.Contains(body, "修好了") || strings.Contains(body, "__preview-overlay") {
		t.Errorf("after fix GET /a/ = %q", body)
	}
}

func TestBrokenFirstBuildRecovers(t *testing.T) {
	root := project(t, map[string]string{"content/a.md": "no front matter\n"})
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	code, body := get(t, base+"/a/")
	if code != 404 || !strings.Contains(body, "content/a.md:1") || !strings.Contains(body, "client.js") {
		t.Fatalf("GET /a/ with no good build = %d %q; want 404 with the overlay and the client", code, body)
	}
	s := openStream(t, base)
	s.next(t, "fail")
	write(t, root, "content/a.md", page("甲", "好了"))
	s.next(t, "ok")
	if m := changeFiles(t, s.next(t, "change")); !slices.Contains(m.Files, "a/index.html") {
		t.Errorf("first good build lists %q", m.Files)
	}
}

// settle makes one more edit and waits for its build, so every build caused
// by earlier saves has been recorded. It returns the builds after skip.
func settle(t *testing.T, root string, site *fakeSite, s *stream, skip int) [][]string {
	t.Helper()
	write(t, root, "content/zz-sentinel.md", page("哨", fmt.Sprint(len(site.history()))))
	for {
		m := changeFiles(t, s.next(t, "change"))
		if slices.Contains(m.Files, "zz-sentinel/index.html") {
			break
		}
	}
	h := site.history()[skip:]
	if last := h[len(h)-1]; !slices.Equal(last, []string{"content/zz-sentinel.md"}) {
		t.Fatalf("sentinel build changed = %q", last)
	}
	return h[:len(h)-1]
}

func TestBurstIsOneRebuild(t *testing.T) {
	root := project(t, baseFiles)
	site := &fakeSite{root: root}
	// A quiet period and a bound long enough that a loaded machine, which
	// can stall this test's writes for tens of milliseconds, does not
	// split the burst (it did once in CI: a build between the saves).
	_, base, _ := startServer(t, root, site, Config{Quiet: 250 * time.Millisecond, MaxWait: 5 * time.Second})
	s := openStream(t, base)
	var want []string
	for i := range 50 {
		rel := fmt.Sprintf("content/p%02d.md", i)
		write(t, root, rel, page(fmt.Sprint(i), "正文"))
		want = append(want, rel)
	}
	s.next(t, "change")
	builds := settle(t, root, site, s, 1)
	if len(builds) != 1 || !slices.Equal(builds[0], want) {
		t.Errorf("50 saves gave %d builds %q, want 1 with all 50 files", len(builds), builds)
	}
}

func TestEditorSavesAreOneRebuild(t *testing.T) {
	tests := []struct {
		name string
		save func(t testing.TB, dir, name, content string)
	}{
		{"in place", func(t testing.TB, dir, name, content string) {
			must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
		}},
		{"vim", vimSave},
		{"rename over", func(t testing.TB, dir, name, content string) {
			tmp := filepath.Join(dir, name+".8271635") // a temp name no filter knows
			must(t, os.WriteFile(tmp, []byte(content), 0o644))
			must(t, os.Rename(tmp, filepath.Join(dir, name)))
		}},
		{"jetbrains", func(t testing.TB, dir, name, content string) {
			tmp := filepath.Join(dir, name+"___jb_tmp___")
			old := filepath.Join(dir, name+"___jb_old___")
			must(t, os.WriteFile(tmp, []byte(content), 0o644))
			must(t, os.Rename(filepath.Join(dir, name), old))
			must(t, os.Rename(tmp, filepath.Join(dir, name)))
			must(t, os.Remove(old))
		}},
		{"emacs", func(t testing.TB, dir, name, content string) {
			lock := filepath.Join(dir, ".#"+name)
			must(t, os.Symlink("user@host.1234", lock))
			must(t, os.WriteFile(filepath.Join(dir, "#"+name+"#"), []byte(content), 0o644))
			must(t, os.Rename(filepath.Join(dir, name), filepath.Join(dir, name+"~")))
			must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
			must(t, os.Remove(filepath.Join(dir, "#"+name+"#")))
			must(t, os.Remove(lock))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, baseFiles)
			site := &fakeSite{root: root}
			_, base, _ := startServer(t, root, site, Config{})
			s := openStream(t, base)
			tt.save(t, filepath.Join(root, "content"), "a.md", page("甲", "存檔 "+tt.name))
			if m := changeFiles(t, s.next(t, "change")); !slices.Equal(m.Files, []string{"a/index.html"}) {
				t.Errorf("changed files = %q", m.Files)
			}
			if builds := settle(t, root, site, s, 1); len(builds) != 1 || !slices.Equal(builds[0], []string{"content/a.md"}) {
				t.Errorf("one save gave builds %q, want [[content/a.md]]", builds)
			}
		})
	}
}

// vimSave does what vim does with default options on Linux: probe the
// directory with "4913", move the file to a "~" backup, write a new file,
// drop the backup; the swap file is written meanwhile.
func vimSave(t testing.TB, dir, name, content string) {
	swp := filepath.Join(dir, "."+name+".swp")
	must(t, os.WriteFile(swp, []byte("swap"), 0o600))
	probe := filepath.Join(dir, "4913")
	must(t, os.WriteFile(probe, nil, 0o644))
	must(t, os.Remove(probe))
	must(t, os.Rename(filepath.Join(dir, name), filepath.Join(dir, name+"~")))
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	must(t, err)
	_, err = f.WriteString(content)
	must(t, err)
	must(t, f.Sync())
	must(t, f.Close())
	must(t, os.Chmod(filepath.Join(dir, name), 0o644))
	must(t, os.Remove(filepath.Join(dir, name+"~")))
	must(t, os.WriteFile(swp, []byte("swap2"), 0o600))
	must(t, os.Remove(swp))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTouchDoesNotRebuild(t *testing.T) {
	root := project(t, baseFiles)
	site := &fakeSite{root: root}
	_, base, _ := startServer(t, root, site, Config{})
	s := openStream(t, base)
	a := filepath.Join(root, "content", "a.md")
	b, _ := os.ReadFile(a)
	must(t, os.WriteFile(a, b, 0o644)) // same bytes
	must(t, os.Chmod(a, 0o600))
	if builds := settle(t, root, site, s, 1); len(builds) != 0 {
		t.Errorf("unchanged bytes gave builds %q", builds)
	}
}

func TestNewDirectoriesAreWatched(t *testing.T) {
	root := project(t, baseFiles)
	site := &fakeSite{root: root}
	_, base, _ := startServer(t, root, site, Config{})
	s := openStream(t, base)
	// A new tree, created in one go, then a file edited deep inside it.
	write(t, root, "static/img/2024/x.txt", "one")
	s.next(t, "change")
	write(t, root, "static/img/2024/deeper/y.txt", "two")
	s.next(t, "change")
	write(t, root, "static/img/2024/deeper/y.txt", "three")
	s.next(t, "change")
	// Removing the tree reports every file in it.
	must(t, os.RemoveAll(filepath.Join(root, "static", "img")))
	s.next(t, "change")
	h := site.history()
	want := [][]string{
		{"static/img/2024/x.txt"},
		{"static/img/2024/deeper/y.txt"},
		{"static/img/2024/deeper/y.txt"},
		{"static/img/2024/deeper/y.txt", "static/img/2024/x.txt"},
	}
	if !slices.EqualFunc(h[1:], want, slices.Equal) {
		t.Errorf("builds = %q, want %q", h[1:], want)
	}
}

func TestMissingWatchDirIsPickedUp(t *testing.T) {
	root := project(t, baseFiles) // no templates/ or seeds/
	site := &fakeSite{root: root}
	_, base, _ := startServer(t, root, site, Config{})
	s := openStream(t, base)
	write(t, root, "templates/page.html", "<p>{{.}}</p>")
	s.next(t, "change")
	write(t, root, "templates/page.html", "<div>{{.}}</div>")
	s.next(t, "change")
	write(t, root, "public/index.html", "output is never watched")
	if builds := settle(t, root, site, s, 1); !slices.EqualFunc(builds, [][]string{{"templates/page.html"}, {"templates/page.html"}}, slices.Equal) {
		t.Errorf("builds = %q", builds)
	}
}

func TestChangesDuringFailedBuildAreKept(t *testing.T) {
	root := project(t, baseFiles)
	site := &fakeSite{root: root}
	_, base, _ := startServer(t, root, site, Config{})
	s := openStream(t, base)
	write(t, root, "content/b.md", "broken\n")
	s.next(t, "fail")
	write(t, root, "content/b.md", page("乙", "好"))
	s.next(t, "ok")
	s.next(t, "change")
	h := site.history()
	if !slices.Equal(h[2], []string{"content/b.md"}) {
		t.Errorf("build after failure changed = %q", h[2])
	}
}

func TestCancelStopsEverything(t *testing.T) {
	root := project(t, baseFiles)
	ctx, cancel := context.WithCancel(context.Background())
	p, err := New(Config{Addr: "127.0.0.1:0", Root: root, Watch: []string{"content"}, Build: (&fakeSite{root: root}).Build, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	url, err := p.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := openStream(t, strings.TrimSuffix(url, "/"))
	cancel()
	if err := p.Wait(); err != nil {
		t.Errorf("Wait after cancel = %v", err)
	}
	if _, ok := <-s.events; ok {
		t.Errorf("event stream still open after shutdown")
	}
	if _, err := http.Get(url); err == nil {
		t.Errorf("server still answers after shutdown")
	}
}

// A tab that was away (hidden, or a dropped connection) says which build it
// has and gets everything changed since in one event.
func TestReconnectCatchesUp(t *testing.T) {
	root := project(t, baseFiles)
	_, base, _ := startServer(t, root, &fakeSite{root: root}, Config{})
	s := openStream(t, base)
	write(t, root, "content/a.md", page("甲", "一"))
	old := changeFiles(t, s.next(t, "change")).Build
	write(t, root, "content/b.md", page("乙", "二"))
	s.next(t, "change")
	write(t, root, "static/style.css", "p{}")
	cur := changeFiles(t, s.next(t, "change")).Build

	tests := []struct {
		name, since, hello string
		files              []string
	}{
		{"behind", old, old, []string{"b/index.html", "style.css"}},
		{"current", cur, cur, nil},
		{"unknown build", "restarted.3", cur, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(base + "/__preview/events?since=" + tt.since)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			want := "retry: 300\n\nevent: hello\ndata: {\"build\":\"" + tt.hello + "\"}\n\n"
			if tt.files != nil {
				b, _ := json.Marshal(changeMsg{Build: cur, Files: tt.files})
				want += "event: change\ndata: " + string(b) + "\n\n"
			}
			buf := make([]byte, len(want))
			n, _ := io.ReadFull(resp.Body, buf)
			got := string(buf[:n])
			if got != want {
				t.Errorf("stream starts\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// Half-saved states that outlast the quiet period (a slow editor, a busy
// machine) are held back, not built: an empty new file, and a file renamed
// away before its new version is written.
func TestHalfSavedFilesAreHeld(t *testing.T) {
	tests := []struct {
		name        string
		first, then func(t *testing.T, dir string)
		wantChanged []string
	}{
		{"truncate then write",
			func(t *testing.T, dir string) { must(t, os.WriteFile(filepath.Join(dir, "new.md"), nil, 0o644)) },
			func(t *testing.T, dir string) {
				must(t, os.WriteFile(filepath.Join(dir, "new.md"), []byte(page("新", "內容")), 0o644))
			},
			[]string{"content/new.md"}},
		{"rename away then write",
			func(t *testing.T, dir string) {
				must(t, os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md~")))
			},
			func(t *testing.T, dir string) {
				must(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte(page("甲", "慢慢存")), 0o644))
				must(t, os.Remove(filepath.Join(dir, "a.md~")))
			},
			[]string{"content/a.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, baseFiles)
			site := &fakeSite{root: root}
			_, base, _ := startServer(t, root, site, Config{Quiet: 10 * time.Millisecond, MaxWait: time.Minute})
			s := openStream(t, base)
			dir := filepath.Join(root, "content")
			tt.first(t, dir)
			time.Sleep(100 * time.Millisecond) // ten quiet periods pass mid-save
			tt.then(t, dir)
			s.next(t, "change") // not "fail"
			if h := site.history()[1:]; !slices.EqualFunc(h, [][]string{tt.wantChanged}, slices.Equal) {
				t.Errorf("builds = %q, want [%q]", h, tt.wantChanged)
			}
		})
	}
}
