package glyphs

import (
	"crypto/sha256"
	"embed"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"
)

//go:embed font
var files embed.FS

// Always are the characters every subset keeps whatever the edition says:
// printable ASCII (added by the cutter), and the CJK punctuation, digits
// and signs that citations, values and dates use.
const Always = "，。、；：？！（）「」『』《》〈〉“”‘’—…·¶％　０１２３４５６７８９" +
	"年月日億萬千百十元噸戶個家項座條公里頃畝度人次"

// File returns the committed subset file of a weight.
func File(weight string) ([]byte, error) { return files.ReadFile("font/" + weight + ".svg") }

// Dir is where the subset lives in the repository, for messages.
const Dir = "generator/internal/glyphs/font"

// Command is what an editor runs to remake the subset.
const Command = "go run ./generator fontsubset"

// Weights of the subset, each one file in font/.
const (
	Regular = "regular"
	Bold    = "bold"
)

// Glyph is one character's outline in font units, y up.
type Glyph struct {
	Advance float64
	Path    string // SVG path data
}

// Face is one weight: its glyphs by character and its vertical metrics.
type Face struct {
	Weight     string
	UnitsPerEm float64
	Ascent     float64 // above the baseline, positive
	Descent    float64 // below the baseline, positive
	Glyphs     map[rune]Glyph
}

// Font is both weights of the subset.
type Font struct {
	Regular, Bold *Face
	// Sum is the SHA-256 of the files, for keys of cached images.
	Sum [sha256.Size]byte
}

// Load reads the committed subset.
func Load() (*Font, error) {
	var f Font
	h := sha256.New()
	for _, w := range []struct {
		name string
		dst  **Face
	}{{Regular, &f.Regular}, {Bold, &f.Bold}} {
		b, err := files.ReadFile("font/" + w.name + ".svg")
		if err != nil {
			return nil, fmt.Errorf("%s/%s.svg: %v; run `%s`", Dir, w.name, err, Command)
		}
		h.Write(b)
		face, err := ParseFace(b)
		if err != nil {
			return nil, fmt.Errorf("%s/%s.svg: %v", Dir, w.name, err)
		}
		*w.dst = face
	}
	copy(f.Sum[:], h.Sum(nil))
	return &f, nil
}

// Empty is a font with no glyphs, for recording which characters images
// draw before any subset exists.
func Empty() *Font {
	face := func(w string) *Face {
		return &Face{Weight: w, UnitsPerEm: 1000, Ascent: 880, Descent: 120, Glyphs: map[rune]Glyph{}}
	}
	return &Font{Regular: face(Regular), Bold: face(Bold)}
}

// Sum is the SHA-256 of the committed subset files, the same as Load's
// Font.Sum, without parsing them: keys of cached images need only this.
func Sum() ([sha256.Size]byte, error) {
	h := sha256.New()
	for _, w := range []string{Regular, Bold} {
		b, err := File(w)
		if err != nil {
			return [sha256.Size]byte{}, fmt.Errorf("%s/%s.svg: %v; run `%s`", Dir, w, err, Command)
		}
		h.Write(b)
	}
	var s [sha256.Size]byte
	copy(s[:], h.Sum(nil))
	return s, nil
}

// Face returns the face of a weight (Regular or Bold).
func (f *Font) Face(bold bool) *Face {
	if bold {
		return f.Bold
	}
	return f.Regular
}

type svgFile struct {
	Font struct {
		ID   string `xml:"id,attr"`
		Face struct {
			Weight string  `xml:"font-weight,attr"`
			UPM    float64 `xml:"units-per-em,attr"`
			Ascent float64 `xml:"ascent,attr"`
			Desc   float64 `xml:"descent,attr"`
		} `xml:"font-face"`
		Glyphs []struct {
			Unicode string `xml:"unicode,attr"`
			Adv     string `xml:"horiz-adv-x,attr"`
			D       string `xml:"d,attr"`
		} `xml:"glyph"`
	} `xml:"defs>font"`
}

// ParseFace reads one SVG font file written by Subset.
func ParseFace(b []byte) (*Face, error) {
	var s svgFile
	if err := xml.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	ff := s.Font.Face
	if ff.UPM <= 0 {
		return nil, fmt.Errorf("font-face has no units-per-em")
	}
	f := &Face{Weight: s.Font.ID, UnitsPerEm: ff.UPM, Ascent: ff.Ascent, Descent: -ff.Desc, Glyphs: map[rune]Glyph{}}
	for i, g := range s.Font.Glyphs {
		r, n := utf8.DecodeRuneInString(g.Unicode)
		if r == utf8.RuneError || n != len(g.Unicode) {
			return nil, fmt.Errorf("glyph %d: unicode %q is not one character", i+1, g.Unicode)
		}
		adv, err := strconv.ParseFloat(g.Adv, 64)
		if err != nil {
			return nil, fmt.Errorf("glyph %q: horiz-adv-x %q: %v", g.Unicode, g.Adv, err)
		}
		f.Glyphs[r] = Glyph{Advance: adv, Path: g.D}
	}
	return f, nil
}

// Has reports whether the face draws r. Spaces and line breaks count as
// drawn: they have no outline.
func (f *Face) Has(r rune) bool {
	_, ok := f.Glyphs[r]
	return ok
}

// Missing returns the characters of s the face lacks, each once, in order.
func (f *Face) Missing(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if !f.Has(r) && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// Runes lists the face's characters in code point order.
func (f *Face) Runes() []rune {
	out := make([]rune, 0, len(f.Glyphs))
	for r := range f.Glyphs {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
