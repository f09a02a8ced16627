package glyphs

import (
	"fmt"

	"edition/generator/internal/diag"
)

// MissingError is a character an image needs that the subset lacks.
type MissingError struct {
	Rune   rune
	Weight string
	Text   string // the text the character is in
	Path   string // where the text comes from, when known
	Line   int
}

func (e *MissingError) Error() string { return e.Diag().Error() }

// Diag is the error as path:line: message, naming the character, the file
// it is missing from and the command that adds it.
func (e *MissingError) Diag() *diag.Error {
	path := e.Path
	if path == "" {
		path = Dir + "/" + e.Weight + ".svg"
	}
	return &diag.Error{Path: path, Line: e.Line, Msg: fmt.Sprintf(
		"the character %q (U+%04X) in %q is not in the image font subset %s/%s.svg; run `%s` with this build's -content flag to add it",
		string(e.Rune), e.Rune, e.Text, Dir, e.Weight, Command)}
}

// Check returns a MissingError for the first character of s the face lacks.
func (f *Face) Check(s string) error {
	if m := f.Missing(s); len(m) > 0 {
		return &MissingError{Rune: m[0], Weight: f.Weight, Text: s}
	}
	return nil
}
