package validate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Message is one error the Nu HTML Checker found.
type Message struct {
	Path    string // the file as the caller named it
	Line    int    // 1-based
	Col     int    // 1-based
	Text    string // the checker's message
	Extract string // the source around the error
}

func (m Message) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", m.Path, m.Line, m.Col, m.Text)
}

// CheckHTML runs the Nu HTML Checker over files in one Java process (the JVM
// takes a second or more to start, so batch the files) and returns its
// errors, sorted by file and position; warnings and info messages are
// dropped. Every file is parsed as text/html whatever its name. A nil result
// with a nil error means every file is valid.
//
// The error is non-nil when a file does not exist, when the checker could
// not run, or when java or vnu.jar is missing (wrapping ErrNotInstalled).
func CheckHTML(ctx context.Context, files []string) ([]Message, error) {
	if len(files) == 0 {
		return nil, nil
	}
	byAbs := make(map[string]string, len(files)) // absolute path → caller's name
	abs := make([]string, 0, len(files))         // absolute, so no name reads as an option
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
		a, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
		byAbs[a] = f
		abs = append(abs, a)
	}
	java, jar, err := findVNU()
	if err != nil {
		return nil, err
	}
	out, err := runVNU(ctx, java, jar, abs)
	if err != nil {
		return nil, err
	}
	return parseVNU(out, byAbs)
}

// findVNU locates java and vnu.jar.
func findVNU() (java, jar string, err error) {
	java = "java"
	if home := os.Getenv("JAVA_HOME"); home != "" {
		java = filepath.Join(home, "bin", "java")
	}
	if java, err = exec.LookPath(java); err != nil {
		return "", "", fmt.Errorf("validate: java: %w", ErrNotInstalled)
	}
	jar, err = tool(vnuJarPath)
	return java, jar, err
}

// runVNU runs the checker over absolute paths and returns its JSON report.
func runVNU(ctx context.Context, java, jar string, files []string) ([]byte, error) {
	args := []string{
		"-Xss8m", // deep documents overflow the default stack
		// A short batch on two cores: the serial collector and the quick
		// compiler alone took 60 report-sized pages from 1.6 s to 1.2 s,
		// and 600 from 3.9 s to 3.1 s.
		"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
		"-jar", jar,
		"--stdout", "--exit-zero-always", "--format", "json", "--errors-only", "--no-langdetect",
	}
	cmd := exec.CommandContext(ctx, java, append(args, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("validate: vnu.jar: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// vnuReport is the checker's --format json output.
type vnuReport struct {
	Messages []struct {
		Type        string `json:"type"` // "error", "info" or "non-document-error"
		URL         string `json:"url"`
		FirstLine   int    `json:"firstLine"` // absent when equal to lastLine
		LastLine    int    `json:"lastLine"`
		FirstColumn int    `json:"firstColumn"`
		LastColumn  int    `json:"lastColumn"`
		Message     string `json:"message"`
		Extract     string `json:"extract"`
	} `json:"messages"`
}

// parseVNU turns the JSON report into messages named as the caller named the
// files. A non-document error (an unreadable file, an internal failure) is
// returned as an error, since it means a file went unchecked.
func parseVNU(out []byte, byAbs map[string]string) ([]Message, error) {
	var r vnuReport
	if err := json.Unmarshal(out, &r); err != nil {
		return nil, fmt.Errorf("validate: vnu.jar output: %w", err)
	}
	var msgs []Message
	for _, m := range r.Messages {
		path := fileOf(m.URL, byAbs)
		if m.Type != "error" {
			if m.Type == "non-document-error" {
				return nil, fmt.Errorf("validate: vnu.jar: %s: %s", path, m.Message)
			}
			continue
		}
		line, col := m.FirstLine, m.FirstColumn
		if line == 0 {
			line = m.LastLine
		}
		if col == 0 {
			col = m.LastColumn
		}
		msgs = append(msgs, Message{Path: path, Line: line, Col: col, Text: m.Message, Extract: m.Extract})
	}
	sortMessages(msgs)
	return msgs, nil
}

// sortMessages orders msgs by file, line and column.
func sortMessages(msgs []Message) {
	sort.SliceStable(msgs, func(i, j int) bool {
		a, b := msgs[i], msgs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// fileOf maps the checker's file: URL back to the caller's name for the file.
func fileOf(u string, byAbs map[string]string) string {
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "file" {
		return u
	}
	if name, ok := byAbs[filepath.FromSlash(p.Path)]; ok {
		return name
	}
	return p.Path
}

// HTMLFiles returns every *.html and *.htm file under each path, or the path
// itself when it is a file, in lexical order.
func HTMLFiles(paths ...string) ([]string, error) {
	var files []string
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			if p == root && !d.IsDir() || !d.IsDir() && (ext == ".html" || ext == ".htm") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
	}
	return files, nil
}

// HTML fails the test for each Nu HTML Checker error in the given files;
// a directory stands for every HTML file under it. All files go to one
// Java process. Without java or vnu.jar the test is skipped, or fails in CI.
func HTML(t testing.TB, paths ...string) {
	t.Helper()
	NeedHTMLChecker(t)
	files, err := HTMLFiles(paths...)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("validate.HTML: no HTML files in %q", paths)
	}
	msgs, err := CheckHTML(t.Context(), files)
	if missing(t, err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		t.Errorf("%s\n\t%q", m, m.Extract)
	}
}
