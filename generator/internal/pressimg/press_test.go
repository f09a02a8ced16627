package pressimg

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"edition/generator/internal/chart"
	"edition/generator/internal/figures"
	"edition/generator/internal/glyphs"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt and the checked-in PNGs")

// specs are the fixture charts: one of each kind, with two panels and a
// row lacking a target.
var specs = map[string]string{
	"energy": "id: energy\nkind: compare\ntitle: 能源保供：原煤與發電量\nsubtitle: 原煤為億噸，發電量為億千瓦時\npanels: unit\n" +
		"figures: coal-2023, coal-2024, power-2023, power-2024, power-export-2023\n",
	"power-capacity": "id: power-capacity\nkind: part\ntitle: 2024年電力裝機容量目標及其中的新能源\nsubtitle: 萬千瓦；2024年目標\n" +
		"figures: capacity-2024, new-energy-capacity-2024\n",
	"grain": "id: grain\nkind: bar\ntitle: 糧食產量\nnote: 2024年為目標\nfigures: grain-2023, grain-2024\n",
}

// eyeballed are the images kept in testdata/ as files, looked at by eye
// when they change.
var eyeballed = map[string]bool{"energy.png": true, "power-capacity.png": true, "card-part-2-1.png": true}

func fixture(t *testing.T) (*Fonts, *figures.Dataset) {
	t.Helper()
	font, err := glyphs.Load()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/figures.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := figures.Parse("testdata/figures.tsv", data)
	if err != nil {
		t.Fatal(err)
	}
	return NewFonts(font), ds
}

func permalink(id string) string { return "https://edition.example.org/zh-hant/figures/#chart-" + id }

// cite labels the test dataset's paragraphs as their pages would.
func cite(p string) string {
	return map[string]string{"p1-2": "一¶2", "p1-3": "一¶3", "p2-1-1": "二（一）¶1", "p2-2-1": "二（二）¶1", "p2-5-3": "二（五）¶3"}[p]
}

func chartInfo(id string) ChartInfo {
	return ChartInfo{Edition: "朔州市2024年政府工作報告 · 注釋版", Report: "朔州市2024年政府工作報告", Cite: cite, Permalink: permalink(id)}
}

