// Package script converts the edition's Traditional source text to Simplified
// Chinese and checks the result.
//
// Conversion is OpenCC's t2s (github.com/longbridgeapp/opencc) corrected by a
// project override table (content/script-overrides.tsv). The table's keys are
// matched on the Traditional input, leftmost first and longest match wins; a
// matched span is replaced by the table's value and everything between
// matches goes through OpenCC. Rows whose value equals their key protect a
// phrase (卓著 keeps 著) and also tell Lint that the character is meant.
//
// Lint finds Traditional-only characters left in Simplified text, so a
// missing override fails the build instead of reaching readers.
//
// FoldRune and Fold normalise text for search: both scripts and full/half
// width fold to one form, so 减税 finds 減稅 and the reverse.
//
// Folding and Lint need no OpenCC at run time: the per-character rule
// (t2s, then the HK and TW variant tables) is precomputed from OpenCC by
// go generate into simp_table.go, and a test regenerates it and fails if
// the committed file differs. OpenCC's t2s dictionaries are loaded by the
// first T2S (or Load) call, so New is cheap.
//
// A Converter is immutable after New and safe for concurrent use.
package script

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// defaultsTSV holds the overrides every report needs (著 → 着 outside the
// words that keep 著, …), under the report's own table.
//
//go:embed defaults.tsv
var defaultsTSV []byte

// Converter converts Traditional text to Simplified. Build one with New.
type Converter struct {
	t2s    func() (*opencc.OpenCC, error) // loaded by the first conversion
	over   map[string]string
	single map[rune]rune // the one-character rows of over
	firsts map[rune]bool // the first characters of over's keys
	maxKey int           // longest override key, in runes
	keep   []string      // override values that deliberately hold a Traditional-only character
	// variants maps Hong Kong forms (衞, 敍) to the standard ones t2s knows.
	variants *strings.Replacer
}

// New returns a Converter applying overrides on top of OpenCC t2s.
// Overrides come from LoadOverrides; nil means plain OpenCC. New is cheap:
// OpenCC's t2s dictionaries are loaded by the first T2S call, and folding
// and linting use a static table (simp_table.go) instead of OpenCC. The
// error is always nil now (Load reports OpenCC's); it stays for callers.
func New(overrides []Override) (*Converter, error) {
	defaults, err := LoadOverrides("generator/internal/script/defaults.tsv", defaultsTSV)
	if err != nil {
		return nil, err
	}
	overrides = append(defaults, overrides...) // the report's rows win
	c := &Converter{
		t2s:    sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") }),
		over:   make(map[string]string, len(overrides)),
		single: map[rune]rune{},
		firsts: map[rune]bool{},
		// Hong Kong forms (衞, 敍) become the standard ones before t2s.
		variants: strings.NewReplacer(variants...),
	}
	for _, o := range overrides {
		c.over[o.Trad] = o.Simp
		if r, _ := utf8.DecodeRuneInString(o.Trad); o.Trad != "" {
			c.firsts[r] = true
		}
		if n := len([]rune(o.Trad)); n > c.maxKey {
			c.maxKey = n
		}
		if k, v := single(o.Trad), single(o.Simp); k >= 0 {
			if v >= 0 {
				c.single[k] = v
			} else {
				delete(c.single, k) // a later row replaced it (New does not reject duplicates)
			}
		}
	}
	for _, o := range overrides {
		if c.hasTradOnly(o.Simp) {
			c.keep = append(c.keep, o.Simp)
		}
	}
	return c, nil
}

// Load loads OpenCC's t2s dictionaries, which otherwise the first T2S call
// does (a few milliseconds), and returns the error if they cannot be
// loaded. Run it in a goroutine to overlap loading with other work; T2S
// waits for it.
func (c *Converter) Load() error {
	_, err := c.t2s()
	if err != nil {
		return fmt.Errorf("script: opencc t2s: %w", err)
	}
	return nil
}

// T2S converts Traditional (or mixed) text to Simplified.
func (c *Converter) T2S(s string) string {
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte becomes U+FFFD
	}
	s = c.variants.Replace(s)
	var out strings.Builder
	out.Grow(len(s))
	memo := map[string]string{} // runs already converted: words recur
	plain := 0                  // start of the text not yet written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if c.firsts[r] {
			if v, n := c.match(s[i:]); n > 0 {
				c.openCC(&out, s[plain:i], memo)
				out.WriteString(v)
				i += n
				plain = i
				continue
			}
		}
		i += size
	}
	c.openCC(&out, s[plain:], memo)
	return out.String()
}

// match returns the value and length in bytes of the longest override key
// at the start of s, or n == 0.
func (c *Converter) match(s string) (v string, n int) {
	end := 0
	for k := 0; k < c.maxKey && end < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		if x, ok := c.over[s[:end]]; ok {
			v, n = x, end
		}
	}
	return v, n
}

// openCC writes s converted by OpenCC t2s to out. Characters in no key of
// t2s's dictionaries (t2sChars) stay as they are and end any match, so
// only the runs of other characters go through OpenCC, each distinct run
// once per memo; the result is the same as converting s whole. OpenCC's
// only errors come from loading its embedded dictionaries or a nil trie;
// on error the text is left unchanged and Lint will then report every
// Traditional character left.
func (c *Converter) openCC(out *strings.Builder, s string, memo map[string]string) {
	if s == "" {
		return
	}
	cc, err := c.t2s()
	if err != nil {
		out.WriteString(s)
		return
	}
	keys := t2sKeyChars()
	for s != "" {
		n := runLen(s, keys, false)
		out.WriteString(s[:n])
		s = s[n:]
		n = runLen(s, keys, true)
		if n == 0 {
			continue
		}
		run := s[:n]
		conv, ok := memo[run]
		if !ok {
			if conv, err = cc.Convert(run); err != nil {
				conv = run
			}
			memo[run] = conv
		}
		out.WriteString(conv)
		s = s[n:]
	}
}

// runLen returns the length in bytes of the run of characters at the start
// of s that are (in == true) or are not in keys.
func runLen(s string, keys *keyChars, in bool) int {
	for i, r := range s {
		if keys.has(r) != in {
			return i
		}
	}
	return len(s)
}
