package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"edition/generator/internal/diag"
	"edition/generator/internal/hilite"
)

// bundles are the assets' paths below the site root, and the styles
// inlined in each page's head (firstscreen.go).
type bundles struct {
	CSS, JS, LateCSS string
	InlineCSS        map[string]template.CSS // by Page.Styles
}

// assets bundles static/css/*.css into one stylesheet and static/js/*.js
// into one script (in name order, so 00-base.css comes first), named by
// content hash, and copies every other static file as it is. Pages inline
// the first-screen part of the CSS and link the rest (firstscreen.go).
func (bl *Builder) assets(dir Dir, out Output) (bundles, error) {
	var cssb, jsb bytes.Buffer
	var sheets []sheet
	err := fs.WalkDir(dir.FS, ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(dir.FS, rel)
		if err != nil {
			return err
		}
		switch {
		case path.Dir(rel) == "css" && path.Ext(rel) == ".css":
			sheets = append(sheets, sheet{rel, data})
			cssb.WriteString("/* " + rel + " */\n")
			cssb.Write(data)
			cssb.WriteString("\n")
		case path.Dir(rel) == "js" && path.Ext(rel) == ".js":
			jsb.WriteString("/* " + rel + " */\n")
			jsb.Write(data)
			jsb.WriteString("\n;\n")
		default:
			out[rel] = data
		}
		return nil
	})
	var b bundles
	if err != nil {
		return b, &diag.Error{Path: dir.Name, Msg: err.Error()}
	}
	chroma := hilite.CSS
	cssb.Write(chroma)
	if cssb.Len() > 0 {
		b.CSS = "assets/site-" + hash8(cssb.Bytes()) + ".css"
		out[b.CSS] = cssb.Bytes()
	}
	inline, late, err := bl.splitStyles(dir.Name, sheets, chroma)
	if err != nil {
		return b, err
	}
	b.InlineCSS = inline
	if len(late) > 0 {
		b.LateCSS = "assets/late-" + hash8(late) + ".css"
		out[b.LateCSS] = late
	}
	if jsb.Len() > 0 {
		b.JS = "assets/site-" + hash8(jsb.Bytes()) + ".js"
		out[b.JS] = jsb.Bytes()
	}
	return b, nil
}

// splitStyles is splitCSS, remembered by the Builder: lexing the style
// sheets was a twentieth of a rebuild that changed none of them.
func (bl *Builder) splitStyles(name string, sheets []sheet, chroma []byte) (map[string]template.CSS, []byte, error) {
	type split struct {
		inline map[string]template.CSS
		late   []byte
		err    error
	}
	inputs := func(h *maphash.Hash) {
		h.WriteString(name + "\x00")
		for _, s := range sheets {
			fmt.Fprintf(h, "%s\x00%d\x00", s.rel, len(s.data))
			h.Write(s.data)
		}
		h.Write(chroma)
	}
	r := memoised(bl, "css", inputs, func() split {
		inline, late, err := splitCSS(name, sheets, chroma)
		return split{inline, late, err}
	})
	return r.inline, r.late, r.err
}

