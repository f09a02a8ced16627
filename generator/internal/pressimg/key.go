package pressimg

import (
	"encoding/json"

	"edition/generator/internal/chart"
)

// Version names the drawing code. Bump it whenever a change to this
// package or to package glyphs' parsing changes any image: it is part of
// every key, so a build cache holds no image made by older code.
// TestGolden fails when the images change and Version does not.
const Version = "pressimg/6"

// ChartKey is every input of Chart's image, as bytes to hash for a cache
// key: the drawing, the words around it, the permalink, the font subset
// (font is glyphs.Sum) and Version.
func ChartKey(font [32]byte, d *chart.Drawing, info ChartInfo) []byte {
	var cites []string
	for _, p := range d.Paras {
		cites = append(cites, info.Cite(p))
	}
	return key(font, "chart", d, info.Edition, info.Report, info.Permalink, cites, info.conv(wordSource), info.conv(wordScan))
}

// CardKey is every input of Card's image, as bytes to hash.
func CardKey(font [32]byte, c CardInfo) []byte { return key(font, "card", c) }

// QRKey is the input of a QR code's SVG.
func QRKey(url string) []byte { return key([32]byte{}, "qr-svg", url) }

func key(font [32]byte, parts ...any) []byte {
	b, _ := json.Marshal(append([]any{Version, font}, parts...)) // plain data: never fails
	return b
}