func drawing(t *testing.T, ds *figures.Dataset, id string) *chart.Drawing {
	t.Helper()
	spec, err := chart.ParseSpec(specs[id])
	if err != nil {
		t.Fatal(err)
	}
	d, err := chart.Draw(spec, ds)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var cards = map[string]CardInfo{
	"card-part-2-1.png": {Title: "以能源革命綜合改革為牽引，全力構建現代化產業體系", Cite: "二（一）", Report: "朔州市2024年政府工作報告", Edition: "朔州市2024年政府工作報告 · 注釋版", Site: "edition.example.org"},
	"card-notes.png":    {Title: "注釋", Edition: "朔州市2024年政府工作報告 · 注釋版"},
	"card-figures.png":  {Title: "數據與圖表", Report: "朔州市2024年政府工作報告", Edition: "朔州市2024年政府工作報告 · 注釋版"},
}

// render makes every fixture image, by file name.
func render(t *testing.T) map[string][]byte {
	f, ds := fixture(t)
	out := map[string][]byte{}
	for id := range specs {
		b, err := Chart(f, drawing(t, ds, id), chartInfo(id))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		out[id+".png"] = b
	}
	for name, c := range cards {
		b, err := Card(f, c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b
	}
	return out
}

// TestGolden pins every fixture image by its SHA-256: the same sources
// give the same bytes. A change is reviewed by looking at the PNGs kept
// in testdata/ (go test -update rewrites both).
func TestGolden(t *testing.T) {
	imgs := render(t)
	var names []string
	for n := range imgs {
		names = append(names, n)
	}
	sort.Strings(names)
	var golden strings.Builder
	fmt.Fprintf(&golden, "version %s\n", Version)
	for _, n := range names {
		fmt.Fprintf(&golden, "%x  %s\n", sha256.Sum256(imgs[n]), n)
	}
	want, err := os.ReadFile("testdata/golden.txt")
	if err != nil && !*update {
		t.Fatal(err)
	}
	changed := golden.String() != string(want)
	// Cached images are keyed by Version: new pixels need a new Version,
	// or a build would keep serving the old ones from its cache.
	if changed && strings.HasPrefix(string(want), "version "+Version+"\n") {
		t.Fatalf("the images changed but Version is still %q: bump it in key.go, then run go test -update and look at the PNGs in testdata/\ngot:\n%swant:\n%s", Version, golden.String(), want)
	}
	if *update {
		writeGolden(t, golden.String(), imgs)
		return
	}
	if changed {
		t.Errorf("images differ from testdata/golden.txt (run go test -update, then look at the PNGs in testdata/):\ngot:\n%swant:\n%s", golden.String(), want)
	}
	for n := range eyeballed {
		if b, err := os.ReadFile(filepath.Join("testdata", n)); err != nil || !bytes.Equal(b, imgs[n]) {
			t.Errorf("testdata/%s is not the image rendered now (run go test -update and look at it)", n)
		}
	}
}

func writeGolden(t *testing.T, golden string, imgs map[string][]byte) {
	if err := os.WriteFile("testdata/golden.txt", []byte(golden), 0o644); err != nil {
		t.Fatal(err)
	}
	for n := range eyeballed {
		if err := os.WriteFile(filepath.Join("testdata", n), imgs[n], 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRenderTwiceSame: no state leaks between renders (glyph cache,
// palette, map order).
func TestRenderTwiceSame(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every fixture twice; skipped in -short mode")
	}
	a, b := render(t), render(t)
	for n := range a {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two renders", n)
		}
	}
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestImagesAreWhatTheySay: sizes, and each chart's QR code, read from the
// whole image by an independent pure-Go decoder, is its permalink.
func TestImagesAreWhatTheySay(t *testing.T) {
	for n, b := range render(t) {
		img := decodePNG(t, b)
		w, h := img.Bounds().Dx(), img.Bounds().Dy()
		if strings.HasPrefix(n, "card-") {
			if w != CardWidth || h != CardHeight {
				t.Errorf("%s is %d×%d, want %d×%d", n, w, h, CardWidth, CardHeight)
			}
			continue
		}
		if w < 1080 {
			t.Errorf("%s is %d px wide, want at least 1080", n, w)
		}
		id := strings.TrimSuffix(n, ".png")
		if got := decodeQR(t, img); got != permalink(id) {
			t.Errorf("%s: QR code reads %q, want %q", n, got, permalink(id))
		}
	}
}

func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("no QR code found: %v", err)
	}
	return res.GetText()
}

// TestMissingGlyph: a character outside the subset fails the render,
// naming the character and the command that adds it.
func TestMissingGlyph(t *testing.T) {
	f, ds := fixture(t)
	d := drawing(t, ds, "grain")
	d.Title = "糧食產量𠀋"
	_, err := Chart(f, d, chartInfo("grain"))
	var me *glyphs.MissingError
	if !errors.As(err, &me) || me.Rune != '𠀋' {
		t.Fatalf("err = %v, want a MissingError for 𠀋", err)
	}
	for _, want := range []string{"U+2000B", glyphs.Command, "糧食產量𠀋"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if _, err := Card(f, CardInfo{Title: "𠀋"}); !errors.As(err, &me) {
		t.Errorf("card: err = %v, want a MissingError", err)
	}
}

// TestRecord: recording collects the characters drawn, per weight, and
// does not fail on missing ones.
func TestRecord(t *testing.T) {
	f, _ := fixture(t)
	f.Record = NewUsed()
	if _, err := Card(f, CardInfo{Title: "𠀋題", Edition: "版"}); err != nil {
		t.Fatal(err)
	}
	if !f.Record.Bold['𠀋'] || !f.Record.Bold['題'] || !f.Record.Regular['版'] || f.Record.Regular['題'] {
		t.Errorf("recorded regular %v bold %v", f.Record.Regular, f.Record.Bold)
	}
}

// TestKeys: a key changes with every input of an image and only then.
func TestKeys(t *testing.T) {
	f, ds := fixture(t)
	d := drawing(t, ds, "grain")
	base := ChartKey(f.font.Sum, d, chartInfo("grain"))
	if !bytes.Equal(base, ChartKey(f.font.Sum, drawing(t, ds, "grain"), chartInfo("grain"))) {
		t.Fatal("the same inputs give different keys")
	}
	d2 := drawing(t, ds, "grain")
	d2.Panels[0].Rows[0].Marks[0].Text = "25.80億斤"
	conv := chartInfo("grain")
	conv.Conv = func(s string) string { return strings.ReplaceAll(s, "資料來源", "资料来源") }
	cite := chartInfo("grain")
	cite.Cite = func(p string) string { return "§" + p }
	for name, k := range map[string][]byte{
		"value":     ChartKey(f.font.Sum, d2, chartInfo("grain")),
		"permalink": ChartKey(f.font.Sum, d, chartInfo("energy")),
		"script":    ChartKey(f.font.Sum, d, conv),
		"citation":  ChartKey(f.font.Sum, d, cite),
	} {
		if bytes.Equal(k, base) {
			t.Errorf("changing the %s keeps the key", name)
		}
	}
	c := cards["card-notes.png"]
	c2 := c
	c2.Title = "注释"
	if bytes.Equal(CardKey(f.font.Sum, c), CardKey(f.font.Sum, c2)) {
		t.Error("changing a card's title keeps the key")
	}
}
