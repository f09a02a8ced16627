package validate

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"edition/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

func fixtureServer(t testing.TB) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestAxe(t *testing.T) {
	NeedAxe(t)
	base := fixtureServer(t)
	tests := []struct {
		name    string
		page    string
		want    map[string][]string // rule id → targets of failing nodes
		options browsertest.Options
	}{
		{name: "accessible zh-Hant", page: "valid-hant.html"},
		{name: "accessible zh-Hant on a phone", page: "valid-hant.html", options: browsertest.Options{Width: 360, Height: 640, Mobile: true}},
		{name: "accessible zh-Hans", page: "valid-hans.html"},
		{
			name: "image without alt, low contrast",
			page: "inaccessible.html",
			want: map[string][]string{"image-alt": {"#map"}, "color-contrast": {"p"}},
		},
		{
			name: "strict CSP does not stop the audit",
			page: "csp.html",
			want: map[string][]string{"image-alt": {"#chart"}},
		},
		{
			name: "iframe content is audited",
			page: "frame.html",
			want: map[string][]string{"image-alt": {"iframe | img"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := browsertest.New(t, tt.options)
			vs, err := Axe(ctx, base+"/"+tt.page)
			if missing(t, err) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, v := range vs {
				for _, n := range v.Nodes {
					got[v.ID] = append(got[v.ID], strings.Join(n.Target, " | "))
				}
				sort.Strings(got[v.ID])
			}
			want := tt.want
			if want == nil {
				want = map[string][]string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("violations = %v, want %v", got, want)
				for _, v := range vs {
					t.Log(v)
				}
			}
		})
	}
}

func TestAxeConfigDisable(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Options{})
	vs, err := AxeConfig{Disable: []string{"color-contrast"}}.Audit(ctx, fixtureServer(t)+"/inaccessible.html")
	if missing(t, err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].ID != "image-alt" {
		t.Errorf("violations = %v, want only image-alt", vs)
	}
}

func TestAuditPageAfterClick(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Options{})
	if err := chromedp.Do(ctx, chromedp.Navigate(fixtureServer(t)+"/valid-hans.html")); err != nil {
		t.Fatal(err)
	}
	// The page changes after load, as an enhancement script would change it.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("img").removeAttribute("alt")`)); err != nil {
		t.Fatal(err)
	}
	vs, err := AxeConfig{}.AuditPage(ctx)
	if missing(t, err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].ID != "image-alt" {
		t.Errorf("violations = %v, want only image-alt", vs)
	}
}

func TestAccessibleHelper(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Options{Width: 360, Height: 640, Mobile: true})
	Accessible(t, ctx, fixtureServer(t)+"/valid-hant.html")
}

// BenchmarkAxe audits one report-sized page per iteration, reloading it.
func BenchmarkAxe(b *testing.B) {
	files := reportPages(b, 1)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Dir(files[0]))))
	defer srv.Close()
	url := srv.URL + "/" + filepath.Base(files[0])
	ctx := browsertest.New(b, browsertest.Options{Width: 360, Height: 640, Mobile: true, Timeout: 10 * time.Minute})
	for b.Loop() {
		vs, err := Axe(ctx, url)
		if missing(b, err) {
			return
		}
		if err != nil || len(vs) > 0 {
			b.Fatal(err, vs)
		}
	}
}
