package sitetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"edition/generator/internal/browsertest"
)

// chartTextJS measures the chart text a reader sees: for every <text> of
// every chart layout shown, its font size in CSS px (its size in user
// units times the SVG's scale), and whether it lies outside its SVG.
const chartTextJS = `(function(){
var out={min:1e9,body:parseFloat(getComputedStyle(document.querySelector('main p')||document.body).fontSize),shown:0,outside:[]};
var svgs=document.querySelectorAll('figure.chart svg');
for(var i=0;i<svgs.length;i++){var s=svgs[i],box=s.getBoundingClientRect();if(!box.width)continue;out.shown++;
var k=box.width/s.viewBox.baseVal.width,ts=s.querySelectorAll('text');
for(var j=0;j<ts.length;j++){var r=ts[j].getBoundingClientRect();
out.min=Math.min(out.min,parseFloat(getComputedStyle(ts[j]).fontSize)*k);
if(r.right>box.right+1||r.left<box.left-1||r.right>innerWidth)out.outside.push(s.closest('figure').id+': '+ts[j].textContent);}}
return out;})()`

type chartText struct {
	Min     float64  `json:"min"`
	Body    float64  `json:"body"`
	Shown   int      `json:"shown"`
	Outside []string `json:"outside"`
}

// TestChartTextAtLarge: at 大 on a 360 px and on a 320 px phone (and with
// 高對比度, as a reader who needs large text often sets both), every
// chart's text is at
// least 16 CSS px, beside body text of about 21 px, no chart text lies
// outside its chart, and no page is wider than the screen. The figures at
// 中 are logged for comparison.
func TestChartTextAtLarge(t *testing.T) {
	browsertest.Need(t)
	dir, out := built(t)
	srv := serve(t, dir)
	var charted []string
	for _, p := range pages(out) {
		if strings.Contains(string(out[p]), `<figure class="chart`) && !strings.Contains(p, "embed/") {
			charted = append(charted, p)
		}
	}
	if len(charted) == 0 {
		t.Fatal("no page with a chart")
	}
	for _, c := range []struct {
		m     mode
		width int
	}{
		{mode{name: "中", size: "m"}, 360},
		{mode{name: "大", size: "l"}, 360},
		{mode{name: "大, 高對比度", size: "l", contrast: true}, 360},
		{mode{name: "大", size: "l"}, 320},
	} {
		m := c.m
		t.Run(fmt.Sprintf("%s at %d px", m.name, c.width), func(t *testing.T) {
			ctx := inMode(t, srv.URL, browsertest.Options{Width: c.width, Height: 740, Mobile: true}, m)
			for _, p := range charted {
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.WaitReady("body")); err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[chartText](chartTextJS))
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				t.Logf("%s: %d charts, smallest chart text %.1f px, body %.1f px", p, got.Shown, got.Min, got.Body)
				if got.Shown != strings.Count(string(out[p]), `<figure class="chart`) {
					t.Errorf("%s: %d chart layouts shown, want one a chart", p, got.Shown)
				}
				if m.size == "l" && got.Min < 16 {
					t.Errorf("%s: chart text %.1f px at 大, want at least 16", p, got.Min)
				}
				for _, o := range got.Outside {
					t.Errorf("%s: chart text outside its chart: %s", p, o)
				}
				checkLayout(t, ctx, fmt.Sprintf("%s at %s", p, m.name))
			}
		})
	}
}
