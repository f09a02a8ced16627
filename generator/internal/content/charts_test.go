package content

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestChartFences(t *testing.T) {
	t.Parallel()
	src := "\n\n# 一、回顧 {#s1}\n\n```chart\nid: a\n```\n\n正文。 {#p1-1}\n\n```chart\nid: b\nfigures: x\n```\n\n```chart\nid: c\n"
	want := []Fence{
		{After: "s1", Line: 5, Block: "```chart\nid: a\n```", Spec: "id: a\n"},
		{After: "p1-1", Line: 11, Block: "```chart\nid: b\nfigures: x\n```", Spec: "id: b\nfigures: x\n"},
		{After: "p1-1", Line: 16, Block: "```chart\nid: c\n", Spec: "id: c\n\n"},
	}
	if got := ChartFences(src); !reflect.DeepEqual(got, want) {
		t.Errorf("ChartFences =\n%#v\nwant\n%#v", got, want)
	}
}

// TestImportFigures: import keeps each chart after its paragraph and
// writes the dataset only when there is none.
func TestImportFigures(t *testing.T) {
	t.Parallel()
	body := []Para{{ID: "p1-1", Text: "全年生產原煤2.33億噸，增長7.2%。"}}
	page := "---\ntitle: x\n---\n全年生產原煤2.33億噸，增長7.2%。 {#p1-1}\n\n```chart\nid: coal\n```\n"
	cases := []struct {
		name      string
		fsys      fstest.MapFS
		wantFiles []string
		wantAfter map[string][]string
	}{
		{"first import", nil, []string{FiguresFile}, map[string][]string{}},
		{"charts placed, no dataset yet", fstest.MapFS{"01-a.md": {Data: []byte(page)}}, []string{FiguresFile},
			map[string][]string{"p1-1": {"```chart\nid: coal\n```"}}},
		{"the editors' dataset stays", fstest.MapFS{"01-a.md": {Data: []byte(page)}, FiguresFile: {Data: []byte("edited")}}, nil,
			map[string][]string{"p1-1": {"```chart\nid: coal\n```"}}},
	}
	for _, c := range cases {
		var fsys = c.fsys
		if fsys == nil {
			fsys = fstest.MapFS{}
		}
		files, after, err := ImportFigures(fsys, body)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var names []string
		for n := range files {
			names = append(names, n)
		}
		if !reflect.DeepEqual(names, c.wantFiles) || !reflect.DeepEqual(after, c.wantAfter) {
			t.Errorf("%s: files %v, after %q; want %v, %q", c.name, names, after, c.wantFiles, c.wantAfter)
		}
	}
}
