// Package scale makes bigger editions from a content directory, for
// measuring how the build grows: every body page (all but the home page)
// is copied n times, each copy with its own slug, order, paragraph and
// heading IDs, parent and chart IDs, so the copies build like real pages.
// Notes' anchor counts are multiplied to match, so the build's checks
// still pass. An edition of n copies has 1 + 12n pages for this report.
package scale

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"edition/generator/internal/content"
)

// Edition returns the files of content dir src with its body pages
// copied n times (n ≥ 1; n = 1 is src unchanged), by name.
func Edition(src fs.FS, n int) (map[string][]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("scale: n = %d; want at least 1", n)
	}
	out := map[string][]byte{}
	var home []byte
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		out[p] = data
		if path.Ext(p) != ".md" {
			return nil
		}
		if kindOf(data) == "home" {
			home = data
			return nil
		}
		for k := 2; k <= n; k++ {
			out[copyName(p, k)] = copyPage(data, k)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if notes, ok := out[content.NotesFile]; ok && n > 1 {
		b, err := scaleNotes(notes, home, n)
		if err != nil {
			return nil, err
		}
		out[content.NotesFile] = b
	}
	return out, nil
}

var (
	reKind   = regexp.MustCompile(`(?m)^kind:\s*(\S+)\s*$`)
	reID     = regexp.MustCompile(`(?m)\{#([A-Za-z][A-Za-z0-9_-]*)\}(\s*)$`)
	reMeta   = regexp.MustCompile(`(?m)^(slug|parent|id):[ \t]*([a-z0-9-]+)[ \t]*$`)
	reOrder  = regexp.MustCompile(`(?m)^order:[ \t]*(\d+)[ \t]*$`)
	reMDName = regexp.MustCompile(`^(.*)\.md$`)
)

func kindOf(page []byte) string {
	if m := reKind.FindSubmatch(page); m != nil {
		return string(m[1])
	}
	return ""
}

// copyName is "01-part-1.md" → "01-part-1-c2.md".
func copyName(p string, k int) string {
	return reMDName.ReplaceAllString(p, fmt.Sprintf("${1}-c%d.md", k))
}

// copyPage makes copy k of a page: its IDs, slug, parent and chart IDs
// get the suffix -ck, and its order moves after every earlier copy.
func copyPage(page []byte, k int) []byte {
	suffix := fmt.Sprintf("-c%d", k)
	page = reID.ReplaceAll(page, []byte("{#${1}"+suffix+"}${2}"))
	page = reMeta.ReplaceAll(page, []byte("${1}: ${2}"+suffix))
	return reOrder.ReplaceAllFunc(page, func(m []byte) []byte {
		o, _ := strconv.Atoi(string(reOrder.FindSubmatch(m)[1]))
		return []byte(fmt.Sprintf("order: %d", o+(k-1)*1000))
	})
}

// scaleNotes multiplies each anchor's count by n for the body pages,
// keeping the home page's occurrences once.
func scaleNotes(data, home []byte, n int) ([]byte, error) {
	ns, err := content.ParseNotes(content.NotesFile, data)
	if err != nil {
		return nil, err
	}
	text := homeText(home)
	for i := range ns.Notes {
		for j := range ns.Notes[i].Anchors {
			a := &ns.Notes[i].Anchors[j]
			h := strings.Count(text, a.Text)
			a.Count = h + n*(a.Count-h)
		}
	}
	return ns.Format(fmt.Sprintf("notes.yaml with the body copied %d times (package scale)", n)), nil
}

// homeText is the home page's body paragraphs without bold marks, where
// the build counts anchors.
func homeText(home []byte) string {
	var b strings.Builder
	parts := bytes.SplitN(home, []byte("\n---\n"), 2)
	body := parts[len(parts)-1]
	for _, l := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		b.WriteString(strings.ReplaceAll(l, "**", ""))
		b.WriteString("\n")
	}
	return b.String()
}
