package report

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"edition/generator/internal/diag"
	"edition/generator/internal/srcfs"
)

// Result is a read report with what was done to it.
type Result struct {
	Report   *Report
	Lines    []Line // repaired, punctuated lines in seed order (restored lines included)
	Repairs  int    // recorded replacements applied
	Restored int    // recorded lines restored (such as a missing title)
	// Conversions are recorded corrections of the seed's machine
	// conversion to Traditional (后→後, 并→並), Traditional edition only.
	Conversions int
	Punct       int           // marks changed by the punctuation rule
	Warnings    []*diag.Error // possible unrecorded damage
}

// Read repairs, punctuates and parses a seed. corr may be nil (a report with
// no corrections file).
func Read(path string, seed []byte, corr *Corrections) (*Result, error) {
	lines, err := SplitLines(path, seed)
	if err != nil {
		return nil, err
	}
	fixed, err := corr.Repair(path, lines)
	if err != nil {
		return nil, err
	}
	res := &Result{Warnings: Scan(path, fixed)}
	res.count(corr.items())
	m := corr.PunctMap()
	for i := range fixed {
		var n int
		fixed[i].Text, n = Punctuate(fixed[i].Text, m)
		res.Punct += n
	}
	res.Lines = fixed
	res.Report, err = Parse(path, fixed)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, res.Report.Warnings...)
	return res, nil
}

// count counts the corrections by class: restored lines, conversion
// errors and repairs.
func (res *Result) count(items []Correction) {
	for _, c := range items {
		switch {
		case c.Insertion():
			res.Restored++
		case c.Confidence == ConversionError:
			res.Conversions++
		default:
			res.Repairs++
		}
	}
}

// ReadFiles reads the seed at seedPath and repairs it with the corrections
// file at corrPath, if that exists. Paths in errors are the ones given.
func ReadFiles(seedPath, corrPath string) (*Result, error) {
	seed, err := ReadSeed(seedPath)
	if err != nil {
		return nil, err
	}
	var corr *Corrections
	if corrPath != "" {
		data, err := readSource(corrPath)
		switch {
		case err == nil:
			if corr, err = ParseCorrections(corrPath, data); err != nil {
				return nil, err
			}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, &diag.Error{Path: corrPath, Msg: err.Error()}
		}
	}
	return Read(seedPath, seed, corr)
}

// ReadSeed reads the seed file at p through srcfs, so that a named pipe,
// a device or a file over srcfs.MaxFile is refused rather than read (a
// FIFO given as the seed would otherwise hang import).
func ReadSeed(p string) ([]byte, error) {
	seed, err := readSource(p)
	if err != nil {
		var r *srcfs.Refused
		if errors.As(err, &r) {
			return nil, &diag.Error{Path: p, Msg: r.Reason + "; refused"}
		}
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, &diag.Error{Path: p, Msg: "cannot read the seed: " + msg}
	}
	return seed, nil
}

// readSource reads the file p, refusing what srcfs refuses.
func readSource(p string) ([]byte, error) {
	return srcfs.New(filepath.Dir(p), filepath.ToSlash(filepath.Dir(p))).ReadFile(filepath.Base(p))
}

// SplitLines splits a seed into lines, accepting LF or CRLF and a missing
// final newline, and rejects text that is not UTF-8 with the line it is on.
func SplitLines(path string, seed []byte) ([]string, error) {
	if len(seed) == 0 {
		return nil, diag.Errorf(path, 1, "the seed is empty")
	}
	s := strings.TrimPrefix(string(seed), "\uFEFF")
	s = strings.TrimSuffix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		lines[i] = l
		if !utf8.ValidString(l) {
			return nil, diag.Errorf(path, i+1, "not UTF-8 text (convert the seed to UTF-8 first)")
		}
		if strings.ContainsRune(l, 0) {
			return nil, diag.Errorf(path, i+1, "contains a NUL byte: not a text file")
		}
	}
	if strings.TrimSpace(s) == "" {
		return nil, diag.Errorf(path, 1, "the seed is empty")
	}
	return lines, nil
}
