package hilite

import (
	"html/template"
	"strings"
)

// CSV highlights comma-separated values as chroma's csv lexer does
// (lexers/embedded/csv.xml): commas and line ends are punctuation, a
// field is a string, a field that starts with a quote is a double-quoted
// string with "" as its escape. Every input has this shape.
func CSV(code string) template.HTML {
	return format(lexCSV(ensureLF(code)))
}

func lexCSV(s string) tokens {
	var ts tokens
	for s != "" {
		switch s[0] {
		case '\n', ',':
			ts.add(punct, s[:1])
			s = s[1:]
		case '"':
			ts.add(strDouble, `"`)
			s = lexQuoted(&ts, s[1:])
		default:
			n := strings.IndexAny(s, "\n,")
			if n < 0 {
				n = len(s)
			}
			ts.add(str, s[:n])
			s = s[n:]
		}
	}
	return ts
}

// lexQuoted is the escaped state, after the opening quote: it returns
// what follows the closing quote (or "" when there is none).
func lexQuoted(ts *tokens, s string) string {
	for s != "" {
		switch {
		case strings.HasPrefix(s, `""`):
			ts.add(strEscape, `""`)
			s = s[2:]
		case s[0] == '"':
			ts.add(strDouble, `"`)
			return s[1:]
		default:
			n := strings.IndexByte(s, '"')
			if n < 0 {
				n = len(s)
			}
			ts.add(strDouble, s[:n])
			s = s[n:]
		}
	}
	return s
}
