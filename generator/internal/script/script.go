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
	"fmt"
	"strings"

	"github.com/longbridgeapp/opencc"
)

// Converter converts Traditional text to Simplified. Build one with New.
type Converter struct {
	t2s      *opencc.OpenCC
	variants []*opencc.OpenCC // hk2s, tw2s: catch HK/TW variant forms (衞, 著)
	s2t      *opencc.OpenCC   // tells standard Simplified characters (么, 抬) from variants
	over     map[string]string
	maxKey   int      // longest override key, in runes
	keep     []string // override values that deliberately hold a Traditional-only character
}

// New returns a Converter applying overrides on top of OpenCC t2s.
// Overrides come from LoadOverrides; nil means plain OpenCC.
func New(overrides []Override) (*Converter, error) {
	c := &Converter{over: make(map[string]string, len(overrides))}
	var err error
	if c.t2s, err = opencc.New("t2s"); err != nil {
		return nil, fmt.Errorf("script: opencc t2s: %w", err)
	}
	if c.s2t, err = opencc.New("s2t"); err != nil {
		return nil, fmt.Errorf("script: opencc s2t: %w", err)
	}
	for _, name := range []string{"hk2s", "tw2s"} {
		cc, err := opencc.New(name)
		if err != nil {
			return nil, fmt.Errorf("script: opencc %s: %w", name, err)
		}
		c.variants = append(c.variants, cc)
	}
	for _, o := range overrides {
		c.over[o.Trad] = o.Simp
		if n := len([]rune(o.Trad)); n > c.maxKey {
			c.maxKey = n
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
			out.WriteString(c.openCC(c.t2s, plain.String()))
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

// openCC runs one OpenCC conversion. Its only errors come from a nil trie,
// which New rules out; on error the text is returned unchanged and Lint
// will then report what was left.
func (c *Converter) openCC(cc *opencc.OpenCC, s string) string {
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}
