package sitetest

import (
	"bytes"
	"encoding/csv"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"edition/generator/internal/browsertest"
)

// TestPressImagesInOutput: every chart of both scripts has its PNG, every
// page its share card named in og:image, every QR code file decodes to
// the link it names, and the images stay within their 4 MB budget.
func TestPressImagesInOutput(t *testing.T) {
	_, out := builtBased(t)
	total, pngs := 0, 0
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".png") {
			total += len(out[n])
			pngs++
		}
		if strings.HasSuffix(n, "-qr.svg") {
			checkQR(t, n, out[n])
			total += len(out[n])
			continue
		}
		if strings.HasSuffix(n, ".svg") && strings.Contains(n, "figures/charts/") {
			if _, ok := out[strings.TrimSuffix(n, ".svg")+".png"]; !ok {
				t.Errorf("%s has no PNG beside it", n)
			}
		}
	}
	if total > 4<<20 {
		t.Errorf("%d images take %d bytes, over the 4 MB budget", pngs, total)
	}
	t.Logf("%d PNGs and their QR codes: %d bytes", pngs, total)
	og := regexp.MustCompile(`<meta property="og:image" content="([^"]+)">`)
	for _, p := range pages(out) {
		if strings.HasSuffix(p, "404.html") || strings.Contains(p, "embed/") {
			continue // not shared: the 404 page, and pages made to be framed
		}
		m := og.FindSubmatch(out[p])
		if m == nil {
			t.Errorf("%s has no og:image", p)
			continue
		}
		// Published at testBase, og:image is absolute.
		rel := strings.TrimPrefix(string(m[1]), testBase)
		if _, ok := out[rel]; !ok || rel == string(m[1]) {
			t.Errorf("%s: og:image %s is not an absolute URL of a built file", p, m[1])
		}
	}
}

// TestPanelDownloads: in the 分享 panel under a chart, 下载图片 saves a
// PNG 1080 px wide, the spreadsheet CSV starts with a byte-order mark and
// reads as the same table as the plain one, and 复制链接 copies the
// chart's absolute permalink.
func TestPanelDownloads(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir, _ := builtBased(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, browsertest.Options{})
	dl := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl}); err != nil {
		t.Fatal(err)
	}
	panel := `#chart-energy + details.share`
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/part-2-2/"), chromedp.Click(panel+" summary"),
		chromedp.Click(panel+" .share-image a")); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(waitFile(t, filepath.Join(dl, "energy.png"))))
	if err != nil {
		t.Fatalf("下载图片 gave no PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 1080 {
		t.Errorf("downloaded image is %d px wide, want 1080", w)
	}
	if err := chromedp.Do(ctx, chromedp.Click(panel+` .share-csv a[href$="-excel.csv"]`), chromedp.Click(panel+` .share-csv a[href$="energy.csv"]`)); err != nil {
		t.Fatal(err)
	}
	excel, plain := waitFile(t, filepath.Join(dl, "energy-excel.csv")), waitFile(t, filepath.Join(dl, "energy.csv"))
	if !bytes.HasPrefix(excel, []byte("\ufeff")) || bytes.HasPrefix(plain, []byte("\ufeff")) {
		t.Fatalf("BOM: spreadsheet file starts % x, program file % x", excel[:3], plain[:3])
	}
	a, errA := csv.NewReader(bytes.NewReader(excel[3:])).ReadAll()
	b, errB := csv.NewReader(bytes.NewReader(plain)).ReadAll()
	if errA != nil || errB != nil || len(a) < 2 || strings.Join(a[1], ",") != strings.Join(b[1], ",") || !strings.Contains(strings.Join(a[1], ""), "原煤") {
		t.Errorf("the two CSVs differ or do not read: %v %v\n%q\n%q", errA, errB, a, b)
	}
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
	  var got = '';
	  navigator.clipboard.writeText = function (s) { got = s; return Promise.resolve(); };
	  document.querySelector('`+panel+` .share-copy-link').click();
	  return got;
	})()`))
	if err != nil || copied != "https://edition.example.org/part-2-2/#chart-energy" {
		t.Errorf("复制链接 copied %q (%v)", copied, err)
	}
}

// waitFile waits for a download to finish and returns its bytes.
func waitFile(t *testing.T, name string) []byte {
	t.Helper()
	for i := 0; i < 300; i++ {
		if b, err := os.ReadFile(name); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no download %s", filepath.Base(name))
	return nil
}

var (
	reQRRun   = regexp.MustCompile(`M(\d+) (\d+)h(\d+)`)
	reQRLabel = regexp.MustCompile(`aria-label="[^"：]*：([^"]+)"`)
	reQRSize  = regexp.MustCompile(`viewBox="0 0 (\d+) \d+"`)
)

// checkQR reads a QR code SVG back into pixels and decodes it with gozxing:
// it must say the link its label names.
func checkQR(t *testing.T, name string, svg []byte) {
	t.Helper()
	label, size := reQRLabel.FindSubmatch(svg), reQRSize.FindSubmatch(svg)
	if label == nil || size == nil {
		t.Errorf("%s: no label or size", name)
		return
	}
	n, _ := strconv.Atoi(string(size[1]))
	const px = 4
	img := image.NewGray(image.Rect(0, 0, n*px, n*px))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, m := range reQRRun.FindAllSubmatch(svg, -1) {
		x, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		w, _ := strconv.Atoi(string(m[3]))
		draw.Draw(img, image.Rect(x*px, y*px, (x+w)*px, (y+1)*px), image.Black, image.Point{}, draw.Src)
	}
	bmp, _ := gozxing.NewBinaryBitmapFromImage(img)
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil || res.GetText() != string(label[1]) {
		t.Errorf("%s: QR code reads %v (%v), want %s", name, res, err, label[1])
	}
}
