package site

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestRenderLeavesTheModel: the render stage only reads the model that
// resolve built. Everything a template can see of it (its exported
// fields, as JSON) is the same after rendering as before, in each
// edition, based and not.
func TestRenderLeavesTheModel(t *testing.T) {
	t.Parallel()
	for _, baseURL := range []string{"", "https://edition.example.org/"} {
		src := fixtureSources(t)
		src.BaseURL = baseURL
		var bl Builder
		eds, _, err := bl.editions(src, &memSink{out: Output{}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range eds {
			m, err := e.resolve()
			if err != nil {
				t.Fatal(err)
			}
			before := modelJSON(t, m)
			out := &memSink{out: Output{}}
			e.sink = out
			r := e.renderer()
			if err := r.render(m); err != nil {
				t.Fatal(err)
			}
			if err := r.images(m.Images); err != nil {
				t.Fatal(err)
			}
			if len(out.out) < 50 {
				t.Fatalf("%s: rendered %d files", e.Lang, len(out.out))
			}
			if after := modelJSON(t, m); !bytes.Equal(before, after) {
				i := 0
				for i < len(before) && i < len(after) && before[i] == after[i] {
					i++
				}
				t.Errorf("%s (base %q): rendering changed the model at byte %d: before …%s…, after …%s…",
					e.Lang, baseURL, i, excerpt(before, i), excerpt(after, i))
			}
		}
	}
}

// modelJSON is what templates can read of m.
func modelJSON(t *testing.T, m *Model) []byte {
	t.Helper()
	b, err := json.Marshal(struct {
		Site             *Site
		Pages, SitePages []*Page
		Embeds           []*EmbedPage
		Files            map[string][]byte
		Search           any
		Images           []string
	}{m.Site, m.Pages, m.SitePages, m.Embeds, m.Files, m.Search, imageNames(m)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func imageNames(m *Model) []string {
	var names []string
	for _, j := range m.Images {
		names = append(names, j.name)
	}
	return names
}

func excerpt(b []byte, i int) []byte {
	return b[max(0, i-60):min(len(b), i+60)]
}
