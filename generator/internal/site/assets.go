package site

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"edition/generator/internal/diag"
)

// assets bundles static/css/*.css into one stylesheet and static/js/*.js
// into one script (in name order, so 00-base.css comes first), named by
// content hash, and copies every other static file as it is.
func (b *builder) assets() error {
	dir := b.src.Static
	var css, js bytes.Buffer
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
			css.WriteString("/* " + rel + " */\n")
			css.Write(data)
			css.WriteString("\n")
		case path.Dir(rel) == "js" && path.Ext(rel) == ".js":
			js.WriteString("/* " + rel + " */\n")
			js.Write(data)
			js.WriteString("\n;\n")
		default:
			b.out[rel] = data
		}
		return nil
	})
	if err != nil {
		return &diag.Error{Path: dir.Name, Msg: err.Error()}
	}
	if css.Len() > 0 {
		b.out["assets/site-"+hash8(css.Bytes())+".css"] = css.Bytes()
	}
	if js.Len() > 0 {
		b.out["assets/site-"+hash8(js.Bytes())+".js"] = js.Bytes()
	}
	return nil
}

// loadTemplates parses templates/base.html and partials with each page
// template. A template error names its file and line.
func (b *builder) loadTemplates() error {
	dir := b.src.Templates
	files, err := fs.Glob(dir.FS, "*.html")
	if err != nil || len(files) == 0 {
		return &diag.Error{Path: dir.Name, Msg: "no templates (*.html)"}
	}
	partials, _ := fs.Glob(dir.FS, "partials/*.html")
	sort.Strings(partials)
	common := template.New("").Funcs(funcs)
	for _, f := range append([]string{"base.html"}, partials...) {
		name := path.Join(dir.Name, f)
		data, err := fs.ReadFile(dir.FS, f)
		if err != nil {
			return &diag.Error{Path: name, Msg: "cannot read: " + err.Error()}
		}
		if _, err := common.New(name).Parse(string(data)); err != nil {
			return templateErr(name, err)
		}
	}
	b.tmpl = map[string]*template.Template{}
	for _, f := range files {
		if f == "base.html" {
			continue
		}
		name := path.Join(dir.Name, f)
		data, err := fs.ReadFile(dir.FS, f)
		if err != nil {
			return &diag.Error{Path: name, Msg: err.Error()}
		}
		t, err := common.Clone()
		if err != nil {
			return err
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return templateErr(name, err)
		}
		b.tmpl[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return nil
}

func (b *builder) templateNames() []string {
	var ns []string
	for n := range b.tmpl {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// templateErr keeps html/template's "template: name:line: msg" position
// but in the path:line form of every other error.
func templateErr(f string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if rest, ok := strings.CutPrefix(msg, f+":"); ok {
		line, msg, _ := strings.Cut(rest, ":")
		n, _ := strconv.Atoi(line)
		return &diag.Error{Path: f, Line: n, Msg: strings.TrimSpace(msg)}
	}
	return &diag.Error{Path: f, Msg: msg}
}

var funcs = template.FuncMap{
	"rest": func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s[1:]
	},
	"confidence": confidence,
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
