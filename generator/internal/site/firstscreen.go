package site

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"

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

// splitCSS returns the minified first-screen styles, from the stylesheets
// in the order bundled, and the late bundle's content. Minifying is
// tdewolff/minify's (a maintained minifier), so comments and spaces
// that explain the CSS in the repository are not sent on every page.
func splitCSS(name string, sheets []sheet, chroma []byte) (template.CSS, []byte, error) {
	var first, late bytes.Buffer
	for _, s := range sheets {
		if lateCSS[s.rel] {
			late.Write(s.data)
			late.WriteString("\n")
			continue
		}
		first.Write(s.data)
		first.WriteString("\n")
	}
	late.Write(chroma)
	m := minify.New()
	var min bytes.Buffer
	if err := css.Minify(m, &min, &first, nil); err != nil {
		return "", nil, &diag.Error{Path: name, Msg: "minify CSS: " + err.Error()}
	}
	// The CSS goes inside <style>: it must not close the element.
	inline := strings.ReplaceAll(min.String(), "</", `<\/`)
	return template.CSS(inline), late.Bytes(), nil
}

// sheet is one stylesheet of static/css.
type sheet struct {
	rel  string
	data []byte
}
