package terms

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"edition/generator/internal/report"
)

var (
	reQuoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`“[^“”]+”`) })
	reCount  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9０-９]+[家個个項项座所批]`) })
	reAside  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`（[^（）]*）|\([^()]*\)`) })
)

// quotes are the marks the quote-insensitive rule ignores.
const quotes = "“”「」『』‘’\""

// Propose finds anchors for notes in the body paragraphs by the cascade in
// the package comment, each with the number of times it occurs. It is for
// import: its output is written to the anchors file for review.
func Propose(notes []report.Note, body []string) []Anchor {
	var out []Anchor
	for _, n := range notes {
		for _, t := range propose(n, body) {
			out = append(out, Anchor{Note: n.Num, Text: t, Count: count(body, t)})
		}
	}
	return out
}

// propose returns the anchor texts of one note.
func propose(n report.Note, body []string) []string {
	if n.Term == "" {
		if len(n.Text) == 0 {
			return nil
		}
		return parts(n.Text[0], body)
	}
	if count(body, n.Term) > 0 {
		return []string{quoted(n.Term, body)}
	}
	if ts := quoteless(n.Term, body); len(ts) > 0 {
		return ts
	}
	var cores []string
	for _, q := range reQuoted().FindAllString(n.Term, -1) {
		if q != n.Term && count(body, q) > 0 {
			cores = append(cores, q)
		}
	}
	if len(cores) > 0 {
		return cores
	}
	if loc := reCount().FindStringIndex(n.Term); loc != nil {
		if rest := n.Term[loc[1]:]; rest != "" && count(body, rest) > 0 {
			return []string{rest}
		}
	}
	// 2025年10件民生实事: the body says 10件民生实事.
	if rest := reYear().ReplaceAllString(n.Term, ""); rest != n.Term && count(body, rest) > 0 {
		return []string{quoted(rest, body)}
	}
	return prefix(n.Term, body)
}

// reYear is a year a note's term may open with.
var reYear = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{4}年`) })

// prefix returns the longest head of a long term, four characters or more,
// that the body uses: 未来产业六大领域 is explained where the body says
// 未来产业. A proposal for review, like every anchor import writes.
func prefix(term string, body []string) []string {
	rs := []rune(stripQuotes(term))
	for n := len(rs) - 1; n >= 4 && len(rs) >= 6; n-- {
		if t := string(rs[:n]); count(body, t) > 0 {
			return []string{quoted(t, body)}
		}
	}
	return nil
}

func count(body []string, t string) int {
	if t == "" {
		return 0
	}
	c := 0
	for _, p := range body {
		c += strings.Count(p, t)
	}
	return c
}

// quoteless finds term with its quotes ignored on both sides and returns the
// distinct body strings found, in body order.
func quoteless(term string, body []string) []string {
	bare := stripQuotes(term)
	if bare == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range body {
		s, at := strippedIndex(p)
		for from := 0; ; {
			i := strings.Index(s[from:], bare)
			if i < 0 {
				break
			}
			st, en := at[from+i], at[from+i+len(bare)-1]+1
			t := widen(p, st, en)
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
			from += i + len(bare)
		}
	}
	return out
}

func stripQuotes(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(quotes, r) {
			return -1
		}
		return r
	}, s)
}

// strippedIndex returns p without quotes and, for each byte of the result,
// its offset in p.
func strippedIndex(p string) (string, []int) {
	var b strings.Builder
	var at []int
	for i, r := range p {
		if strings.ContainsRune(quotes, r) {
			continue
		}
		b.WriteRune(r)
		for k := 0; k < utf8.RuneLen(r); k++ {
			at = append(at, i+k)
		}
	}
	return b.String(), at
}

// quoted returns “t” when the body quotes every occurrence of t, else t
// (notes 22, 26, 30: the note has 三個一批, the body “三個一批”).
func quoted(t string, body []string) string {
	q := "“" + t + "”"
	if strings.HasPrefix(t, "“") || count(body, q) != count(body, t) {
		return t
	}
	return q
}

// widen takes in the quotes around p[st:en] when both are there.
func widen(p string, st, en int) string {
	if strings.HasSuffix(p[:st], "“") && strings.HasPrefix(p[en:], "”") {
		return p[st-len("“") : en+len("”")]
	}
	return p[st:en]
}

// parts handles a note without a colon (rule 5).
func parts(text string, body []string) []string {
	text = strings.TrimRight(reAside().ReplaceAllString(text, ""), "。")
	var found []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '；' || r == ';' }) {
		if s = strings.TrimSpace(s); count(body, s) > 0 {
			found = append(found, s)
		}
	}
	if len(found) > 1 {
		if joined := strings.Join(found, "、"); count(body, joined) > 0 {
			return []string{joined}
		}
	}
	return found
}
