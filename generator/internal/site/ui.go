package site

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// UIFile is the table of the UI's words in both scripts, beside the
// templates: one row per phrase, Traditional<TAB>Simplified.
const UIFile = "ui.tsv"

// uiTable is the loaded table: the zh-Hans pages' words for the
// Traditional ones the templates and the Go code are written in.
type uiTable struct {
	key   string // hash of the file, for the caches
	pairs [][2]string
	r     *strings.Replacer
}

// loadUI reads the UI table from the templates directory; a missing file
// is an empty table (every phrase then goes through OpenCC).
func loadUI(d Dir) (*uiTable, error) {
	name := path.Join(d.Name, UIFile)
	data, err := fs.ReadFile(d.FS, UIFile)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = nil, nil
	}
	if err != nil {
		return nil, diag.Wrap(name, 0, "cannot read", err)
	}
	t := &uiTable{key: fmt.Sprintf("%x", sha256.Sum256(data))}
	var errs diag.List
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case len(f) < 2 || f[0] == "" || f[1] == "":
			errs = append(errs, diag.Errorf(name, i+1, "want Traditional<TAB>Simplified"))
		case utf8.RuneCountInString(f[0]) != utf8.RuneCountInString(f[1]):
			errs = append(errs, diag.Errorf(name, i+1, "%q and %q differ in length", f[0], f[1]))
		default:
			t.pairs = append(t.pairs, [2]string{f[0], f[1]})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	// Longest first, so a phrase wins over the words inside it.
	sort.SliceStable(t.pairs, func(i, j int) bool { return len(t.pairs[i][0]) > len(t.pairs[j][0]) })
	var args []string
	for _, p := range t.pairs {
		args = append(args, p[0], p[1])
	}
	t.r = strings.NewReplacer(args...)
	return t, nil
}

// simplify gives the zh-Hans words for UI text: the table's, then OpenCC
// for any phrase the table lacks.
func (t *uiTable) simplify(t2s func(string) string) func(string) string {
	return func(s string) string { return t2s(t.r.Replace(s)) }
}
