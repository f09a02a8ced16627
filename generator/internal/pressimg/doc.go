// Package pressimg draws the edition's images for the press: a PNG of
// every chart (1080 px wide, the width a WeChat 公众号 article uses) with
// its title, values, source line, the edition's name and a QR code of its
// permalink; and a 1200 × 630 share card for every page.
//
// Charts are drawn from chart.Drawing, the same resolved model the SVG is
// drawn from. Text is set from the committed glyph outlines of package
// glyphs, never system fonts; shapes are rasterised by
// github.com/tdewolff/canvas and written as 8-bit paletted PNGs with a
// fixed palette and no metadata, so the same inputs give the same bytes.
package pressimg
