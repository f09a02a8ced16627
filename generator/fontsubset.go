package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"edition/generator/internal/fontsubset"
	"edition/generator/internal/glyphs"
	"edition/generator/internal/pressimg"
	"edition/generator/internal/site"
)

// fontFlags are fontsubset's: the full fonts the subset is cut from.
type fontFlags struct {
	regular, bold string
	index         int
	common        bool
}

func (f *fontFlags) register(fl *flag.FlagSet) {
	const dir = "/usr/share/fonts/opentype/noto/" // Debian's fonts-noto-cjk
	fl.StringVar(&f.regular, "font-regular", dir+"NotoSansCJK-Regular.ttc", "fontsubset: full regular `font` (OpenType or collection)")
	fl.StringVar(&f.bold, "font-bold", dir+"NotoSansCJK-Bold.ttc", "fontsubset: full bold `font`")
	fl.IntVar(&f.index, "font-index", 2, "fontsubset: face in a collection (2: Noto Sans CJK SC)")
	fl.BoolVar(&f.common, "common", true, "fontsubset: also cut the common set, so any report builds: regular gets all 6,763 GB2312 hanzi, bold (titles only) GB2312 level 1's 3,755, each with every Traditional form OpenCC converts it to or from; -common=false: only what the images draw")
}

// runFontSubset renders every image of the edition recording the
// characters drawn, then cuts those, the characters the subset already
// has, and glyphs.Always from the full fonts into
// generator/internal/glyphs/font/, with the common set
// (fontsubset.Common) unless -common=false, and writes their hash
// (glyphs.SumFile). Keeping what is there lets one subset serve this
// edition and the test reports (run it once per -content); to start
// afresh, delete the files first. It overwrites only files it made before
// (they carry its name).
func runFontSubset(o options, ff fontFlags, stdout io.Writer) error {
	bl := &site.Builder{Record: pressimg.NewUsed()}
	if _, err := bl.Render(site.DirSources(o.content, o.templates, o.static)); err != nil {
		return err
	}
	var outs [2][]byte
	for i, w := range []struct {
		weight, font string
		used         map[rune]bool
	}{{glyphs.Regular, ff.regular, bl.Record.Regular}, {glyphs.Bold, ff.bold, bl.Record.Bold}} {
		out, err := cutWeight(ff, w.weight, w.font, w.used, stdout)
		if err != nil {
			return err
		}
		outs[i] = out
	}
	return writeOwn(filepath.Join(filepath.FromSlash(glyphs.Dir), glyphs.SumFile), glyphs.SumLine(outs[0], outs[1]))
}

// cutWeight cuts and writes one weight's file: what it has, what the
// images drew (used) and the common set.
func cutWeight(ff fontFlags, weight, font string, used map[rune]bool, stdout io.Writer) ([]byte, error) {
	var common []rune
	if ff.common {
		var err error
		if common, err = fontsubset.Common(weight == glyphs.Bold); err != nil {
			return nil, err
		}
	}
	data, err := os.ReadFile(font)
	if err != nil {
		return nil, fmt.Errorf("%w (install Debian's fonts-noto-cjk, or name the font with -font-%s)", err, weight)
	}
	name := filepath.Join(filepath.FromSlash(glyphs.Dir), weight+".svg")
	runes, added := union(keptRunes(name), used, common)
	out, err := fontsubset.Cut(fontsubset.Source{Data: data, Index: ff.index, Name: filepath.Base(font)}, weight, runes)
	if err != nil {
		return nil, err
	}
	if err := writeOwn(name, out); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "fontsubset: %s: %d characters the images draw, %d new; %d characters, %d bytes\n",
		filepath.ToSlash(name), len(used), added, len(runes), len(out))
	return out, nil
}

// union is the characters of kept, used and common, each once, in code
// point order, and how many of them kept lacked.
func union(kept []rune, used map[rune]bool, common []rune) ([]rune, int) {
	set := map[rune]bool{}
	for _, r := range kept {
		set[r] = true
	}
	n := len(set)
	for r := range used {
		set[r] = true
	}
	for _, r := range common {
		set[r] = true
	}
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, len(set) - n
}

// keptRunes are the characters of an existing subset file.
func keptRunes(name string) []rune {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	f, err := glyphs.ParseFace(b)
	if err != nil {
		return nil
	}
	return f.Runes()
}

// writeOwn writes a subset file, refusing to overwrite a file that is not
// one (run from another directory, the path could name anything).
func writeOwn(name string, b []byte) error {
	old, err := os.ReadFile(name)
	if err == nil && !bytes.Contains(old, []byte("by `"+glyphs.Command+"`")) {
		return fmt.Errorf("%s: not a subset this command made; leaving it alone", name)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o666)
}
