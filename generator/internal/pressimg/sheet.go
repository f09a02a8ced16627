package pressimg

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// colorName is one of the few colours the images use; the light theme of
// the standalone SVG (chart.standaloneCSS).
type colorName int

const (
	paper colorName = iota
	ink
	muted
	blue
	purple
	orange
	rule
	nColors
)

func (c colorName) rgba() color.RGBA {
	return [nColors]color.RGBA{
		paper:  {0xff, 0xff, 0xff, 0xff},
		ink:    {0x1a, 0x1a, 0x1a, 0xff},
		muted:  {0x55, 0x55, 0x55, 0xff},
		blue:   {0x1f, 0x5f, 0x8b, 0xff},
		purple: {0x7a, 0x3e, 0x9d, 0xff},
		orange: {0xb4, 0x45, 0x1f, 0xff},
		rule:   {0xcc, 0xcc, 0xcc, 0xff},
	}[c]
}

// sheet is an image being laid out top to bottom in pixels, y down. The
// drawing is recorded and replayed once the height is known.
type sheet struct {
	f   *Fonts
	W   float64
	y   float64 // layout cursor
	ops []func(r *raster)
	err error // first missing glyph
}

func newSheet(f *Fonts, w float64) *sheet { return &sheet{f: f, W: w} }

func (s *sheet) do(op func(r *raster)) { s.ops = append(s.ops, op) }

// rect fills a rectangle given by its top-left corner, snapped to whole
// pixels so bars and QR modules have sharp edges.
func (s *sheet) rect(x, y, w, h float64, c colorName) {
	s.do(func(r *raster) { r.fill(snap(x, y, x+w, y+h), c) })
}

func snap(x0, y0, x1, y1 float64) image.Rectangle {
	return image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
}

// outline strokes a rectangle inside its edges.
func (s *sheet) outline(x, y, w, h, lw float64, c colorName) {
	s.rect(x, y, w, lw, c)
	s.rect(x, y+h-lw, w, lw, c)
	s.rect(x, y, lw, h, c)
	s.rect(x+w-lw, y, lw, h, c)
}

// line draws a horizontal or vertical rule lw pixels wide.
func (s *sheet) line(x1, y1, x2, y2, lw float64, c colorName) {
	if x1 == x2 {
		s.rect(x1-lw/2, math.Min(y1, y2), lw, math.Abs(y2-y1), c)
	} else {
		s.rect(math.Min(x1, x2), y1-lw/2, math.Abs(x2-x1), lw, c)
	}
}

// hatch fills a rectangle with diagonal stripes (the SVG's pattern:
// targets and wholes), each stripe a band clipped to the rectangle.
func (s *sheet) hatch(x, y, w, h float64, c colorName) {
	const gap, half = 18.0, 3.5 // along x; half the band's width along x
	for k := gap / 2; k < w+h+half; k += gap {
		poly := [][2]float64{{0, 0}, {w, 0}, {w, h}, {0, h}}
		poly = clip(poly, func(p [2]float64) float64 { return p[0] + p[1] - (k - half) })
		poly = clip(poly, func(p [2]float64) float64 { return (k + half) - p[0] - p[1] })
		if len(poly) < 3 {
			continue
		}
		var segs []seg
		for i, v := range poly {
			op := byte('L')
			if i == 0 {
				op = 'M'
			}
			segs = append(segs, seg{op: op, p: [6]float64{x + v[0], y + v[1]}})
		}
		s.do(func(r *raster) { r.shape(segs, pixels, c) })
	}
}

func pixels(x, y float64) (float64, float64) { return x, y }

// clip keeps the part of a convex polygon where in(p) ≥ 0
// (Sutherland–Hodgman against one line).
func clip(poly [][2]float64, in func([2]float64) float64) [][2]float64 {
	var out [][2]float64
	for i, a := range poly {
		b := poly[(i+1)%len(poly)]
		da, db := in(a), in(b)
		if da >= 0 {
			out = append(out, a)
		}
		if (da >= 0) != (db >= 0) {
			t := da / (da - db)
			out = append(out, [2]float64{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])})
		}
	}
	return out
}

