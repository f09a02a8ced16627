package pressimg

import (
	"math"

	"golang.org/x/image/vector"
)

// A flattener turns curves into the line segments vector.Rasterizer's
// QuadTo and CubeTo would make: the same evenly spaced subdivision, point
// for point on a machine without fused multiply-add. Every product is
// converted to float32 before it is added, which the Go specification
// says prevents fusing it, so the points are the same on every machine.
type flattener struct {
	z      *vector.Rasterizer
	px, py float32 // the pen
}

func (f *flattener) moveTo(x, y float32) {
	f.z.ClosePath()
	f.z.MoveTo(x, y)
	f.px, f.py = x, y
}

func (f *flattener) lineTo(x, y float32) {
	f.z.LineTo(x, y)
	f.px, f.py = x, y
}

// quadTo flattens the quadratic Bézier from the pen through control point
// b to c.
func (f *flattener) quadTo(bx, by, cx, cy float32) {
	ax, ay := f.px, f.py
	if n := segments(devSquared(ax, ay, bx, by, cx, cy)); n > 1 {
		t, nInv := float32(0), 1/float32(n)
		for i := 0; i < n-1; i++ {
			t += nInv
			abx, aby := lerp(t, ax, ay, bx, by)
			bcx, bcy := lerp(t, bx, by, cx, cy)
			f.lineTo(lerp(t, abx, aby, bcx, bcy))
		}
	}
	f.lineTo(cx, cy)
}

// cubeTo flattens the cubic Bézier from the pen through control points b
// and c to d.
func (f *flattener) cubeTo(bx, by, cx, cy, dx, dy float32) {
	ax, ay := f.px, f.py
	devsq := max(devSquared(ax, ay, bx, by, dx, dy), devSquared(ax, ay, cx, cy, dx, dy))
	if n := segments(devsq); n > 1 {
		t, nInv := float32(0), 1/float32(n)
		for i := 0; i < n-1; i++ {
			t += nInv
			abx, aby := lerp(t, ax, ay, bx, by)
			bcx, bcy := lerp(t, bx, by, cx, cy)
			cdx, cdy := lerp(t, cx, cy, dx, dy)
			abcx, abcy := lerp(t, abx, aby, bcx, bcy)
			bcdx, bcdy := lerp(t, bcx, bcy, cdx, cdy)
			f.lineTo(lerp(t, abcx, abcy, bcdx, bcdy))
		}
	}
	f.lineTo(dx, dy)
}

// segments is how many lines approximate a curve of curviness devsq: 1
// (a straight line) below vector's threshold of 0.333.
func segments(devsq float32) int {
	if devsq < 0.333 {
		return 1
	}
	const tol = 3
	return 1 + int(math.Sqrt(math.Sqrt(tol*float64(devsq))))
}

// lerp is the point t of the way from p to q.
func lerp(t, px, py, qx, qy float32) (x, y float32) {
	return px + float32(t*(qx-px)), py + float32(t*(qy-py))
}

// devSquared measures how curvy the sequence a, b, c is (vector's
// heuristic).
func devSquared(ax, ay, bx, by, cx, cy float32) float32 {
	devx := ax - float32(2*bx) + cx
	devy := ay - float32(2*by) + cy
	return float32(devx*devx) + float32(devy*devy)
}
