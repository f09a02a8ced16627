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
// A Converter is immutable after New and safe for concurrent use.
package script

import (
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Converter converts Traditional text to Simplified. Build one with New.
type Converter struct {
	t2s    func() (*opencc.OpenCC, error) // loaded by the first conversion
	over   map[string]string
	single map[rune]rune // the one-character rows of over
	maxKey int           // longest override key, in runes
	keep   []string      // override values that deliberately hold a Traditional-only character
}

// New returns a Converter applying overrides on top of OpenCC t2s.
// Overrides come from LoadOverrides; nil means plain OpenCC. New is cheap:
// OpenCC's t2s dictionaries are loaded by the first T2S call, and folding
// and linting use a static table (simp_table.go) instead of OpenCC.
func New(overrides []Override) (*Converter, error) {
	c := &Converter{
		t2s:    sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") }),
		over:   make(map[string]string, len(overrides)),
		single: map[rune]rune{},
	}
	for _, o := range overrides {
		c.over[o.Trad] = o.Simp
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

// T2S converts Traditional (or mixed) text to Simplified.
func (c *Converter) T2S(s string) string {
	var out, plain strings.Builder
	flush := func() {
		if plain.Len() > 0 {
			out.WriteString(c.openCC(plain.String()))
			plain.Reset()
		}
	}
	r := []rune(s)
	for i := 0; i < len(r); {
		if v, n := c.match(r[i:]); n > 0 {
			flush()
			out.WriteString(v)
			i += n
			continue
		}
		plain.WriteRune(r[i])
		i++
	}
	flush()
	return out.String()
}

// match returns the value and length in runes of the longest override key
// at the start of r, or n == 0.
func (c *Converter) match(r []rune) (v string, n int) {
	for k := min(c.maxKey, len(r)); k > 0; k-- {
		if v, ok := c.over[string(r[:k])]; ok {
			return v, k
		}
	}
	return "", 0
}

// openCC runs OpenCC t2s. Its only errors come from loading its embedded
// dictionaries or a nil trie; on error the text is returned unchanged and
// Lint will then report every Traditional character left.
func (c *Converter) openCC(s string) string {
	cc, err := c.t2s()
	if err != nil {
		return s
	}
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}
