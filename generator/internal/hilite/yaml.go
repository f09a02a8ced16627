package hilite

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spec highlights a chart definition (a fenced block of "key: value"
// lines) as chroma's yaml lexer does (lexers/embedded/yaml.xml). ok is
// false when a line has another shape: leading spaces, list items, quoted
// keys or values, values that chroma reads as numbers, dates, constants,
// anchors or comments, or a colon inside a value.
func Spec(code string) (template.HTML, bool) {
	ts, ok := lexSpec(ensureLF(code))
	if !ok {
		return "", false
	}
	return format(ts), true
}

func lexSpec(s string) (tokens, bool) {
	var ts tokens
	for s != "" {
		if n := spaceLen(s); n > 0 {
			// `\s+` runs on into the next line: that line must start
			// with a non-space for the rest to be in the subset.
			if s[n-1] != '\n' && n < len(s) {
				return nil, false
			}
			ts.add(whitespace, s[:n])
			s = s[n:]
			continue
		}
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i]
		}
		if !lexSpecLine(&ts, line, len(line) < len(s)) {
			return nil, false
		}
		s = s[len(line):]
	}
	return ts, true
}

// lexSpecLine lexes one line that starts with a non-space; nl tells
// whether a line end follows it.
func lexSpecLine(ts *tokens, line string, nl bool) bool {
	switch {
	case strings.HasPrefix(line, "#"):
		ts.add(comment, line)
		return true
	case line == "---", line == "...":
		// `^---`, `^\.\.\.`: document markers, as around front matter.
		ts.add(nameNamespace, line)
		return true
	case strings.HasPrefix(line, "---"), strings.HasPrefix(line, "..."),
		strings.HasPrefix(line, "//"), strings.HasPrefix(line, "%"),
		strings.HasPrefix(line, "- "), strings.HasPrefix(line, "?"):
		return false
	}
	if strings.HasSuffix(line, ":") && !strings.Contains(line, ": ") {
		return lexBareKey(ts, line[:len(line)-1], nl)
	}
	if i := strings.Index(line, ": "); i >= 0 {
		key, val := line[:i], line[i+2:]
		if !plainKey(key) {
			return false
		}
		ts.add(nameTag, key)
		ts.add(punct, ":")
		ts.add(whitespace, " ")
		if val == "" {
			return true
		}
		line = val
	}
	if !plainValue(line) {
		return false
	}
	ts.add(literal, line)
	return true
}

// lexBareKey lexes `(key)(:)(\n)`: a key with its value on the lines below.
func lexBareKey(ts *tokens, key string, nl bool) bool {
	if !nl || !plainKey(key) {
		return false
	}
	ts.add(nameTag, key)
	ts.add(punct, ":")
	return true
}

// plainKey reports whether key is what the key rule's lazy
// `((?:(?!//)[^"\n{#])*?)` takes up to the first ": ", and that the rules
// tried before it (anchors, aliases, tags) do not match at its start.
func plainKey(key string) bool {
	if key == "" || strings.ContainsAny(key, "\"{#") || strings.Contains(key, "//") {
		return false
	}
	return !strings.ContainsAny(key[:1], "!&*") && !startsWithSpace(key)
}

// plainValue reports whether chroma's value state takes v whole as one
// Literal: its first character is not special, no earlier rule (quoted
// string, date, number, constant, block scalar) matches, it holds no
// comment, and no key rule could match inside it.
func plainValue(v string) bool {
	if v == "" || strings.ContainsAny(v[:1], "{}[]?,:!-*&@#\"'|>%/+.") || startsWithSpace(v) {
		return false
	}
	if strings.Contains(v, ":") || strings.Contains(v, "#") || strings.Contains(v, "//") {
		return false
	}
	return !startsWithConstant(v) && !startsWithNumber(v)
}

// startsWithNumber reports whether the yaml lexer's date or number rule
// matches at the start of v. The number rule,
// `\b[+\-]?(0x[\da-f]+|0o[0-7]+|(\d+\.?\d*|\.?\d+)(e[\+\-]?\d+)?|\.inf|\.nan)\b`,
// matches when any of the ends its backtracking can reach is at a word
// boundary: "2024年" is a Literal (年 is a word character), "100%" a number.
func startsWithNumber(v string) bool {
	d := digits(v)
	if d == 0 {
		return false
	}
	if strings.HasPrefix(v, "0x") || strings.HasPrefix(v, "0o") || isDate(v) {
		return true
	}
	var ends []int
	for k := 1; k <= d; k++ {
		ends = append(ends, k)
	}
	if d < len(v) && v[d] == '.' {
		for j := 0; j <= digits(v[d+1:]); j++ {
			ends = append(ends, d+1+j)
		}
	}
	for _, e := range ends {
		if boundaryAt(v, e) || exponentAt(v, e) {
			return true
		}
	}
	return false
}

// exponentAt reports whether an exponent `e[\+\-]?\d+` follows the
// mantissa v[:e] and ends, after some of its digits, at a word boundary.
func exponentAt(v string, e int) bool {
	rest, ok := strings.CutPrefix(v[e:], "e")
	if !ok {
		return false
	}
	s := 0
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		s = 1
	}
	for k := 1; k <= digits(rest[s:]); k++ {
		if boundaryAt(v, e+1+s+k) {
			return true
		}
	}
	return false
}

// digits is the length in bytes of the run of digits at the start of s;
// regexp2's \d is any Unicode decimal digit.
func digits(s string) int {
	for i, r := range s {
		if !unicode.IsDigit(r) {
			return i
		}
	}
	return len(s)
}

// isDate reports whether s starts with \d\d\d\d-\d\d-\d\d.
func isDate(s string) bool {
	var shape []rune
	for _, r := range s {
		if len(shape) == 10 {
			break
		}
		if unicode.IsDigit(r) {
			r = '0'
		}
		shape = append(shape, r)
	}
	return string(shape) == "0000-00-00"
}

// boundaryAt is regexp2's \b between s[:i] and s[i:].
func boundaryAt(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return isWord(before) != (i < len(s) && isWord(after))
}

// constants are the yaml lexer's KeywordConstant words, matched at a
// word boundary.
var constants = strings.Fields("false False FALSE true True TRUE null Off off yes Yes YES OFF On ON no No on NO n N Y y")

func startsWithConstant(v string) bool {
	for _, c := range constants {
		if rest, ok := strings.CutPrefix(v, c); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isWord(r) {
				return true
			}
		}
	}
	return false
}

// isWord is regexp2's \w: letters, digits, marks, connector punctuation.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Pc, r)
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r)
}
