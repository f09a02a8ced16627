package hilite

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HTML highlights markup made of elements with double-quoted or bare
// attributes, text with entities, and empty <script> elements: the shape
// of an embed snippet. ok is false for anything else (comments, single
// quotes, script or style content), which chroma would lex differently.
func HTML(code string) (template.HTML, bool) {
	ts, ok := lexHTML(ensureLF(code))
	if !ok {
		return "", false
	}
	return format(ts), true
}

// lexHTML follows chroma's html lexer (lexers/embedded/html.xml): states
// root, tag, attr and script-content, for the subset described at HTML.
func lexHTML(s string) (tokens, bool) {
	var ts tokens
	for s != "" {
		switch {
		case s[0] == '&':
			n := entityLen(s)
			if n == 0 {
				return nil, false
			}
			ts.add(nameEntity, s[:n])
			s = s[n:]
		case s[0] == '<':
			var ok bool
			if s, ok = lexTagOpen(&ts, s); !ok {
				return nil, false
			}
		default:
			n := strings.IndexAny(s, "<&")
			if n < 0 {
				n = len(s)
			}
			ts.add(text, s[:n])
			s = s[n:]
		}
	}
	return ts, true
}

// entityLen is the length of `&\S*?;` at the start of s, or 0.
func entityLen(s string) int {
	for i, r := range s {
		if r == ';' {
			return i + 1
		}
		if isSpace(r) {
			return 0
		}
	}
	return 0
}

// lexTagOpen lexes from a '<': an opening tag with its attributes (and,
// for script, the closing tag right after it) or a closing tag.
func lexTagOpen(ts *tokens, s string) (string, bool) {
	rest := s[1:]
	sp := spaceLen(rest)
	name := nameLen(rest[sp:], true)
	if strings.HasPrefix(rest, "!") || strings.HasPrefix(rest, "?") {
		return s, false
	}
	if name == 0 {
		return lexTagClose(ts, s)
	}
	tag := rest[sp : sp+name]
	if strings.EqualFold(tag, "style") {
		return s, false
	}
	ts.add(punct, "<")
	ts.add(text, rest[:sp])
	ts.add(nameTag, tag)
	s = rest[sp+name:]
	script := strings.EqualFold(tag, "script")
	if script {
		// The script rule also takes the spaces after the name.
		n := spaceLen(s)
		ts.add(text, s[:n])
		s = s[n:]
	}
	s, ok := lexAttrs(ts, s)
	if !ok || !script {
		return s, ok
	}
	// script-content: only an empty element is in the subset.
	if !isClose(s, "script") {
		return s, false
	}
	return lexTagClose(ts, s)
}

// lexTagClose lexes `(<)(\s*)(/)(\s*)([\w:.-]+)(\s*)(>)`.
func lexTagClose(ts *tokens, s string) (string, bool) {
	rest := s[1:]
	sp1 := spaceLen(rest)
	if !strings.HasPrefix(rest[sp1:], "/") {
		return s, false
	}
	rest2 := rest[sp1+1:]
	sp2 := spaceLen(rest2)
	name := nameLen(rest2[sp2:], true)
	if name == 0 {
		return s, false
	}
	rest3 := rest2[sp2+name:]
	sp3 := spaceLen(rest3)
	if !strings.HasPrefix(rest3[sp3:], ">") {
		return s, false
	}
	ts.add(punct, "<")
	ts.add(text, rest[:sp1])
	ts.add(punct, "/")
	ts.add(text, rest2[:sp2])
	ts.add(nameTag, rest2[sp2:sp2+name])
	ts.add(text, rest3[:sp3])
	ts.add(punct, ">")
	return rest3[sp3+1:], true
}

// isClose reports whether s starts with the closing tag of name.
func isClose(s, name string) bool {
	if !strings.HasPrefix(s, "<") {
		return false
	}
	s = s[1:]
	s = s[spaceLen(s):]
	if !strings.HasPrefix(s, "/") {
		return false
	}
	s = s[1:]
	s = s[spaceLen(s):]
	if len(s) < len(name) || !strings.EqualFold(s[:len(name)], name) {
		return false
	}
	s = s[len(name):]
	return strings.HasPrefix(s[spaceLen(s):], ">")
}

// lexAttrs is the tag state: attributes up to and including '>'.
func lexAttrs(ts *tokens, s string) (string, bool) {
	for s != "" {
		if n := spaceLen(s); n > 0 {
			ts.add(text, s[:n])
			s = s[n:]
			continue
		}
		if n := nameLen(s, false); n > 0 {
			var ok bool
			if s, ok = lexAttr(ts, s, n); !ok {
				return s, false
			}
			continue
		}
		return lexTagEnd(ts, s)
	}
	return s, false
}

// lexAttr lexes an attribute whose name is s[:n]: `([\w:-]+\s*)(=)(\s*)`
// and a quoted value, else a bare attribute.
func lexAttr(ts *tokens, s string, n int) (string, bool) {
	sp := spaceLen(s[n:])
	if !strings.HasPrefix(s[n+sp:], "=") {
		ts.add(nameAttr, s[:n])
		return s[n:], true
	}
	ts.add(nameAttr, s[:n+sp])
	ts.add(operator, "=")
	s = s[n+sp+1:]
	sp2 := spaceLen(s)
	ts.add(text, s[:sp2])
	s = s[sp2:]
	if !strings.HasPrefix(s, `"`) {
		return s, false
	}
	end := strings.IndexByte(s[1:], '"')
	if end < 0 {
		return s, false
	}
	ts.add(str, s[:end+2])
	return s[end+2:], true
}

// lexTagEnd lexes the '>' or '/>' that ends a tag.
func lexTagEnd(ts *tokens, s string) (string, bool) {
	if strings.HasPrefix(s, ">") {
		ts.add(punct, ">")
		return s[1:], true
	}
	if strings.HasPrefix(s, "/") {
		sp := spaceLen(s[1:])
		if strings.HasPrefix(s[1+sp:], ">") {
			ts.add(punct, "/")
			ts.add(text, s[1:1+sp])
			ts.add(punct, ">")
			return s[1+sp+1:], true
		}
	}
	return s, false
}

// spaceLen is the length of `\s*` at the start of s.
func spaceLen(s string) int {
	for i, r := range s {
		if !isSpace(r) {
			return i
		}
	}
	return len(s)
}

// nameLen is the length of `[\w:-]+` (with dot when dot is true) at the
// start of s. Names are kept to ASCII; a non-ASCII letter ends the name
// and, since chroma's \w would take it, makes the caller's shape fail.
func nameLen(s string, dot bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == ':', c == '-':
		case c == '.' && dot:
		default:
			if c >= utf8.RuneSelf {
				return 0
			}
			return i
		}
	}
	return len(s)
}

// isSpace is regexp2's \s: Unicode white space.
func isSpace(r rune) bool { return unicode.IsSpace(r) }
