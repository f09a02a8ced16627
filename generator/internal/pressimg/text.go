package pressimg

import (
	"strconv"
	"strings"
	"sync"

	"edition/generator/internal/glyphs"
)

// Fonts sets text from the glyph subset. It keeps each outline parsed
// once, so one Fonts serves a whole build (safe for concurrent use).
type Fonts struct {
	font *glyphs.Font
	// Record, when set, collects every character drawn instead of failing
	// on missing ones: `fontsubset` renders all images with it.
	Record *Used

	mu    sync.Mutex
	paths map[string][]seg // weight + rune
}

// Used is the characters drawn in each weight.
type Used struct {
	mu            sync.Mutex
	Regular, Bold map[rune]bool
}

// NewUsed returns an empty record.
func NewUsed() *Used { return &Used{Regular: map[rune]bool{}, Bold: map[rune]bool{}} }

func (u *Used) add(bold bool, s string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	m := u.Regular
	if bold {
		m = u.Bold
	}
	for _, r := range s {
		if r != joiner {
			m[r] = true
		}
	}
}

// NewFonts sets text from f.
func NewFonts(f *glyphs.Font) *Fonts {
	return &Fonts{font: f, paths: map[string][]seg{}}
}

// style is how a run of text is set: size in pixels, weight and colour.
type style struct {
	Size  float64
	Bold  bool
	Color colorName
}

func (f *Fonts) face(bold bool) *glyphs.Face { return f.font.Face(bold) }

// faceFor is the face that draws r: the bold subset covers fewer
// characters than the regular one (GB2312 level 1 against both levels),
// so a bold title with a rarer character sets that one character in the
// regular weight rather than failing the build.
func (f *Fonts) faceFor(r rune, bold bool) *glyphs.Face {
	if bold && !f.font.Bold.Has(r) && f.font.Regular.Has(r) {
		return f.font.Regular
	}
	return f.face(bold)
}

// advance is the width of r in pixels; a character the subset lacks is
// one em wide (it is an error unless recording).
func (f *Fonts) advance(r rune, st style) float64 {
	if r == joiner {
		return 0
	}
	face := f.faceFor(r, st.Bold)
	g, ok := face.Glyphs[r]
	if !ok {
		return st.Size
	}
	return g.Advance * st.Size / face.UnitsPerEm
}

func (f *Fonts) width(s string, st style) float64 {
	w := 0.0
	for _, r := range s {
		w += f.advance(r, st)
	}
	return w
}

// check is the first character of s the subset lacks, as an error, or
// nil; when recording it notes s and never fails.
func (f *Fonts) check(s string, st style) error {
	if f.Record != nil {
		f.Record.add(st.Bold, s)
		return nil
	}
	s = strings.ReplaceAll(s, string(joiner), "")
	if st.Bold {
		// Only what neither weight has is missing (see faceFor).
		for _, r := range f.font.Bold.Missing(s) {
			if !f.font.Regular.Has(r) {
				return &glyphs.MissingError{Rune: r, Weight: glyphs.Bold, Text: s}
			}
		}
		return nil
	}
	return f.face(false).Check(s)
}

// joiner (U+2060 WORD JOINER) glues the characters around it: a line
// never breaks there. It has no width and no glyph.
const joiner = '\u2060'

// unbreakable glues s into one unit, so a citation such as 二（一）¶1
// never wraps in the middle.
func unbreakable(s string) string {
	return strings.Join(strings.Split(s, ""), string(joiner))
}

// glyph returns the outline of r in font units, parsed once; nil for a
// blank or missing glyph.
func (f *Fonts) glyph(r rune, bold bool) []seg {
	face := f.faceFor(r, bold)
	k := face.Weight + string(r)
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.paths[k]; ok {
		return p
	}
	p := parsePath(face.Glyphs[r].Path)
	f.paths[k] = p
	return p
}

// parsePath reads the path data glyphs.Subset writes: absolute M, L, Q, C
// and Z, numbers separated by spaces. Anything else ends the path.
func parsePath(d string) []seg {
	var out []seg
	for len(d) > 0 {
		op := d[0]
		d = d[1:]
		n := map[byte]int{'M': 2, 'L': 2, 'Q': 4, 'C': 6, 'Z': 0}
		k, ok := n[op]
		if !ok {
			return out
		}
		if op == 'Z' {
			continue
		}
		s := seg{op: op}
		for i := 0; i < k; i++ {
			j := strings.IndexAny(d, "MLQCZ ")
			if j < 0 {
				j = len(d)
			}
			v, err := strconv.ParseFloat(d[:j], 64)
			if err != nil {
				return out
			}
			s.p[i] = v
			d = strings.TrimPrefix(d[j:], " ")
		}
		out = append(out, s)
	}
	return out
}

// noLineStart are characters a line may not begin with.
const noLineStart = "，。、；：？！」』）》〉”’%％·…"

// noLineEnd are characters a line may not end with.
const noLineEnd = "（《〈「『“‘"

// wrap splits s into lines at most w pixels wide, keeping numbers and
// Latin words whole and punctuation off the start of a line.
func (f *Fonts) wrap(s string, st style, w float64) []string {
	var lines []string
	var cur []rune
	cw := 0.0
	for _, r := range s {
		a := f.advance(r, st)
		if len(cur) > 0 && cw+a > w {
			k := breakAt(cur, r)
			lines = append(lines, strings.TrimRight(string(cur[:k]), " "))
			cur = append([]rune(nil), cur[k:]...)
			cw = f.width(string(cur), st)
		}
		cur = append(cur, r)
		cw += a
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// breakAt picks where to end a full line cur before next.
func breakAt(cur []rune, next rune) int {
	for k := len(cur); k > 1; k-- {
		after := next
		if k < len(cur) {
			after = cur[k]
		}
		before := cur[k-1]
		if strings.ContainsRune(noLineStart, after) || strings.ContainsRune(noLineEnd, before) {
			continue
		}
		if before == joiner || after == joiner || word(before) && word(after) {
			continue
		}
		return k
	}
	return len(cur) // nowhere better: break anyway
}

func word(r rune) bool { return r < 0x80 && r != ' ' || r == '.' }
