package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/traditionalchinese"

	"edition/generator/internal/content"
	"edition/generator/internal/report"
	"edition/generator/internal/script"
)

// sharedReportFiles returns the real reports in shared/reports beside the
// repository (CI puts shared/ there too). Absent, the test skips, or
// fails under CI.
func sharedReportFiles(t *testing.T) []string {
	t.Helper()
	abs, _ := filepath.Abs(root)
	for d := abs; ; d = filepath.Dir(d) {
		if files, _ := filepath.Glob(filepath.Join(d, "shared", "reports", "*.txt")); len(files) > 0 {
			return files
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("shared/reports not found beside the repository")
	}
	t.Skip("shared/reports not found beside the repository")
	return nil
}

// TestAnyReport imports, builds and checks every real report in
// shared/reports and every synthetic one in testdata/reports, as a new
// user would, with no hand edits: each must give 0 errors, 0 unexplained
// differences, 0 dead internal links or anchors, 0 characters of the wrong
// script on either edition's pages, and its date, speaker and issuer. Run
// with -v for the README's table.
func TestAnyReport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports and builds every report (about a minute); run without -short")
	}
	synthetic, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	shared := sharedReportFiles(t)
	files := append(append([]string(nil), shared...), synthetic...)
	// Traditional copies, as a Hong Kong or Taiwan converter makes them,
	// of every fourth shared report (the runtime stays modest).
	for i, f := range shared {
		if i%4 == 0 {
			files = append(files, traditionalCopy(t, f, []string{"s2hk", "s2tw"}[i/4%2]))
		}
	}
	cv, err := script.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, seed := range files {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		t.Run(name, func(t *testing.T) {
			rows = append(rows, anyReport(t, seed, cv))
		})
	}
	sort.Strings(rows)
	t.Logf("\n| report | parts | subsections | notes found | term links | charts | warnings |\n|---|---|---|---|---|---|---|\n%s", strings.Join(rows, "\n"))
}

func anyReport(t *testing.T, seed string, cv *script.Converter) string {
	dir := t.TempDir()
	cont, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	fl := []string{"-seed", seed, "-content", cont, "-out", out, "-templates", repo("templates"), "-static", repo("static")}
	warnings := 0
	for _, cmd := range []string{"import", "build", "check"} {
		code, stdout, stderr := runCmd(t, append([]string{cmd}, fl...)...)
		if code != 0 {
			t.Fatalf("%s: %s%s", cmd, stdout, stderr)
		}
		if cmd == "import" {
			warnings = strings.Count(stderr, "warning: ")
		}
	}
	c, err := content.Load(os.DirFS(cont), cont)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Settings
	for k, v := range map[string]string{"date": s.Date, "speaker": s.Speaker, "issuer": s.Issuer} {
		if v == "" || v == "人民政府" {
			t.Errorf("site.yaml: no %s found in the report's head", k)
		}
	}
	res, err := report.ReadFiles(seed, filepath.Join(cont, content.CorrectionsFile))
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	// The source's own characters are quoted source on the pages of its
	// script (a Simplified report's 显著 or 抬 stays as written).
	source := map[rune]bool{}
	for _, l := range res.Lines {
		for _, c := range l.Text {
			source[c] = true
		}
	}
	srcLang := "zh-Hant"
	if r.Simplified() {
		srcLang = "zh-Hans"
	}
	pages := builtPages(t, out)
	for _, e := range deadLinks(pages) {
		t.Error(e)
	}
	for _, e := range wrongScript(pages, cv, srcLang, source) {
		t.Error(e)
	}
	subs := 0
	for _, p := range r.Parts {
		subs += len(p.Sections)
	}
	orig := s.Original().Prefix
	links, charts := 0, 0
	for p, doc := range pages {
		if strings.HasPrefix(p, "embed/") || strings.HasPrefix(p, "zh-hant/") != (orig != "") || strings.Contains(p, "/embed/") {
			continue
		}
		links += bytes.Count(doc.raw, []byte(`<a class="term"`))
	}
	for _, p := range c.Pages {
		charts += bytes.Count(p.Source, []byte("```chart"))
	}
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %d | %d |", filepath.Base(seed), len(r.Parts), subs, len(r.Notes), links, charts, warnings)
}

