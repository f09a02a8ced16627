package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"edition/generator/internal/script"
)

// TestUITable: every word of the templates' own text has its Simplified
// form in templates/ui.tsv, so no zh-Hans page depends on OpenCC for its
// menus and labels. A new phrase fails here with the row to add.
func TestUITable(t *testing.T) {
	ui, err := loadUI(Dir{FS: os.DirFS("../../../templates"), Name: "templates"})
	if err != nil {
		t.Fatal(err)
	}
	cv, err := script.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../../templates/*.html")
	partials, _ := filepath.Glob("../../../templates/partials/*")
	action := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	han := regexp.MustCompile(`\p{Han}[\p{Han}、，：；（）“”]*`)
	for _, f := range append(files, partials...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := action.ReplaceAllString(string(b), "\x00")
		for _, run := range han.FindAllString(text, -1) {
			if len(cv.Lint(f, ui.r.Replace(run))) > 0 {
				t.Errorf("%s: UI text %q has no row in templates/%s; add: %s\t%s", filepath.Base(f), run, UIFile, run, cv.T2S(run))
			}
		}
	}
}

func TestUITableRows(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"good", "# c\n目錄\t目录\n", ""},
		{"one column", "目錄\n", "t/ui.tsv:1: want Traditional<TAB>Simplified"},
		{"lengths differ", "目錄\t目\n", "t/ui.tsv:1: \"目錄\" and \"目\" differ in length"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ui, err := loadUI(Dir{FS: fstest.MapFS{UIFile: {Data: []byte(c.data)}}, Name: "t"})
			switch {
			case c.want == "" && err != nil:
				t.Fatal(err)
			case c.want == "":
				if got := ui.simplify(strings.ToUpper)("目錄 · 目錄"); got != "目录 · 目录" {
					t.Errorf("simplify = %q", got)
				}
			case err == nil || !strings.Contains(err.Error(), c.want):
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}
