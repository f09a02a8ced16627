// Package glyphs holds the outlines of the characters the edition's images
// (chart PNGs and share cards) draw, cut from Noto Sans CJK SC, and checks
// that every character an image needs is there.
//
// The outlines are committed in font/ as SVG fonts (W3C SVG 1.1 <font>),
// one per weight, so the build needs no system fonts and gives the same
// pixels on any machine. Noto Sans CJK is a CID-keyed CFF font, which the
// Go font libraries on the module proxy cannot subset into a smaller
// OpenType file (tdewolff/font stops at "only single-font CFFs are
// supported"); an outline file is the plainest subset that any renderer can
// draw, and its size grows only with the characters used.
//
// Package fontsubset makes the files from the full font (run `go run
// ./generator fontsubset`); Load reads the committed ones and imports no
// font library.
package glyphs
