package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"os"
	"path"
	"strings"

	"edition/generator/internal/diag"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

//go:embed overlay.css
var overlayCSS string

// failure is a failed build as the editor sees it: text for the terminal
// and an overlay fragment for the browser.
type failure struct {
	text string
	html string
}

// context lines shown above and below an error line.
const (
	excerptAround = 3
	maxSourceSize = 4 << 20
)

// overlay renders build errors. It reads sources through an os.Root, so a
// path in an error can never name a file outside the project.
type overlay struct {
	root *os.Root
	css  string // overlay.css plus chroma's classes
}

func newOverlay(root *os.Root) *overlay {
	var css strings.Builder
	css.WriteString(overlayCSS)
	// The formatter options change the CSS (highlighting makes the wrapper a
	// grid), so the CSS comes from a formatter set up like excerptHTML's.
	formatter(1, 1).WriteCSS(&css, styles.Get("github"))
	return &overlay{root: root, css: css.String()}
}

// formatter numbers lines from first and marks line mark, with CSS classes
// (prefixed pv-) rather than inline styles.
func formatter(first, mark int) *chromahtml.Formatter {
	return chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.ClassPrefix("pv-"),
		chromahtml.WithLineNumbers(true),
		chromahtml.WrapLongLines(true),
		chromahtml.BaseLineNumber(first),
		chromahtml.HighlightLines([][2]int{{mark, mark}}),
	)
}

// render describes err: each positioned error (diag.Error, diag.List) with
// its source excerpt, or the bare message for any other error.
func (o *overlay) render(err error) *failure {
	errs := diag.All(err)
	if len(errs) == 0 {
		errs = []*diag.Error{{Msg: err.Error()}}
	}
	var text, body strings.Builder
	text.WriteString("preview: build failed; still serving the last good build\n")
	for _, e := range errs {
		ex := o.readExcerpt(e)
		text.WriteString(errorText(e, ex))
		body.WriteString(errorHTML(e, ex))
	}
	return &failure{text: text.String(), html: overlayHTML(o.css, len(errs), body.String())}
}

// An excerpt is the source lines around an error line.
type excerpt struct {
	lines       []string
	first       int  // number of lines[0]
	frontMatter bool // the error line is inside a leading "---" block
}

// readExcerpt reads the lines around e.Line; empty when the file or the line
// cannot be read.
func (o *overlay) readExcerpt(e *diag.Error) excerpt {
	if e.Path == "" || e.Line <= 0 || o.root == nil {
		return excerpt{}
	}
	info, err := o.root.Stat(e.Path)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxSourceSize {
		return excerpt{}
	}
	b, err := o.root.ReadFile(e.Path)
	if err != nil {
		return excerpt{}
	}
	src := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	all := strings.Split(src, "\n")
	if e.Line > len(all) {
		return excerpt{}
	}
	first := max(1, e.Line-excerptAround)
	last := min(len(all), e.Line+excerptAround)
	return excerpt{lines: all[first-1 : last], first: first, frontMatter: inFrontMatter(all, e.Line)}
}

// inFrontMatter reports whether line n lies inside a leading "---" block.
func inFrontMatter(lines []string, n int) bool {
	if strings.TrimSpace(lines[0]) != "---" {
		return false
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			return n <= i+1
		}
	}
	return true
}

// errorText is the terminal form: "path:line:col: msg" and numbered source
// lines, the failing one marked with ">".
func errorText(e *diag.Error, ex excerpt) string {
	var b strings.Builder
	if pos := position(e); pos != "" {
		b.WriteString(pos + ": ")
	}
	b.WriteString(e.Msg)
	b.WriteByte('\n')
	for i, l := range ex.lines {
		n := ex.first + i
		mark := " "
		if n == e.Line {
			mark = ">"
		}
		fmt.Fprintf(&b, "  %s %4d | %s\n", mark, n, l)
	}
	return b.String()
}

// position is "path:line:col", "path:line" or "path".
func position(e *diag.Error) string {
	switch {
	case e.Path == "":
		return ""
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return e.Path
}

func errorHTML(e *diag.Error, ex excerpt) string {
	var b strings.Builder
	b.WriteString(`<section class="pv-item">`)
	if pos := position(e); pos != "" {
		b.WriteString(`<p class="pv-pos"><code>` + html.EscapeString(pos) + `</code></p>`)
	}
	b.WriteString(`<p class="pv-msg">` + html.EscapeString(e.Msg) + `</p>`)
	if len(ex.lines) > 0 {
		b.WriteString(highlight(e, ex))
	}
	b.WriteString(`</section>`)
	return b.String()
}

// highlight formats the excerpt with chroma, marking the error line. The
// excerpt is lexed in the language of the file: YAML inside Markdown front
// matter, Go templates under templates/.
func highlight(e *diag.Error, ex excerpt) string {
	src := strings.Join(ex.lines, "\n") + "\n"
	it, err := lexerFor(e.Path, ex.frontMatter).Tokenise(nil, src)
	if err != nil {
		return `<pre>` + html.EscapeString(src) + `</pre>`
	}
	var b bytes.Buffer
	if err := formatter(ex.first, e.Line).Format(&b, styles.Get("github"), it); err != nil {
		return `<pre>` + html.EscapeString(src) + `</pre>`
	}
	return b.String()
}

func lexerFor(p string, frontMatter bool) chroma.Lexer {
	var l chroma.Lexer
	switch {
	case frontMatter:
		l = lexers.Get("yaml")
	case strings.HasPrefix(p, "templates/") && path.Ext(p) == ".html":
		l = lexers.Get("go-html-template")
	default:
		l = lexers.Match(path.Base(p))
	}
	if l == nil {
		l = lexers.Fallback
	}
	return chroma.Coalesce(l)
}

// overlayHTML wraps the error sections in the dialog. It is the same markup
// whether injected into a page by the server or by client.js.
func overlayHTML(css string, n int, body string) string {
	title := "Build failed · 构建失败"
	if n > 1 {
		title = fmt.Sprintf("Build failed: %d errors · 构建失败（%d 处）", n, n)
	}
	return `<div id="__preview-overlay" role="alertdialog" aria-modal="false" aria-labelledby="__preview-title" aria-describedby="__preview-desc" tabindex="-1">` +
		`<style>` + css + `</style>` +
		`<div class="pv-box">` +
		`<div class="pv-head"><h2 id="__preview-title">` + html.EscapeString(title) + `</h2>` +
		`<button type="button" class="pv-close" data-preview-close aria-label="Hide until the next build · 暂时隐藏">×</button></div>` +
		`<p id="__preview-desc" class="pv-desc">The page below is the last good build. Fix the file and this message clears by itself. · 下面是上次成功的版本；修正文件后此提示会自动消失。</p>` +
		body +
		`</div></div>`
}
