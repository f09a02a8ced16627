package chart

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

// The default charts fit a 360 px phone and a 1280 px desktop without
// horizontal overflow, and no chart text is drawn smaller than 11 CSS px;
// at 大 (html.text-l, the root font at 125%) on a phone the narrow layout
// is shown instead and no chart text is under 16 CSS px. Set
// SCREENSHOTS=dir to keep PNGs to look at.
func TestChartsInBrowser(t *testing.T) {
	browsertest.Need(t)
	page := fixturePage(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	for _, c := range []struct {
		name    string
		width   int
		mobile  bool
		large   bool
		minText float64
	}{{"phone-360", 360, true, false, 11}, {"phone-320", 320, true, false, 11}, {"desktop-1280", 1280, false, false, 11},
		{"phone-360-large", 360, true, true, 16}, {"desktop-1280-large", 1280, false, true, 16}} {
		t.Run(c.name, func(t *testing.T) {
			ctx := browsertest.New(t, browsertest.Options{Width: c.width, Height: 800, Mobile: c.mobile})
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
				t.Fatal(err)
			}
			if c.large {
				// What reader-head.js and 20-search.css do for 大.
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.documentElement.className+=" text-l";document.documentElement.style.fontSize="125%"`)); err != nil {
					t.Fatal(err)
				}
			}
			// The charts shown: one layout of each.
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[].filter.call(document.querySelectorAll("figure.chart svg"), function(s){return s.getBoundingClientRect().width>0}).length`))
			if err != nil {
				t.Fatal(err)
			}
			if _, specs := realCharts(t); n != len(specs) {
				t.Errorf("%d charts on the page, want %d", n, len(specs))
			}
			over, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if over {
				t.Error("the page scrolls sideways")
			}
			// Every <text> shown must lie inside its svg and be at least
			// minText px tall.
			bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function(){
				var out = [];
				var svgs = document.querySelectorAll("figure.chart svg");
				for (var i = 0; i < svgs.length; i++) {
					var box = svgs[i].getBoundingClientRect();
					if (!box.width) continue;
					var ts = svgs[i].querySelectorAll("text");
					for (var j = 0; j < ts.length; j++) {
						var r = ts[j].getBoundingClientRect();
						var scale = box.width / svgs[i].viewBox.baseVal.width;
						var fs = parseFloat(getComputedStyle(ts[j]).fontSize) * scale;
						if (fs < `+fmt.Sprint(c.minText)+`) out.push(svgs[i].closest("figure").id + ": " + ts[j].textContent + " is " + fs.toFixed(1) + "px");
						if (r.right > box.right + 1 || r.left < box.left - 1) out.push(svgs[i].closest("figure").id + ": " + ts[j].textContent + " sticks out");
					}
				}
				return out;
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				t.Error(b)
			}
			if dir := os.Getenv("SCREENSHOTS"); dir != "" {
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("charts-%s.png", c.name)), png, 0o644); err != nil {
					t.Fatal(err)
				}
				_, specs := realCharts(t)
				for _, sp := range specs {
					png := shootChart(t, ctx, sp.ID)
					if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%s.png", sp.ID, c.name)), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if c.mobile && c.width == 360 {
					shoot(t, ctx, dir, "dark", emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
					shoot(t, ctx, dir, "print", emulation.SetEmulatedMediaParams{Media: "print"})
				}
			}
		})
	}
}

// shoot screenshots two charts under emulated media (dark mode, print).
func shoot(t *testing.T, ctx context.Context, dir, name string, media emulation.SetEmulatedMediaParams) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, media)
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"main-targets", "investment-plan"} {
		png := shootChart(t, ctx, id)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%s.png", id, name)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// shootChart scrolls a chart to the top of the viewport and captures the
// viewport (chromedp's element screenshots misplace their clip on long
// pages).
func shootChart(t *testing.T, ctx context.Context, id string) []byte {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("chart-`+id+`").scrollIntoView(), true)`)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	return png
}
