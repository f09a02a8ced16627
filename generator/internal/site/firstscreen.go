package site

import (
	"bytes"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"edition/generator/internal/diag"
)

// Stylesheets a page needs for its first screen are inlined in its <head>,
// so the first paint waits for no second request: on a slow phone link
// (400 ms latency, 400 kbps) that request alone cost about 0.5 s. Only
// what appears further down loads afterwards, from a <link> at the end of
// the body: the styles of the 分享 / 嵌入 panel and embed pages
// (css/embed.css) and the code highlighting. The whole bundle stays for
// embed pages, which are small.

// lateCSS names the stylesheets left out of the inline part.
var lateCSS = map[string]bool{"css/embed.css": true}

// featureCSS names the stylesheets only some pages need, by the feature
// they style: a page that shows no chart does not carry the charts'
// styles in its head, nor one without notes the notes' (on the home page
// that is 12 of 23 KB).
var featureCSS = map[string]string{"css/chart.css": StyleCharts, "css/notes.css": StyleNotes}

// The features of Page.Styles.
const (
	StyleCharts = "charts"
	StyleNotes  = "notes"
)

// styleSets are the values Page.Styles can take.
var styleSets = []string{"", StyleCharts, StyleNotes, StyleCharts + " " + StyleNotes}

// splitCSS returns the minified first-screen styles for each of
// styleSets, from the stylesheets in the order bundled, and the late
// bundle's content. The comments and runs of spaces that explain the CSS
// in the repository are not sent on every page: tdewolff/parse's CSS
// lexer (the maintained lexer under tdewolff/minify, which itself would
// bring net/http into the build) finds them.
func splitCSS(name string, sheets []sheet, chroma []byte) (map[string]template.CSS, []byte, error) {
	var late bytes.Buffer
	for _, s := range sheets {
		if lateCSS[s.rel] {
			late.Write(s.data)
			late.WriteString("\n")
		}
	}
	late.Write(chroma)
	inline := map[string]template.CSS{}
	for _, set := range styleSets {
		var first bytes.Buffer
		for _, s := range sheets {
			f, optional := featureCSS[s.rel]
			if lateCSS[s.rel] || optional && !slices.Contains(strings.Fields(set), f) {
				continue
			}
			first.Write(s.data)
			first.WriteString("\n")
		}
		min, err := compact(first.Bytes())
		if err != nil {
			return nil, nil, &diag.Error{Path: name, Msg: "CSS: " + err.Error()}
		}
		// The CSS goes inside <style>: it must not close the element.
		inline[set] = template.CSS(strings.ReplaceAll(string(min), "</", `<\/`))
	}
	return inline, late.Bytes(), nil
}

// sheet is one stylesheet of static/css.
type sheet struct {
	rel  string
	data []byte
}

// compact drops comments and shortens each run of white space to one
// space, or to none next to a brace, semicolon or comma, or after a
// colon (a space before
// a colon stays: "html.js :target" is not "html.js:target").
func compact(src []byte) ([]byte, error) {
	l := css.NewLexer(parse.NewInputBytes(src))
	var b bytes.Buffer
	space := false
	for {
		tt, text := l.Next()
		switch tt {
		case css.ErrorToken:
			if err := l.Err(); err != nil && err != io.EOF {
				return nil, err
			}
			return b.Bytes(), nil
		case css.CommentToken:
			continue
		case css.WhitespaceToken:
			space = true
			continue
		}
		tight := tt == css.LeftBraceToken || tt == css.RightBraceToken || tt == css.SemicolonToken || tt == css.CommaToken
		if space && !tight && b.Len() > 0 && !bytes.ContainsAny(b.Bytes()[b.Len()-1:], "{};:,") {
			b.WriteByte(' ')
		}
		space = false
		b.Write(text)
	}
}
