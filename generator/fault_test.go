//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"edition/generator/internal/publish"
)

// A probe is one fault: a way to break the project or the command line,
// and what the tool must answer. The suite checks the exit code, that
// stderr (or stdout for check) says what is wrong and names it, and that
// content/ and public/ are byte for byte what they were unless the probe
// expects a changed public/ (and then checks it itself).
type probe struct {
	name  string
	cmd   string
	setup func(t *testing.T, dir string) // break the project
	args  func(dir string) []string      // replaces the default -out etc.; nil: flags(dir)
	code  int                            // exit code wanted
	want  string                         // in stderr+stdout; DIR stands for the project
	after func(t *testing.T, dir string) // extra checks; public/ may then change
}

// TestFaults runs every probe of issue 10 on a copy of the project built
// once: each is refused with its place and a non-zero exit, or survived,
// and nothing is lost.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole edition for each probe")
	}
	built := tempProject(t)
	if code, out, errs := runCmd(t, append([]string{"build"}, flags(built)...)...); code != 0 {
		t.Fatalf("first build: %s%s", out, errs)
	}
	for _, group := range [][]probe{outRefused(), outSurvived(), inputProbes(), configProbes(), checkProbes(), serveProbes()} {
		for _, p := range group {
			t.Run(p.name, func(t *testing.T) { p.run(t, built) })
		}
	}
}

func (p probe) run(t *testing.T, built string) {
	dir := t.TempDir()
	copyTree(t, built, dir)
	if p.setup != nil {
		p.setup(t, dir)
	}
	content := snapshot(t, filepath.Join(dir, "content"))
	public := snapshot(t, filepath.Join(dir, "public"))
	args := flags(dir)
	if p.args != nil {
		args = p.args(dir)
	}
	for i, a := range args {
		if a == "BUSY" {
			args[i] = busyAddr(t)
		}
	}
	code, out, errs := runCmd(t, append([]string{p.cmd}, args...)...)
	if code != p.code {
		t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, p.code, out, errs)
	}
	if want := strings.ReplaceAll(p.want, "DIR", dir); !strings.Contains(errs+out, want) {
		t.Errorf("output:\n%s%s\nwant it to contain:\n%s", out, errs, want)
	}
	if !sameTree(snapshot(t, filepath.Join(dir, "content")), content) {
		t.Errorf("content/ changed")
	}
	if p.after != nil {
		p.after(t, dir)
	} else if !sameTree(snapshot(t, filepath.Join(dir, "public")), public) {
		t.Errorf("public/ changed")
	}
}

// out is the default flags with -out o (relative to the project).
func out(o string) func(dir string) []string {
	return func(dir string) []string {
		a, p := flags(dir), o
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return append(a[:len(a)-1], p)
	}
}

// outRefused: -out naming what build did not make.
func outRefused() []probe {
	refused := "refusing to write the site here"
	return []probe{
		{name: "-base-url without a scheme", cmd: "build", args: func(dir string) []string {
			return append(flags(dir), "-base-url", "example.org/report")
		}, code: 1, want: `-base-url "example.org/report" must be an absolute http:// or https:// URL`},
		{name: "-out content", cmd: "build", args: out("content"), code: 1, want: "DIR/content: " + refused + ": it is the source directory DIR/content"},
		{name: "-out seeds", cmd: "build", args: out("seeds"), code: 1, want: "it is the source directory DIR/seeds"},
		{name: "-out templates", cmd: "build", args: out("templates"), code: 1, want: "it is the source directory DIR/templates"},
		{name: "-out static", cmd: "build", args: out("static"), code: 1, want: "it is the source directory DIR/static"},
		{name: "-out inside content", cmd: "build", args: out("content/public"), code: 1, want: "it is inside the source directory DIR/content"},
		{name: "-out the project", cmd: "build", args: out("."), code: 1, want: refused + ": it holds the project"},
		{name: "-out the project's parent", cmd: "build", args: out(".."), code: 1, want: refused + ": it holds the project"},
		{name: "-out /", cmd: "build", args: out("/"), code: 1, want: "/: " + refused},
		{name: "-out a file", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "README.md"), []byte("read me\n"), 0o644))
		}, args: out("README.md"), code: 1, want: "DIR/README.md: " + refused + ": it is not a directory (a file)",
			after: func(t *testing.T, dir string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != "read me\n" {
					t.Errorf("README.md is now %q", b)
				}
			}},
		{name: "-out a device", cmd: "build", args: out("/dev/null"), code: 1, want: "/dev/null: " + refused + ": it is not a directory (a device)"},
		{name: "-out a directory build did not make", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.MkdirAll(filepath.Join(dir, "docs"), 0o755))
			must(t, os.WriteFile(filepath.Join(dir, "docs", "mine.txt"), []byte("mine"), 0o644))
		}, args: out("docs"), code: 1, want: "DIR/docs: " + refused + ": it is not empty and was not made by build",
			after: func(t *testing.T, dir string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "docs", "mine.txt")); string(b) != "mine" {
					t.Errorf("docs/mine.txt is now %q", b)
				}
			}},
	}
}

