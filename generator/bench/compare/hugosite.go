package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"edition/generator/internal/content"
)

// The Hugo comparison site: the same report pages as Markdown, the notes
// as one page, and a minimal theme like the one in
// shared/design/preview-anchors.md §2.1 (canonical link, description,
// RSS link, reading time, prev/next, and a contents list of the parts: a
// menu, built once, so that Hugo's cost per page does not grow with the
// number of pages either). Hugo also writes its
// default RSS feeds and sitemap. It has no second script, embeds, charts
// or search index, so Hugo does less work than the edition's build.
const hugoConfig = `baseURL = "https://edition.example.org/"
languageCode = "zh-Hant"
title = "朔州市2024年政府工作報告 · 注釋版"
hasCJKLanguage = true
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = true
`

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="zh-Hant"><head><meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<meta name="description" content="{{ .Summary | plainify | truncate 120 }}">
<meta property="og:title" content="{{ .Title }}"><meta property="og:url" content="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head><body>
<nav><ol>{{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ol></nav>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
`,
	"_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .ReadingTime }} min · {{ .WordCount }}</p>
{{ .TableOfContents }}
{{ .Content }}
</article>
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
}

var reTrailingID = regexp.MustCompile(`(?m)[ \t]*\{#[A-Za-z][A-Za-z0-9_-]*\}[ \t]*$`)

// writeHugoSite writes a Hugo site for the content in contentDir to dir.
func writeHugoSite(contentDir, dir string) error {
	c, err := content.Load(os.DirFS(contentDir), "content")
	if err != nil {
		return err
	}
	files := map[string]string{"hugo.toml": hugoConfig}
	for n, l := range hugoLayouts {
		files["layouts/"+n] = l
	}
	for _, p := range c.Pages {
		body := reTrailingID.ReplaceAllString(string(p.Source), "")
		body = strings.TrimLeft(body, "-\n ")
		name := "content/" + p.Meta.Slug + ".md"
		if p.Meta.Kind == "home" {
			name = "content/_index.md"
		}
		menu := ""
		if p.Meta.Kind == "part" || p.Meta.Kind == "closing" {
			menu = "menu: main\n"
		}
		files[name] = fmt.Sprintf("---\ntitle: %q\nslug: %q\nweight: %d\n%s---\n%s", p.Meta.Title, p.Meta.Slug, p.Meta.Order+1, menu, body)
	}
	if c.Notes != nil {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\nslug: notes\nweight: 100000\n---\n", c.Notes.Heading)
		for _, n := range c.Notes.Notes {
			fmt.Fprintf(&b, "%d. **%s**：%s\n\n", n.Number, n.Term, strings.Join(n.Text, "\n\n   "))
		}
		files["content/notes.md"] = b.String()
	}
	for n, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
