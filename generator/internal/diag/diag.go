// Package diag carries source positions with errors, so every message about
// an input reads "path:line: what is wrong" from the start instead of being
// scraped back out of strings later.
package diag

import (
	"errors"
	"fmt"
	"strings"
)

// Error is an error about one place in an input file.
type Error struct {
	Path string // file as the user names it, e.g. "content/02-1.md"
	Line int    // 1-based; 0 when the whole file is meant
	Col  int    // 1-based column in characters; 0 when unknown
	Msg  string
	Err  error // the cause, if any, for errors.Is and errors.As; Msg already says it
}

// Unwrap returns the cause, so errors.Is(err, fs.ErrNotExist) and the like
// still see through the position.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
}

// Errorf returns an *Error at path:line.
func Errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error at path:line whose message is what, then err's,
// and whose cause is err.
func Wrap(path string, line int, what string, err error) *Error {
	msg := err.Error()
	if what != "" {
		msg = what + ": " + msg
	}
	return &Error{Path: path, Line: line, Msg: msg, Err: err}
}

// List is several input errors reported together, so an editor sees every
// problem in one build rather than one per run.
type List []*Error

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list, so callers can `return list.Err()`.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// All returns every positioned error inside err (a *Error, a List, or either
// wrapped), for tools such as the preview overlay that show each one.
func All(err error) []*Error {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}
