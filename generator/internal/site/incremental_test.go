package site

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// memDir loads a directory into memory, so a test can edit it freely.
func memDir(t testing.TB, dir, name string) Dir {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS(dir), p)
		m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return Dir{FS: m, Name: name}
}

func editFile(t *testing.T, d Dir, name, old, new string) {
	t.Helper()
	m := d.FS.(fstest.MapFS)
	f, ok := m[name]
	if !ok || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	m[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1), Mode: 0o644}
}

// TestRebuildIsAFreshBuild: the preview's Builder, which remembers parsed
// pages, templates, conversions and embeds between builds, gives after
// every kind of edit exactly what a fresh build of the same sources gives
// (or the same errors).
func TestRebuildIsAFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("two whole-edition builds per edit; skipped in -short mode")
	}
	src := Sources{
		Content:   memDir(t, "../../../content", "content"),
		Templates: memDir(t, "../../../templates", "templates"),
		Static:    memDir(t, "../../../static", "static"),
	}
	var kept Builder
	if _, err := kept.Render(src); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name           string
		dir            Dir
		file, old, new string
	}{
		{"a character of a paragraph", src.Content, "05-part-2-3.md", "全面貫徹黨的教育方針", "全面貫徹落實黨的教育方針"},
		{"a paragraph's punctuation", src.Content, "05-part-2-3.md", "全面貫徹落實黨的教育方針", "全面貫徹落實黨的教育方針，"},
		{"text next to a term", src.Content, "05-part-2-3.md", "鞏固“雙減”成果", "切實鞏固“雙減”成果"},
		{"a paragraph inserted: later labels, and charts citing them, change", src.Content, "01-part-1.md", "一年來，我們全力以赴建鏈條", "新增一段。 {#p1-new}\n\n一年來，我們全力以赴建鏈條"},
		{"a page's citation label: charts on other pages citing it change", src.Content, "01-part-1.md", "cite: 一", "cite: 壹"},
		{"a paragraph moves to another page", src.Content, "05-part-2-3.md", "{#p2-3-3}", "{#p2-4-9}"},
		{"a heading", src.Content, "06-part-2-4.md", "（四）以深化改革開放為引擎", "（四）以深化改革開放為動力"},
		{"a page title", src.Content, "07-part-2-5.md", "title: ", "title: 新"},
		{"a note's text", src.Content, "notes.yaml", "全周期發力", "全週期發力"},
		{"a figure's measure", src.Content, "figures.tsv", "\t地區生產總值\t4.7\t", "\t全市地區生產總值\t4.7\t"},
		{"an override", src.Content, "script-overrides.tsv", "著力\t着力", "著力\t著力"},
		{"a chart's title", src.Content, "07-part-2-5.md", "title: 公路建設：當年建成里程", "title: 公路建設：當年新建里程"},
		{"a template", src.Templates, "page.html", "<article class=\"report\">", "<article class=\"report\" data-x>"},
		{"a partial", src.Templates, "partials/share.html", "Embed partials", "The embed partials"},
		{"the UI table", src.Templates, "ui.tsv", "首頁\t首页", "首頁\t主页"},
		{"a stylesheet", src.Static, "css/chart.css", "}", "}\n"},
		{"the settings", src.Content, "site.yaml", "注釋版", "注釋本"},
		{"a broken anchor count", src.Content, "notes.yaml", "count: 2", "count: 3"},
		{"fixed again", src.Content, "notes.yaml", "count: 3", "count: 2"},
	}
	for _, ed := range edits {
		t.Run(ed.name, func(t *testing.T) {
			editFile(t, ed.dir, ed.file, ed.old, ed.new)
			got, gerr := kept.Render(src)
			want, werr := Render(src)
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Fatalf("kept Builder: %v\nfresh build: %v", gerr, werr)
			}
			if werr != nil {
				return
			}
			for n, b := range want {
				if !bytes.Equal(got[n], b) {
					t.Errorf("%s differs from a fresh build", n)
				}
			}
			for n := range got {
				if _, ok := want[n]; !ok {
					t.Errorf("%s is left over from an earlier build", n)
				}
			}
		})
	}
}
