package qr

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// raster draws the code at px pixels a module with its quiet zone, the
// way a camera would see it.
func raster(c *Code, px int) image.Image {
	s := (c.Size() + 2*Quiet) * px
	img := image.NewGray(image.Rect(0, 0, s, s))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	c.Runs(func(x, y, n int) {
		for yy := (y + Quiet) * px; yy < (y+Quiet+1)*px; yy++ {
			for xx := (x + Quiet) * px; xx < (x+Quiet+n)*px; xx++ {
				img.SetGray(xx, yy, color.Gray{})
			}
		}
	})
	return img
}

// Decode reads a QR code from an image with a pure-Go decoder
// (gozxing), independent of the encoder.
func Decode(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return res.GetText()
}

func TestEncodeDecodes(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"chart permalink", "https://edition.example.org/part-1/#chart-energy"},
		{"traditional page", "https://edition.example.org/zh-hant/part-2-1/"},
		{"non-ASCII path", "https://例子.中国/图表/#能源"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Encode(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := Decode(t, raster(c, 4)); got != tc.text {
				t.Errorf("decoded %q, want %q", got, tc.text)
			}
		})
	}
}

func TestSVG(t *testing.T) {
	c, err := Encode("https://edition.example.org/")
	if err != nil {
		t.Fatal(err)
	}
	svg := c.SVG(`二维码 "x" <y>`, 160)
	for _, want := range []string{`viewBox="0 0 37 37" width="160" height="160"`, `aria-label="二维码 &quot;x&quot; &lt;y&gt;"`, `shape-rendering="crispEdges"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s:\n%s", want, svg)
		}
	}
	if again := c.SVG(`二维码 "x" <y>`, 160); again != svg {
		t.Error("SVG differs between two calls")
	}
}

func TestEncodeTooLong(t *testing.T) {
	if _, err := Encode(strings.Repeat("x", 5000)); err == nil {
		t.Error("no error for text beyond a QR code's capacity")
	}
}
