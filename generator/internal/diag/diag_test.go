package diag

import (
	"errors"
	"io/fs"
	"testing"
)

func TestErrorForms(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  *Error
		want string
	}{
		{"whole file", &Error{Path: "content/site.yaml", Msg: "empty"}, "content/site.yaml: empty"},
		{"line", Errorf("content/01.md", 3, "bad %s", "kind"), "content/01.md:3: bad kind"},
		{"line and column", &Error{Path: "templates/page.html", Line: 3, Col: 34, Msg: "x"}, "templates/page.html:3:34: x"},
		{"wrapped cause", Wrap("content/figures.tsv", 0, "cannot read", fs.ErrNotExist), "content/figures.tsv: cannot read: file does not exist"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestWrapKeepsCause: a positioned error still answers errors.Is for its
// cause, inside a List too.
func TestWrapKeepsCause(t *testing.T) {
	t.Parallel()
	err := error(List{Errorf("a", 1, "x"), Wrap("b", 2, "cannot read", fs.ErrNotExist)})
	all := All(err)
	if len(all) != 2 || !errors.Is(all[1], fs.ErrNotExist) {
		t.Fatalf("All = %v; cause lost", all)
	}
	if errors.Is(all[0], fs.ErrNotExist) {
		t.Error("an error without a cause matches one")
	}
}