// siteFiles is how many files the repository's edition builds (pages,
// embeds, downloads, press images).
const siteFiles = 214

// outSurvived: outputs build may write, and how it writes them.
func outSurvived() []probe {
	return []probe{
		{name: "public/ is a symlink", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.Rename(filepath.Join(dir, "public"), filepath.Join(dir, "www")))
			must(t, os.Symlink("www", filepath.Join(dir, "public")))
			must(t, os.Remove(filepath.Join(dir, "www", "robots.txt"))) // so the build has something to do
		}, code: 0, want: fmt.Sprintf("build: %d files in DIR/public (1 written, %d unchanged, 0 removed)", siteFiles, siteFiles-1),
			after: func(t *testing.T, dir string) {
				if fi, err := os.Lstat(filepath.Join(dir, "public")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("public is no longer a symlink")
				}
				if _, err := os.Stat(filepath.Join(dir, "www", "robots.txt")); err != nil {
					t.Errorf("the link's target was not updated: %v", err)
				}
			}},
		{name: "a killed build's temporary directory", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.MkdirAll(filepath.Join(dir, ".public-new-1234", "zh-hant"), 0o755))
			must(t, os.WriteFile(filepath.Join(dir, ".public-new-1234", "zh-hant", "index.html"), []byte("half"), 0o644))
		}, code: 0, want: fmt.Sprintf("(0 written, %d unchanged, 0 removed)", siteFiles),
			after: func(t *testing.T, dir string) {
				if m, _ := filepath.Glob(filepath.Join(dir, ".public-new-*")); len(m) > 0 {
					t.Errorf("left behind: %v", m)
				}
			}},
		{name: "umask 077", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.RemoveAll(filepath.Join(dir, "public")))
			old := syscall.Umask(0o077)
			t.Cleanup(func() { syscall.Umask(old) })
		}, code: 0, want: fmt.Sprintf("(%d written, 0 unchanged, 0 removed)", siteFiles),
			after: func(t *testing.T, dir string) {
				filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
					fi, _ := d.Info()
					want := publish.FileMode
					if d.IsDir() {
						want = publish.DirMode
					}
					if fi.Mode().Perm() != want {
						t.Errorf("%s is %v, want %v", p, fi.Mode().Perm(), want)
					}
					return nil
				})
			}},
	}
}