// loadTemplates parses templates/base.html and the partials with each page
// template, in the edition's script. A template error names its file and
// line (conversion keeps lines). Parsed templates are kept by the Builder
// until a template file or the script conversion changes.
func (e *edition) loadTemplates() error {
	dir := e.src.Templates
	files, err := fs.Glob(dir.FS, "*.html")
	if err != nil || len(files) == 0 {
		return &diag.Error{Path: dir.Name, Msg: "no templates (*.html)"}
	}
	partials, _ := fs.Glob(dir.FS, "partials/*")
	sort.Strings(partials)
	data := map[string][]byte{}
	h := sha256.New()
	if e.bl != nil {
		io.WriteString(h, e.Lang+"\x00"+e.bl.convKey+"\x00"+e.uiKey+"\x00")
	}
	for _, f := range append(files, partials...) {
		b, err := fs.ReadFile(dir.FS, f)
		if err != nil {
			return diag.Wrap(path.Join(dir.Name, f), 0, "cannot read", err)
		}
		data[f] = b
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	e.tmplKey = key
	if t := e.bl.templates(key); t != nil {
		e.tmpl = t
		return nil
	}
	tmpl, err := e.parseTemplates(files, partials, data)
	if err != nil {
		return err
	}
	e.tmpl = tmpl
	e.bl.setTemplates(key, tmpl)
	return nil
}

// parseTemplates parses base.html and the partials once, then each page
// template with a clone of them, in the edition's script.
func (e *edition) parseTemplates(files, partials []string, data map[string][]byte) (map[string]*template.Template, error) {
	dir := e.src.Templates
	common := template.New("").Funcs(e.funcs())
	for _, f := range append([]string{"base.html"}, partials...) {
		name := path.Join(dir.Name, f)
		if _, ok := data[f]; !ok {
			return nil, &diag.Error{Path: name, Msg: "missing: every page template is executed through base.html"}
		}
		if strings.HasSuffix(f, ".js") {
			// A script partial is inlined as it is: {{template "reader-head.js"}}.
			if _, err := common.New(path.Base(f)).Parse(`<script>` + strings.TrimSpace(stripComment(string(data[f]))) + `</script>`); err != nil {
				return nil, templateErr(name, err)
			}
			continue
		}
		if _, err := common.New(name).Parse(e.ui(string(data[f]))); err != nil {
			return nil, templateErr(name, err)
		}
	}
	tmpl := map[string]*template.Template{}
	for _, f := range files {
		if f == "base.html" {
			continue
		}
		name := path.Join(dir.Name, f)
		t, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(e.ui(string(data[f]))); err != nil {
			return nil, templateErr(name, err)
		}
		tmpl[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return tmpl, nil
}

func (bl *Builder) templates(k [32]byte) map[string]*template.Template {
	if bl == nil {
		return nil
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	t, _ := bl.tmpl.get(k)
	return t
}

func (bl *Builder) setTemplates(k [32]byte, t map[string]*template.Template) {
	if bl == nil {
		return
	}
	bl.mu.Lock()
	defer bl.mu.Unlock()
	bl.tmpl.put(k, t)
}

// stripComment drops a leading /* … */ block, which documents a script
// partial in the repository but need not be sent to every reader.
func stripComment(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "/*") {
		if i := strings.Index(s, "*/"); i >= 0 {
			return s[i+2:]
		}
	}
	return s
}

func (e *edition) templateNames() []string {
	var ns []string
	for n := range e.tmpl {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// reTemplatePos finds the position text/template and html/template put in
// parse and execution errors: "template: templates/page.html:12:5: …".
var reTemplatePos = regexp.MustCompile(`^(?:html/)?template: ?(.*?):(\d+):(?:(\d+):)? ?(.*)$`)

// templateErr gives a template's parse or execution error the path:line
// form of every other error: the template file and line, not the page
// being rendered. f names the file when the error does not.
func templateErr(f string, err error) error {
	var d *diag.Error
	if errors.As(err, &d) {
		return d
	}
	m := reTemplatePos.FindStringSubmatch(err.Error())
	if m == nil {
		return &diag.Error{Path: f, Msg: strings.TrimPrefix(err.Error(), "template: "), Err: err}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &diag.Error{Path: m[1], Line: line, Col: col, Msg: strings.TrimSpace(m[4]), Err: err}
}

func (e *edition) funcs() template.FuncMap {
	return template.FuncMap{
		"rest": func(s []string) []string {
			if len(s) == 0 {
				return nil
			}
			return s[1:]
		},
		"confidence": func(s string) string { return e.ui(confidence(s)) },
		"basis":      func(s string) string { return e.ui(basis(s)) },
	}
}

// basis explains in plain Chinese how a correction of the recorded
// confidence was established; the editor's own record (English) follows
// it on the page.
func basis(s string) string {
	switch s {
	case "reproduced byte-exactly", "reproduced byte-exactly; hidden chars from context":
		return "原文的亂碼是這樣產生的：文字在轉碼時丟了一個字節，後面的字節錯位，被讀成了別的字。把修復後的文字按同樣的方式弄壞一次，得到的亂碼和原文一模一樣，所以修復是可靠的。"
	case "inferred from context":
		return "這一處沒有留下可以重現的亂碼，修復是按上下文和報告的用語推斷的。"
	case "restored from the report itself":
		return "這一行在原文中缺失；報告的目錄和其他部分寫明了它的文字，據此補回。"
	}
	return ""
}

// confidence says a correction's recorded confidence in the readers'
// language; an unknown label is shown as written.
func confidence(s string) string {
	switch s {
	case "reproduced byte-exactly":
		return "確定：按受損機制逐字節重現了原文"
	case "reproduced byte-exactly; hidden chars from context":
		return "基本確定：逐字節重現，部分被遮蔽的字據上下文確定"
	case "inferred from context":
		return "推定：據上下文推斷，受損未留痕跡"
	case "restored from the report itself":
		return "確定：據報告本身補回"
	}
	return s
}