// traditionalCopy writes the report converted by OpenCC config to a
// temporary file named config-name.txt.
func traditionalCopy(t *testing.T, f, config string) string {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := opencc.New(config)
	if err != nil {
		t.Fatal(err)
	}
	out, err := cc.Convert(string(b))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), config+"-"+filepath.Base(f))
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// page is a built HTML page: its ids, its links and its text by script.
type page struct {
	raw   []byte
	lang  string
	ids   map[string]bool
	links []string
	text  string // visible text outside quoted source (data-seed, lang="zh-Hant" on a Simplified page)
}

func builtPages(t *testing.T, out string) map[string]*page {
	t.Helper()
	pages := map[string]*page{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		pages[filepath.ToSlash(rel)] = parsePage(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func parsePage(b []byte) *page {
	pg := &page{raw: b, ids: map[string]bool{}}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return pg
	}
	var text strings.Builder
	var walk func(n *html.Node, quoted bool)
	walk = func(n *html.Node, quoted bool) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					pg.ids[a.Val] = true
				case "href", "src":
					pg.links = append(pg.links, a.Val)
				case "lang":
					if n.Data == "html" {
						pg.lang = a.Val
					} else if a.Val != pg.lang {
						quoted = true // 繁體 in the switch
					}
				case "data-seed", "translate":
					quoted = true
				}
			}
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		if n.Type == html.TextNode && !quoted {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, quoted)
		}
	}
	walk(doc, false)
	pg.text = text.String()
	return pg
}

// deadLinks lists internal links to a page or an anchor that was not built.
func deadLinks(pages map[string]*page) []string {
	var errs []string
	for from, pg := range pages {
		for _, l := range pg.links {
			u, err := url.Parse(l)
			if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(l, "//") {
				continue // another site, or mailto:
			}
			target := from
			if u.Path != "" {
				target = path.Join(path.Dir(from), u.Path)
				if strings.HasPrefix(u.Path, "/") {
					target = path.Clean(strings.TrimPrefix(u.Path, "/")) // from the site's root (the 404 pages)
				}
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					target = path.Join(target, "index.html")
				}
			}
			to, ok := pages[target]
			if !ok {
				if !strings.HasSuffix(target, ".html") {
					continue // an asset; the build's own tests check those
				}
				errs = append(errs, fmt.Sprintf("%s: link %q to a page that was not built", from, l))
				continue
			}
			if u.Fragment != "" && !to.ids[u.Fragment] {
				errs = append(errs, fmt.Sprintf("%s: link %q to an anchor %s does not have", from, l, target))
			}
		}
	}
	sort.Strings(errs)
	return errs
}

// wrongScript lists characters of the other script: Traditional-only ones
// (the lint's test) on zh-Hans pages, Simplified-only ones (not in Big5,
// changed by s2t) on zh-Hant pages, outside quoted source text.
func wrongScript(pages map[string]*page, cv *script.Converter, srcLang string, source map[rune]bool) []string {
	tr, _ := script.NewTraditional("s2t")
	big5 := traditionalchinese.Big5.NewEncoder()
	var errs []string
	for p, pg := range pages {
		text := pg.text
		if pg.lang == srcLang {
			text = strings.Map(func(r rune) rune {
				if source[r] {
					return ' '
				}
				return r
			}, text)
		}
		switch pg.lang {
		case "zh-Hans":
			if l := cv.Lint(p, text); len(l) > 0 {
				errs = append(errs, fmt.Sprintf("%s: %d Traditional-only characters on a zh-Hans page, first %v", p, len(l), l[0]))
			}
		case "zh-Hant":
			var bad []string
			for _, r := range text {
				if !unicode.Is(unicode.Han, r) {
					continue
				}
				if _, err := big5.Bytes([]byte(string(r))); err != nil && tr.S2T(string(r)) != string(r) {
					bad = append(bad, string(r))
				}
			}
			if len(bad) > 0 {
				errs = append(errs, fmt.Sprintf("%s: %d Simplified-only characters on a zh-Hant page: %s", p, len(bad), strings.Join(bad[:min(len(bad), 10)], "")))
			}
		}
	}
	sort.Strings(errs)
	return errs
}