func inputProbes() []probe {
	secret := func(t *testing.T) string {
		p := filepath.Join(t.TempDir(), "passwd")
		must(t, os.WriteFile(p, []byte("root:x:0:0\n"), 0o644))
		return p
	}
	return []probe{
		{name: "static symlink to a file outside", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.Symlink(secret(t), filepath.Join(dir, "static", "passwd")))
		}, code: 1, want: "passwd is a symlink that leads out of DIR/static"},
		{name: "content symlink to a file outside", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.Symlink(secret(t), filepath.Join(dir, "content", "99-x.md")))
		}, code: 1, want: "DIR/content/99-x.md: 99-x.md is a symlink that leads out of DIR/content"},
		{name: "static symlink to a directory outside", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.Symlink(filepath.Dir(secret(t)), filepath.Join(dir, "static", "etc")))
		}, code: 1, want: "etc is a symlink that leads out of DIR/static"},
		{name: "FIFO in content", cmd: "build", setup: fifo("content/99-x.md"), code: 1, want: "DIR/content/99-x.md: 99-x.md is a named pipe (FIFO), not a file"},
		{name: "FIFO in static", cmd: "build", setup: fifo("static/js/x.js"), code: 1, want: "js/x.js is a named pipe (FIFO), not a file"},
		{name: "FIFO in templates", cmd: "build", setup: fifo("templates/x.html"), code: 1, want: "x.html is a named pipe (FIFO), not a file"},
		{name: "FIFO in content, import", cmd: "import", setup: func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "content", "01-part-1.md")))
			fifo("content/01-part-1.md")(t, dir)
		}, code: 1, want: "DIR/content/01-part-1.md: is a named pipe (FIFO), not a file, so it is not read; refused"},
		{name: "FIFO for the seed, check", cmd: "check", setup: func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "seeds", "000_cdd563ffef68d5a8.txt")))
			fifo("seeds/000_cdd563ffef68d5a8.txt")(t, dir)
		}, code: 1, want: "cannot read the seed: 000_cdd563ffef68d5a8.txt is a named pipe (FIFO), not a file"},
		{name: "FIFO for the seed, import", cmd: "import", setup: func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "seeds", "000_cdd563ffef68d5a8.txt")))
			fifo("seeds/000_cdd563ffef68d5a8.txt")(t, dir)
		}, code: 1, want: "000_cdd563ffef68d5a8.txt: is a named pipe (FIFO), not a file, so it is not read; refused"},
		{name: "content file over 8 MB", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "content", "99-big.md"), bytes.Repeat([]byte("大"), 3<<20), 0o644))
		}, code: 1, want: "DIR/content/99-big.md: 99-big.md is 9.0 MB, over the 8 MB limit for a source file; refused"},
		{name: "a template, a page and the figures at once", cmd: "build", setup: func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "templates", "page.html"), `<article class="report">`, `<article class="report">{{.Nope`)
			edit(t, filepath.Join(dir, "content", "01-part-1.md"), "{#p1-3}", "{#p1-2}")
		}, code: 1, want: "templates/page.html:4: unexpected \"{\" in operand\nDIR/content/01-part-1.md:14: duplicate ID \"p1-2\" (also DIR/content/01-part-1.md:12)\nDIR/content/figures.tsv:2: figure coal-2023: the phrase"},
		{name: "lists nested 100,000 deep", cmd: "build", setup: func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content", "05-part-2-3.md"), "\n**", "\n"+strings.Repeat("- ", 100000)+"**")
		}, code: 1, want: "DIR/content/05-part-2-3.md:11: quotes or lists nested more than 32 deep"},
	}
}

func fifo(rel string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		must(t, syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(rel)), 0o644))
	}
}

func configProbes() []probe {
	site := func(old, new string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { edit(t, filepath.Join(dir, "content", "site.yaml"), old, new) }
	}
	return []probe{
		{name: "empty site.yaml", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "content", "site.yaml"), nil, 0o644))
		}, code: 1, want: "DIR/content/site.yaml: empty"},
		{name: "missing site.yaml", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "content", "site.yaml")))
		}, code: 1, want: "DIR/content/site.yaml: missing"},
		{name: "empty notes.yaml", cmd: "build", setup: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "content", "notes.yaml"), []byte("# no notes yet\n"), 0o644))
		}, code: 1, want: "DIR/content/notes.yaml: no notes: a report without notes has no notes file"},
		{name: "javascript: base_url", cmd: "build", setup: site(`base_url: ""`, `base_url: "javascript:alert(1)//"`),
			code: 1, want: `DIR/content/site.yaml:11: base_url "javascript:alert(1)//" must be an absolute http:// or https:// URL`},
		{name: "relative base_url", cmd: "build", setup: site(`base_url: ""`, "base_url: /edition/"),
			code: 1, want: `DIR/content/site.yaml:11: base_url "/edition/" must be an absolute http:// or https:// URL`},
		{name: "official_url without a host", cmd: "build", setup: site(`official_url: "https://www.shuozhou.gov.cn/"`, `official_url: "https:///x"`),
			code: 1, want: `DIR/content/site.yaml:13: official_url "https:///x" must name a host`},
		{name: "a formula in figures.tsv", cmd: "build", setup: func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "content", "figures.tsv"), "outturn\tlevel\t\t\n", "outturn\tlevel\t\t=HYPERLINK(\"http://evil.example\",\"x\")\n")
		}, code: 0, want: "build:", after: func(t *testing.T, dir string) {
			for _, p := range []string{"figures/figures.csv", "zh-hant/figures/figures.csv"} {
				b, err := os.ReadFile(filepath.Join(dir, "public", p))
				must(t, err)
				if !bytes.Contains(b, []byte(`,"'=HYPERLINK(""http://evil.example"",""x"")",`)) || bytes.Contains(b, []byte(`,"=HYPERLINK`)) {
					t.Errorf("%s does not neutralise the formula:\n%.300s", p, b)
				}
			}
		}},
	}
}

