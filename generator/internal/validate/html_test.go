package validate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkHTML is CheckHTML under the test policy: skipped without the checker
// outside CI.
func checkHTML(t *testing.T, files ...string) []Message {
	t.Helper()
	NeedHTMLChecker(t)
	msgs, err := CheckHTML(t.Context(), files)
	if missing(t, err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestCheckHTMLValid(t *testing.T) {
	for _, m := range checkHTML(t, "testdata/valid-hant.html", "testdata/valid-hans.html", "testdata/frame.html") {
		t.Errorf("%s\n\t%q", m, m.Extract)
	}
}

func TestCheckHTMLInvalid(t *testing.T) {
	msgs := checkHTML(t, "testdata/valid-hant.html", "testdata/invalid.html")
	want := []struct {
		line int
		text string
	}{
		{11, "Duplicate ID “review”"},
		{12, "Stray end tag “div”"},
		{13, "Unclosed element “span”"},
	}
	for _, w := range want {
		found := false
		for _, m := range msgs {
			found = found || m.Path == "testdata/invalid.html" && m.Line == w.line && m.Col > 0 && strings.Contains(m.Text, w.text)
		}
		if !found {
			t.Errorf("no error %q at testdata/invalid.html:%d", w.text, w.line)
		}
	}
	for _, m := range msgs {
		if m.Path != "testdata/invalid.html" {
			t.Errorf("error in a valid file: %s", m)
		}
	}
	if t.Failed() {
		t.Logf("got:\n%s", joinMessages(msgs))
	}
}

func TestCheckHTMLMissingFile(t *testing.T) {
	NeedHTMLChecker(t)
	_, err := CheckHTML(t.Context(), []string{"testdata/valid-hant.html", "testdata/no-such.html"})
	if err == nil || !strings.Contains(err.Error(), "no-such.html") {
		t.Fatalf("err = %v, want one naming no-such.html", err)
	}
}

func TestCheckHTMLOddNames(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/invalid.html")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "-第 1 章.html") // a leading dash, CJK and a space
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	msgs := checkHTML(t, name)
	if len(msgs) == 0 {
		t.Fatal("no errors reported") // checkHTML has returned, so the checker ran
	}
	for _, m := range msgs {
		if m.Path != name {
			t.Errorf("path = %q, want %q", m.Path, name)
		}
	}
}

func TestParseVNU(t *testing.T) {
	abs := map[string]string{"/site/第 1 章.html": "public/第 1 章.html"}
	tests := []struct {
		name    string
		json    string
		want    []Message
		wantErr string
	}{
		{
			name: "none",
			json: `{"version":"x","messages":[]}`,
		},
		{
			name: "one line, sorted, decoded path",
			json: `{"messages":[
				{"type":"error","url":"file:/site/第%201%20章.html","lastLine":5,"lastColumn":19,"firstColumn":14,"message":"Stray end tag “div”.","extract":"</div>"},
				{"type":"error","url":"file:/site/第%201%20章.html","firstLine":2,"lastLine":3,"lastColumn":8,"firstColumn":1,"message":"Duplicate ID “a”."}]}`,
			want: []Message{
				{Path: "public/第 1 章.html", Line: 2, Col: 1, Text: "Duplicate ID “a”."},
				{Path: "public/第 1 章.html", Line: 5, Col: 14, Text: "Stray end tag “div”.", Extract: "</div>"},
			},
		},
		{
			name: "warnings dropped",
			json: `{"messages":[{"type":"info","subType":"warning","url":"file:/site/第%201%20章.html","lastLine":1,"message":"Consider"}]}`,
		},
		{
			name:    "non-document error",
			json:    `{"messages":[{"type":"non-document-error","url":"file:/site/x.html","message":"IO error"}]}`,
			wantErr: "/site/x.html: IO error",
		},
		{
			name:    "not json",
			json:    `Exception in thread "main"`,
			wantErr: "vnu.jar output",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseVNU([]byte(tt.json), abs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", joinMessages(got), joinMessages(tt.want))
			}
		})
	}
}

func TestHTMLFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"index.html", "a/b.htm", "a/c.css", "a/d.HTML", "e.svg"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := HTMLFiles(dir, filepath.Join(dir, "e.svg"))
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"a/b.htm", "a/d.HTML", "index.html", "e.svg"}
	if !reflect.DeepEqual(rel, want) {
		t.Errorf("HTMLFiles = %q, want %q", rel, want)
	}
	if _, err := HTMLFiles(filepath.Join(dir, "none")); err == nil {
		t.Error("HTMLFiles of a missing path: no error")
	}
}

func TestHTMLHelper(t *testing.T) {
	HTML(t, "testdata/valid-hant.html", "testdata/valid-hans.html")
}

// BenchmarkCheckHTML60 checks 60 report-sized pages in one JVM, as a site
// build's test would.
func BenchmarkCheckHTML60(b *testing.B) {
	files := reportPages(b, 60)
	for b.Loop() {
		msgs, err := CheckHTML(b.Context(), files)
		if missing(b, err) {
			return
		}
		if err != nil || len(msgs) > 0 {
			b.Fatal(err, msgs)
		}
	}
}

// reportPages writes n copies of the valid page, each padded with the seed
// report's text to the size of a section page.
func reportPages(tb testing.TB, n int) []string {
	tb.Helper()
	page, err := os.ReadFile("testdata/valid-hant.html")
	if err != nil {
		tb.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../../seeds/*.txt")
	var body strings.Builder
	for _, s := range seeds {
		text, err := os.ReadFile(s)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(text), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				body.WriteString("<p>" + strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(line) + "</p>\n")
			}
		}
	}
	full := strings.Replace(string(page), "</main>", "<section aria-label=\"全文\">\n"+body.String()+"</section>\n</main>", 1)
	dir := tb.TempDir()
	files := make([]string, n)
	for i := range files {
		files[i] = filepath.Join(dir, "section-"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+string(rune('0'+i/26))+".html")
		if err := os.WriteFile(files[i], []byte(full), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return files
}

func joinMessages(msgs []Message) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString(m.String() + "\n")
	}
	return b.String()
}
