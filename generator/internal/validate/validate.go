// Package validate checks built pages the way a standards-minded reviewer
// would: HTML conformance with the W3C Nu HTML Checker (vnu.jar) and
// accessibility with axe-core in headless Chromium.
//
// Both checkers come from npm, pinned in .ci/package.json and installed by
// `npm ci --prefix .ci --ignore-scripts` (which .ci/run does) into
// .ci/node_modules at the repository root. The root is found by walking up
// from the working directory to go.mod, so the functions work from any
// package's test. The Nu checker also needs Java 17 or later ($JAVA_HOME/bin/java,
// else java on $PATH).
//
// CheckHTML and Axe are plain functions returning what the checkers found.
// HTML and Accessible wrap them for tests: they report each finding with
// t.Errorf, and when a checker is not installed they skip the test, except
// in CI (CI set in the environment), where a missing checker is a failure:
// a green run must mean the checks ran. This is the same policy as
// browsertest.
//
// Typical use in another package's test:
//
//	dir := t.TempDir()
//	build(t, dir)                  // write the site
//	validate.HTML(t, dir)          // every *.html under dir, one JVM
//
//	srv := httptest.NewServer(http.FileServerFS(os.DirFS(dir)))
//	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
//	validate.Accessible(t, ctx, srv.URL+"/index.html")
package validate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ErrNotInstalled reports that a checker (java, vnu.jar or axe.min.js) is
// missing. Errors from CheckHTML and Axe wrap it, so callers can tell a
// machine without the tools from a checker that failed.
var ErrNotInstalled = errors.New("not installed (bash .ci/run installs the checkers)")

// Paths of the npm-installed checkers, relative to the repository root.
const (
	vnuJarPath = ".ci/node_modules/vnu-jar/build/dist/vnu.jar"
	axeJSPath  = ".ci/node_modules/axe-core/axe.min.js"
)

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("validate: no go.mod above the working directory")
		}
		dir = parent
	}
}

// tool returns the absolute path of a checker file under the repository root,
// or an error wrapping ErrNotInstalled.
func tool(rel string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("validate: %s: %w", rel, ErrNotInstalled)
	}
	return p, nil
}

// missing skips or fails the test when err says a checker is not installed,
// and reports whether it did.
func missing(t testing.TB, err error) bool {
	t.Helper()
	if !errors.Is(err, ErrNotInstalled) {
		return false
	}
	if os.Getenv("CI") != "" {
		t.Fatal(err)
	}
	t.Skip(err)
	return true
}

// NeedAxe skips the test in -short mode or when axe-core is not installed
// (failing instead in CI), before the test starts a browser: a skipped audit
// must cost nothing and must not pass as a run one.
func NeedAxe(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("validate: axe audits are skipped in -short mode")
	}
	_, err := tool(axeJSPath)
	missing(t, err)
}

// NeedHTMLChecker is NeedAxe for the Nu HTML Checker (java and vnu.jar).
func NeedHTMLChecker(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("validate: the Nu HTML Checker is skipped in -short mode")
	}
	_, _, err := findVNU()
	missing(t, err)
}
