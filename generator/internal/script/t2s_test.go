package script

import (
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// refT2S is the plain form of T2S: override keys matched rune by rune,
// longest first, and everything between them through OpenCC whole.
func refT2S(t testing.TB, cc *opencc.OpenCC, rows []Override, s string) string {
	over, maxKey := map[string]string{}, 0
	for _, o := range rows {
		over[o.Trad] = o.Simp
		maxKey = max(maxKey, len([]rune(o.Trad)))
	}
	var out, plain strings.Builder
	flush := func() {
		if plain.Len() > 0 {
			conv, err := cc.Convert(plain.String())
			if err != nil {
				t.Fatal(err)
			}
			out.WriteString(conv)
			plain.Reset()
		}
	}
	r := []rune(s)
next:
	for i := 0; i < len(r); {
		for k := min(maxKey, len(r)-i); k > 0; k-- {
			if v, ok := over[string(r[i:i+k])]; ok {
				flush()
				out.WriteString(v)
				i += k
				continue next
			}
		}
		plain.WriteRune(r[i])
		i++
	}
	flush()
	return out.String()
}

// TestT2SAgreesWithOpenCC: T2S, which hands OpenCC only the runs of
// characters its dictionaries know, gives what converting whole gives, on
// the seed and on every key of t2s's phrase dictionary in context.
func TestT2SAgreesWithOpenCC(t *testing.T) {
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	rows := loadTable(t)
	c, err := New(rows)
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{fixtureText(t), "", "a", "\xff著力\xfe", "ＡＢ 減稅\u3000", "\x01爐", "0\x01\x01爐 乾\x01隆"}
	d := cc.DictChains[0].Dicts[0] // TSPhrases
	for _, id := range d.Trie.PrefixPredict(nil, 0) {
		k, err := d.Trie.Key(id)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, "的"+string(k)+"和"+string(k)+string(k)+"a")
	}
	for _, in := range inputs {
		if got, want := c.T2S(in), refT2S(t, cc, rows, in); got != want {
			t.Errorf("T2S(%.40q) = %.40q, OpenCC whole gives %.40q", in, got, want)
		}
	}
}

func FuzzT2S(f *testing.F) {
	cc, err := opencc.New("t2s")
	if err != nil {
		f.Fatal(err)
	}
	rows := loadTable(f)
	c, err := New(rows)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("著力推動高質量發展，成效卓著")
	f.Add("乾隆皇帝\xff 隨著覆核 衞生")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := c.T2S(s), refT2S(t, cc, rows, s); got != want {
			t.Fatalf("T2S(%q) = %q, want %q", s, got, want)
		}
	})
}