func checkProbes() []probe {
	check := func(dir string) []string { return flags(dir) }
	simp := func(old, new string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "public", "part-2-3", "index.html"), old, new)
		}
	}
	return []probe{
		{name: "Simplified page with one character changed", cmd: "check", args: check, setup: simp("立德树人", "立德树木"),
			code: 1, want: "(zh-Hans edition): differs from seed line"},
		{name: "Simplified page cut short", cmd: "check", args: check, setup: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "public", "part-2-3", "index.html")
			b, err := os.ReadFile(p)
			must(t, err)
			must(t, os.WriteFile(p, b[:3000], 0o644))
		}, code: 1, want: "(zh-Hans edition)"},
		{name: "Traditional page with one character changed", cmd: "check", args: check, setup: func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "public", "zh-hant", "part-2-3", "index.html"), "立德樹人", "立德樹木")
		}, code: 1, want: "DIR/content/05-part-2-3.md:11: differs from seed line"},
	}
}

func serveProbes() []probe {
	return []probe{
		{name: "serve on a typed busy port", cmd: "serve", args: func(dir string) []string {
			return append(flags(dir), "-addr", "BUSY")
		}, code: 1, want: "address already in use"},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot reads every file below dir; missing dir gives nil.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return m
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for n, v := range a {
		if w, ok := b[n]; !ok || v != w {
			return false
		}
	}
	return true
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	must(t, err)
}

// busyAddr holds a loopback port for the serve probe.
func busyAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().String()
}

// TestPreviewFaults: the preview of the real edition survives the input
// probes: a FIFO, a symlink out of static/, content/ removed and made
// again. Each is shown as a failed build (the FIFO is never opened), the
// last good site is still served, the secret never is, and fixing the
// fault rebuilds.
func TestPreviewFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole edition several times")
	}
	dir := tempProject(t)
	p, err := newPreview(options{content: "content", templates: "templates", static: "static"}, dir, "127.0.0.1:0", false, io.Discard)
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); p.Wait() })
	url, err := p.Start(ctx)
	must(t, err)
	base := strings.TrimSuffix(url, "/")
	events := streamEvents(t, base)
	waitEvent(t, events, "hello")
	serves := func(path, text string) {
		t.Helper()
		code, body := httpGet(t, base+path)
		if code != 200 || !strings.Contains(body, text) {
			t.Fatalf("GET %s = %d, want 200 with %q", path, code, text)
		}
	}
	secret := filepath.Join(t.TempDir(), "passwd")
	must(t, os.WriteFile(secret, []byte("root:x:0:0\n"), 0o644))
	faults := []struct {
		name         string
		break_, fix  func()
		gone, served string // a path never served; a path still served
	}{
		{"FIFO in content",
			func() { must(t, syscall.Mkfifo(filepath.Join(dir, "content", "99-x.md"), 0o644)) },
			func() { must(t, os.Remove(filepath.Join(dir, "content", "99-x.md"))) },
			"/99-x/", "/part-2-3/"},
		{"symlink out of static",
			func() { must(t, os.Symlink(secret, filepath.Join(dir, "static", "passwd"))) },
			func() { must(t, os.Remove(filepath.Join(dir, "static", "passwd"))) },
			"/passwd", "/"},
	}
	for _, f := range faults {
		f.break_()
		waitEvent(t, events, "fail")
		if code, body := httpGet(t, base+f.gone); code == 200 || strings.Contains(body, "root:x") {
			t.Errorf("%s: GET %s = %d", f.name, f.gone, code)
		}
		serves(f.served, "</html>")
		f.fix()
		waitEvent(t, events, "ok")
	}
	// content/ removed and restored from a copy, then edited.
	c := filepath.Join(dir, "content")
	copyTree(t, c, c+".bak")
	must(t, os.RemoveAll(c))
	waitEvent(t, events, "fail")
	must(t, os.Rename(c+".bak", c))
	waitEvent(t, events, "ok")
	waitEvent(t, events, "change") // the restored pages
	edit(t, filepath.Join(c, "05-part-2-3.md"), "辦好人民滿意教育", "辦好人民滿意的教育")
	waitEvent(t, events, "change")
	serves("/zh-hant/part-2-3/", "辦好人民滿意的教育")
}

func streamEvents(t *testing.T, base string) <-chan string {
	resp, err := http.Get(base + "/__preview/events")
	must(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
		close(events)
	}()
	return events
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	return resp.StatusCode, string(b)
}