// textAt sets one line of text with its baseline at y.
func (s *sheet) textAt(x, y float64, str string, st style) {
	s.check(str, st)
	s.glyphsAt(x, y, str, st)
}

// check notes the first character the subset lacks, with the whole text
// it is in (before wrapping), so the error quotes what the source says.
func (s *sheet) check(str string, st style) {
	if err := s.f.check(str, st); err != nil && s.err == nil {
		s.err = err
	}
}

// glyphsAt draws the outlines of a line of text, baseline at y.
func (s *sheet) glyphsAt(x, y float64, str string, st style) {
	face := s.f.face(st.Bold)
	sc := st.Size / face.UnitsPerEm
	k := x
	for _, r := range str {
		if g := s.f.glyph(r, st.Bold); len(g) > 0 {
			// Font units are y up from the baseline.
			gx := k
			pt := func(fx, fy float64) (float64, float64) { return gx + fx*sc, y - fy*sc }
			s.do(func(ras *raster) { ras.shape(g, pt, st.Color) })
		}
		k += s.f.advance(r, st)
	}
}

// para sets wrapped text at the cursor, lead times the size apart, and
// moves the cursor below it. It returns the number of lines.
func (s *sheet) para(x, w float64, str string, st style, lead float64) int {
	s.check(str, st)
	lines := s.f.wrap(str, st, w)
	for _, l := range lines {
		s.y += st.Size * lead
		s.glyphsAt(x, s.y-st.Size*(lead-1)/2-st.Size*0.14, l, st)
	}
	return len(lines)
}

// png replays the drawing on an image h pixels tall and encodes it.
func (s *sheet) png(h float64) ([]byte, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.f.Record != nil {
		return nil, nil // recording the characters only
	}
	r := newRaster(int(s.W), int(math.Ceil(h)))
	for _, op := range s.ops {
		op(r)
	}
	return encode(r.img)
}

// encode writes img as an 8-bit paletted PNG: the fixed palette makes the
// file small (a chart is a few flat colours and their anti-aliased edges)
// and, with a fixed compression level and no metadata, byte-identical.
func encode(img *image.RGBA) ([]byte, error) {
	pal := palette()
	out := image.NewPaletted(img.Bounds(), pal)
	idx := map[uint32]uint8{}
	var last uint32
	li := uint8(pal.Index(color.RGBA{}))
	idx[0] = li
	// img and out share bounds and have no padding: pixel i is Pix[4i:]
	// in one and Pix[i] in the other.
	for i := range out.Pix {
		p := img.Pix[4*i : 4*i+4 : 4*i+4]
		c := uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		if c != last {
			j, ok := idx[c]
			if !ok {
				j = uint8(pal.Index(color.RGBA{p[0], p[1], p[2], p[3]}))
				idx[c] = j
			}
			last, li = c, j
		}
		out.Pix[i] = li
	}
	var buf bytes.Buffer
	// BestSpeed: a third of the default level's time for files about 8 %
	// larger (energy.png 61 → 66 KB, 21 → 6.5 ms); encoding was two
	// thirds of drawing an image.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, out); err != nil {
		return nil, err
	}
	// An edition keeps every image until it is written: not the buffer's
	// spare capacity as well.
	return bytes.Clone(buf.Bytes()), nil
}

// palette is every colour blended with paper, and with each other where
// they meet (white text on bars, stripes on bars), in even steps.
func palette() color.Palette {
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if !seen[c] {
			seen[c] = true
			pal = append(pal, c)
		}
	}
	ramp := func(a, b colorName, n int) {
		for i := 0; i <= n; i++ {
			add(mix(a.rgba(), b.rgba(), float64(i)/float64(n)))
		}
	}
	for c := ink; c < nColors; c++ {
		ramp(paper, c, 24)
	}
	for _, pair := range [][2]colorName{{blue, orange}, {purple, orange}, {blue, purple}, {ink, muted}} {
		ramp(pair[0], pair[1], 8)
	}
	return pal
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}
