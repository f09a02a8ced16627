package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPipelineHasNoServer is a statement of policy: the packages that make
// the edition know nothing of HTTP or file watching, so a build is the same
// in the preview server and on the command line. Only serve (and the tests'
// helpers) may import net/http or fsnotify.
func TestPipelineHasNoServer(t *testing.T) {
	t.Parallel()
	pipeline := []string{"report", "content", "markup", "terms", "figures", "chart", "script", "search", "embed", "site", "check", "diag"}
	for _, p := range pipeline {
		pkg := "edition/generator/internal/" + p
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == "net/http" || strings.HasPrefix(dep, "github.com/fsnotify/") {
				t.Errorf("%s depends on %s; the build pipeline must not serve or watch", pkg, dep)
			}
		}
	}
}
