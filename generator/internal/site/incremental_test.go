package site

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// testdata/edition is the fixture edition these tests build instead of
// the repository's own content/ (which editors change): the synthetic
// report generator/testdata/reports/notes-annex-simplified.txt as import
// writes it, with two parts, run-in subsections, two charts, six notes,
// an annex and a punctuation rule. To make it again:
//
//	go run ./generator import -seed generator/testdata/reports/notes-annex-simplified.txt -content generator/internal/site/testdata/edition

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

// fixtureSources are the fixture edition with the repository's templates
// and static files, in memory, for a test to edit.
func fixtureSources(t testing.TB) Sources {
	t.Helper()
	return Sources{
		Content:   memDir(t, "testdata/edition", "content"),
		Templates: memDir(t, "../../../templates", "templates"),
		Static:    memDir(t, "../../../static", "static"),
	}
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
// every kind of edit of the fixture edition exactly what a fresh build of
// the same sources gives (or the same errors).
func TestRebuildIsAFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("two whole-edition builds per edit; skipped in -short mode")
	}
	src := fixtureSources(t)
	var kept Builder
	if _, err := kept.Render(src); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name           string
		dir            Dir
		file, old, new string
	}{
		{"a character of a paragraph", src.Content, "02-part-2.md", "办好人民满意的教育", "办好人民更加满意的教育"},
		{"a paragraph's punctuation", src.Content, "02-part-2.md", "办好人民更加满意的教育", "办好人民更加满意的教育，"},
		{"text next to a term", src.Content, "02-part-2.md", "推进“人工智能+”行动", "加快推进“人工智能+”行动"},
		{"a paragraph inserted: later labels, and charts citing them, change", src.Content, "01-part-1.md", "过去一年，全市", "新增一段。 {#p1-new}\n\n过去一年，全市"},
		{"a page's citation label: charts on other pages citing it change", src.Content, "01-part-1.md", "cite: 一", "cite: 壹"},
		{"a paragraph moves to another page", src.Content, "02-part-2.md", "{#p2-3-1}", "{#p1-9-9}"},
		{"a heading", src.Content, "02-part-2.md", "# 二、2025年工作安排", "# 二、2025年主要工作安排"},
		{"a page title", src.Content, "02-part-2.md", "title: ", "title: 新"},
		{"a note's text", src.Content, "notes.yaml", "对货物进出实行分线管理的制度安排。", "对货物进出实行分线管理的制度性安排。"},
		{"a figure's measure", src.Content, "figures.tsv", "\t地区生产总值\t5.2\t", "\t全市地区生产总值\t5.2\t"},
		{"an override", src.Content, "script-overrides.tsv", "need a row.\n", "need a row.\n乾\t干\t乾坤\n"},
		{"a chart's title", src.Content, "02-part-2.md", "title: 2025年主要预期目标", "title: 2025年主要发展预期目标"},
		{"a template", src.Templates, "page.html", "<article class=\"report\">", "<article class=\"report\" data-x>"},
		{"a partial", src.Templates, "partials/share.html", "Embed partials", "The embed partials"},
		{"the UI table", src.Templates, "ui.tsv", "首頁\t首页", "首頁\t主页"},
		{"a stylesheet", src.Static, "css/chart.css", "}", "}\n"},
		{"the settings", src.Content, "site.yaml", "注释版", "注释本"},
		{"a broken anchor count", src.Content, "notes.yaml", "count: 2", "count: 3"},
		{"fixed again", src.Content, "notes.yaml", "count: 3", "count: 2"},
		{"a correction: linked to the one paragraph with its text", src.Content, "corrections.tsv", "B2B)\n", "B2B)\n12\t办好人民满\t办好人民更加满意\tcertain\t测试\n"},
		{"its text in a second paragraph: no link", src.Content, "02-part-2.md", "推进“人工智能+”行动", "办好人民更加满意，推进“人工智能+”行动"},
		{"and back", src.Content, "02-part-2.md", "办好人民更加满意，推进“人工智能+”行动", "推进“人工智能+”行动"},
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
				t.Logf("both builds fail alike: %v", werr)
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
