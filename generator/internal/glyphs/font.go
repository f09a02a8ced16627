package glyphs

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
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
	// Sum is the SHA-256 of the files (SumFile), for keys of cached images.
	Sum [sha256.Size]byte
}

// Load reads the committed subset.
func Load() (*Font, error) {
	var f Font
	sum, err := Sum()
	if err != nil {
		return nil, err
	}
	f.Sum = sum
	for _, w := range []struct {
		name string
		dst  **Face
	}{{Regular, &f.Regular}, {Bold, &f.Bold}} {
		b, err := files.ReadFile("font/" + w.name + ".svg")
		if err != nil {
			return nil, fmt.Errorf("%s/%s.svg: %v; run `%s`", Dir, w.name, err, Command)
		}
		face, err := ParseFace(b)
		if err != nil {
			return nil, fmt.Errorf("%s/%s.svg: %v", Dir, w.name, err)
		}
		*w.dst = face
	}
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

// SumFile holds the SHA-256 of the two weights' files (regular, then
// bold), written by the command beside them. The files are megabytes
// (the common set: package fontsubset), and a build whose images all come
// from the cache needs only this hash for their keys: reading it instead
// of hashing 11 MB keeps such a build fast. TestSumFile proves it current.
const SumFile = "sum.txt"

// Sum is the subset's hash from SumFile, without reading the outlines.
func Sum() ([sha256.Size]byte, error) {
	var s [sha256.Size]byte
	b, err := files.ReadFile("font/" + SumFile)
	if err != nil {
		return s, fmt.Errorf("%s/%s: %v; run `%s`", Dir, SumFile, err, Command)
	}
	h, _, _ := strings.Cut(string(b), " ")
	if n, err := hex.Decode(s[:], []byte(h)); err != nil || n != len(s) {
		return s, fmt.Errorf("%s/%s:1: %q is not a SHA-256; run `%s`", Dir, SumFile, h, Command)
	}
	return s, nil
}

// FilesSum hashes the subset files themselves, regular then bold, as
// SumLine does: what SumFile must say.
func FilesSum() ([sha256.Size]byte, error) {
	h := sha256.New()
	for _, w := range []string{Regular, Bold} {
		f, err := files.Open("font/" + w + ".svg")
		if err != nil {
			return [sha256.Size]byte{}, fmt.Errorf("%s/%s.svg: %v; run `%s`", Dir, w, err, Command)
		}
		_, err = io.Copy(h, f) // streamed: no copy of the megabytes
		f.Close()
		if err != nil {
			return [sha256.Size]byte{}, err
		}
	}
	var s [sha256.Size]byte
	copy(s[:], h.Sum(nil))
	return s, nil
}

// SumLine is SumFile's content for the files' bytes, regular and bold.
func SumLine(regular, bold []byte) []byte {
	h := sha256.New()
	h.Write(regular)
	h.Write(bold)
	return fmt.Appendf(nil, "%x  %s.svg %s.svg, written by `%s`\n", h.Sum(nil), Regular, Bold, Command)
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

// ParseFace reads one SVG font file written by Subset: its glyphs by
// fastGlyphs when it can, else by encoding/xml.
func ParseFace(b []byte) (*Face, error) {
	if fast, ok := fastGlyphs(b); ok {
		head := b
		if i := bytes.Index(b, []byte("<glyph")); i >= 0 {
			head = append(b[:i:i], "</font></defs></svg>"...)
		}
		f, err := parseSVG(head)
		if err == nil && len(f.Glyphs) == 0 {
			f.Glyphs = fast
			return f, nil
		}
	}
	return parseSVG(b)
}

func parseSVG(b []byte) (*Face, error) {
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
