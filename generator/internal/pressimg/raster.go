package pressimg

import (
	"image"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// seg is one path command: M, L, Q or C with its points (x, y pairs).
type seg struct {
	op byte
	p  [6]float64
}

// raster is the image being drawn. Shapes are rasterised one small box at
// a time (a glyph, a stripe) by golang.org/x/image/vector, which for boxes
// of at most 512 pixels a side works in fixed-point arithmetic: the
// coverage it computes from line segments is the same on every machine.
// Its curve flattening is not: compiled for arm64 (or GOAMD64=v3) its
// interpolations fuse into FMA instructions and round differently, so the
// curves are flattened here (flatten.go) and vector is given lines only.
type raster struct {
	img *image.RGBA
	z   *vector.Rasterizer
}

func newRaster(w, h int) *raster {
	r := &raster{img: image.NewRGBA(image.Rect(0, 0, w, h)), z: vector.NewRasterizer(1, 1)}
	r.fill(r.img.Bounds(), paper)
	return r
}

func (r *raster) fill(box image.Rectangle, c colorName) {
	draw.Draw(r.img, box, image.NewUniform(c.rgba()), image.Point{}, draw.Src)
}

// shape fills a closed path (nonzero coverage, anti-aliased) whose
// points pt maps to pixels, y down.
func (r *raster) shape(segs []seg, pt func(x, y float64) (float64, float64), c colorName) {
	box := bounds(segs, pt).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.z.Reset(box.Dx(), box.Dy())
	r.z.DrawOp = draw.Over
	at := func(x, y float64) (float32, float32) {
		px, py := pt(x, y)
		return float32(px - float64(box.Min.X)), float32(py - float64(box.Min.Y))
	}
	f := flattener{z: r.z}
	for _, s := range segs {
		switch s.op {
		case 'M':
			f.moveTo(at(s.p[0], s.p[1]))
		case 'L':
			f.lineTo(at(s.p[0], s.p[1]))
		case 'Q':
			ax, ay := at(s.p[0], s.p[1])
			bx, by := at(s.p[2], s.p[3])
			f.quadTo(ax, ay, bx, by)
		case 'C':
			ax, ay := at(s.p[0], s.p[1])
			bx, by := at(s.p[2], s.p[3])
			cx, cy := at(s.p[4], s.p[5])
			f.cubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	r.z.ClosePath()
	r.z.Draw(r.img, box, image.NewUniform(c.rgba()), image.Point{})
}

// bounds is the pixel box around a path's points (control points
// included: they bound the curve), one pixel wider each side.
func bounds(segs []seg, pt func(x, y float64) (float64, float64)) image.Rectangle {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range segs {
		n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[s.op]
		for i := 0; i < n; i++ {
			x, y := pt(s.p[2*i], s.p[2*i+1])
			x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
		}
	}
	if x0 > x1 {
		return image.Rectangle{}
	}
	return image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
}
