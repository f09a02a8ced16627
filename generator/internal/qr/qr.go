// Package qr makes QR codes of permalinks, as a module matrix that the PNG
// renderer draws and as an SVG for the share panel.
//
// It wraps github.com/skip2/go-qrcode: a small, dependency-free encoder
// whose Bitmap gives the module matrix directly, so the code is drawn as
// vector squares (sharp at any size, identical on any machine) instead of
// being scaled from a library-made raster.
package qr

import (
	"fmt"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// Quiet is the quiet zone the standard asks for around a code, in modules.
const Quiet = 4

// Code is a QR code: Modules[y][x] is true for a dark module. It has no
// quiet zone; leave Quiet modules of light around it.
type Code struct {
	Text    string
	Modules [][]bool
}

// Encode makes the QR code of text at error correction level M (15 %),
// which survives a phone camera at an angle and keeps the code small.
func Encode(text string) (*Code, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code of %q: %v", text, err)
	}
	q.DisableBorder = true
	return &Code{Text: text, Modules: q.Bitmap()}, nil
}

// Size is the number of modules on a side.
func (c *Code) Size() int { return len(c.Modules) }

// Runs calls f for each horizontal run of dark modules, so a renderer
// draws one rectangle per run instead of one per module.
func (c *Code) Runs(f func(x, y, n int)) {
	for y, row := range c.Modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			n := 1
			for x+n < len(row) && row[x+n] {
				n++
			}
			f(x, y, n)
			x += n
		}
	}
}

// SVG draws the code, quiet zone included, as one path in a square viewBox
// of modules, px CSS pixels a side (it scales to any size). label names
// it for screen readers.
func (c *Code) SVG(label string, px int) string {
	var d strings.Builder
	c.Runs(func(x, y, n int) {
		fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+Quiet, y+Quiet, n, n)
	})
	s := c.Size() + 2*Quiet
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		s, s, px, px, escape(label), s, s, d.String())
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
