package report

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"edition/generator/internal/diag"
)

// Scan looks for the traces that byte-loss damage leaves (seed-forensics.md),
// in either script, so an editor can record a repair:
//
//   - a stray ASCII or full-width Latin letter or digit between Chinese
//     characters (not 5G, B2B, ESG, 1+N, 2.33, A级, B类, “N”, 万P);
//   - Greek, Cyrillic, kana, bopomofo, pinyin letters, box-drawing signs,
//     private-use and replacement characters;
//   - a symbol inside a run of Chinese characters (@ _ ^ ψ ∈ ⒖ 』);
//   - a run of characters outside the common ones: GB 2312 level 1 and the
//     frequent characters of Big5, which together cover the 通用规范汉字表's
//     first level in both scripts; mojibake is mostly made of the rest;
//   - an unbalanced 【, and a sentence mark where no sentence can end.
//
// It runs on the repaired lines before punctuation is made full-width.
// Findings close together are one warning, with the path:line:column of
// the first.
func Scan(path string, lines []Line) []*diag.Error {
	sc := &scanner{gb: simplifiedchinese.GBK.NewEncoder(), b5: traditionalchinese.Big5.NewEncoder(), memo: map[rune]bool{}, seen: map[rune]int{}}
	s, t := 0, 0
	for _, l := range lines {
		for _, r := range l.Text {
			sc.seen[r]++
			switch {
			case strings.ContainsRune("报这们会为发经济区县国业务实设进门过时长", r):
				s++
			case strings.ContainsRune("報這們會為發經濟區縣國業務實設進門過時長", r):
				t++
			}
		}
	}
	sc.simp = s > t
	var out []*diag.Error
	for _, l := range lines {
		if l.Seed == 0 {
			continue
		}
		out = append(out, sc.scanLine(path, l)...)
	}
	return out
}

// scanner keeps the encoders that tell common characters, and their answers.
type scanner struct {
	gb, b5 *encoding.Encoder
	memo   map[rune]bool
	seen   map[rune]int // how often the report uses each character
	simp   bool         // the report is Simplified: Big5's list does not apply
}

type finding struct {
	col    int
	reason string
}

func (sc *scanner) scanLine(path string, l Line) []*diag.Error {
	rs := []rune(l.Text)
	var fs []finding
	for i, r := range rs {
		if reason := damaged(rs, i, r); reason != "" {
			fs = append(fs, finding{i, reason})
		}
	}
	fs = append(fs, sc.rareRuns(rs)...)
	if o, c := strings.Count(l.Text, "(")+strings.Count(l.Text, "（"), strings.Count(l.Text, ")")+strings.Count(l.Text, "）"); o != c {
		i := strings.IndexAny(l.Text, "()（）")
		fs = append(fs, finding{len([]rune(l.Text[:i])), "unbalanced parentheses"})
	}
	if strings.Count(l.Text, "【") != strings.Count(l.Text, "】") {
		i := strings.IndexAny(l.Text, "【】")
		fs = append(fs, finding{len([]rune(l.Text[:i])), "unbalanced 【】"})
	}
	sortFindings(fs)
	return merge(path, l.Seed, rs, fs)
}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// damaged names the trace character r at i leaves, or "".
func damaged(rs []rune, i int, r rune) string {
	prev, next := at(rs, i-1), at(rs, i+1)
	switch {
	case isLatin(r) && strayLatin(rs, i):
		return "stray Latin letter or digit"
	case r == '?' && isHan(prev) && (isHan(next) || isLetter(next)):
		return "ASCII \"?\" between Chinese characters"
	case r >= 0xC0 && r <= 0x24F && r != '×' && r != '÷' && (isHan(prev) || isHan(next)):
		return "pinyin letter"
	case unicode.Is(unicode.Greek, r), unicode.Is(unicode.Cyrillic, r):
		return "Greek or Cyrillic letter"
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '・':
		return "kana"
	case r >= 0x3100 && r <= 0x312F, r >= 0x31A0 && r <= 0x31BF:
		return "bopomofo"
	case r >= 0x2500 && r <= 0x259F:
		return "box-drawing sign"
	case strings.ContainsRune("_^`|{}\\", r) && (unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Han, next)):
		return "symbol beside Chinese text"
	case r == '　' && i > 0 && i < len(rs)-1 && rs[i-1] != '　' && rs[i+1] != '　' && !unicode.IsSpace(rs[i-1]):
		return "ideographic space inside a line"
	case r >= 0xFE50 && r <= 0xFE6F:
		return "small-form sign"
	case r >= 0xE000 && r <= 0xF8FF, r == 0xFFFD:
		return "private-use or replacement character"
	case isSymbol(r) && r >= 0x80 && !listItem(r, prev) && (unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Han, next)) && !grade(r, next) && !unitAfter(r, prev, next):
		return "symbol beside Chinese text"
	case isSymbol(r) && unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, next) && !grade(r, next):
		return "symbol inside Chinese text"
	case strings.ContainsRune("。，、；：？！,;:?!", r) && (i == 0 || strings.ContainsRune("。，、；：？！,;:?!“（(", prev)):
		return "sentence mark where no sentence can end"
	}
	return ""
}

// isLatin reports an ASCII or full-width Latin letter or digit.
func isLatin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
		r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
}

// strayLatin reports whether the Latin character at i stands alone between
// Chinese characters where real text would not put it. A token of two or
// more (5G, B2B, ESG, 2.33, 1+N) is real; so is a lone capital naming a
// grade or class (A级, B类, I类, A股, B型), one in quotes (“N”, “S基金”), a
// unit after a number (2万P) and a number (3个, 5%).
func strayLatin(rs []rune, i int) bool {
	r, prev, next := rs[i], at(rs, i-1), at(rs, i+1)
	if r >= 0xFF00 { // full-width: no report types these between Chinese
		return isHan(prev) || isHan(next)
	}
	if !isHan(prev) && !isASCIIMark(prev) && prev != '　' || !isHan(next) && !isASCIIMark(next) && next != 0 {
		return false
	}
	if unicode.IsDigit(r) {
		return false // numbers stand alone in real text: 3个, 第5
	}
	if unicode.IsLower(r) && unicode.IsDigit(prev) && unicode.Is(unicode.Han, next) {
		return !strings.ContainsRune("mgtlhskwv", r) // 2705f千瓦, but 10t锅炉
	}
	switch {
	case prev == '“' || prev == '「' || next == '”':
		return false
	case unicode.IsUpper(r) && strings.ContainsRune("级級类類型股档檔号號座轮輪字", next):
		return false
	case unicode.IsUpper(r) && strings.ContainsRune("创創获獲评評", prev):
		return false // 绩效创A: a grade won
	case unicode.IsUpper(r) && strings.ContainsRune("万萬亿億千", prev) && unicode.IsDigit(at(rs, i-2)):
		return false
	case r == 'e' && unicode.Is(unicode.Han, next):
		return false // e.g. e签宝, e企办: a real prefix
	}
	return true
}

// isSymbol reports marks that no Chinese sentence puts between two
// characters (［1］ marks a note in some reports, so ［］ is not one): ASCII @ _ ^ ~ | # $ & * = < > { } [ ] \, math, arrows,
// enclosed numbers, the GB 2312 symbol rows.
func isSymbol(r rune) bool {
	if strings.ContainsRune("＜＞＝＠＃＄＆＊＾＿｀｛｝｜～＼@_^~|#$&*=<>{}[]\\`ˉˇ¨〃‖〔〕〈〉〖〗±×÷∶∧∨∑∏∪∩∈∷√⊥∥∠⌒⊙∫∮≡≌≈∽∝≠≮≯≤≥∞∵∴♂♀°′″℃＄¤￠￡‰§№☆★○●◎◇◆□■△▲※→←↑↓〓『』", r) {
		return true
	}
	return r >= 0x2460 && r <= 0x24FF || r >= 0x2160 && r <= 0x217F || r >= 0x3220 && r <= 0x3243
}

// unitAfter reports a sign used as a unit or operator in real text: 25℃,
// 3‰, “数据要素×”.
func unitAfter(r, prev, next rune) bool {
	return strings.ContainsRune("°℃‰′″", r) && isDigit(prev) || r == '×' && (next == '”' || isDigit(prev) || isDigit(next))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// listItem reports a circled number opening an item: 。①补充…
func listItem(r, prev rune) bool {
	return r >= 0x2460 && r <= 0x2473 && (prev == 0 || strings.ContainsRune("。；：，、 ", prev))
}

// grade reports a Roman numeral naming a class: Ⅲ类水, Ⅱ级.
func grade(r, next rune) bool {
	return r >= 0x2160 && r <= 0x217F && strings.ContainsRune("类類级級期", next)
}

// common reports whether a Han character is a common one in either script.
func (sc *scanner) common(r rune) bool {
	if v, ok := sc.memo[r]; ok {
		return v
	}
	v := sc.level(r) == 1
	if b, err := sc.b5.Bytes([]byte(string(r))); !v && !sc.simp && err == nil && len(b) == 2 {
		code := int(b[0])<<8 | int(b[1])
		v = code >= 0xA440 && code <= 0xC67E // Big5 frequent characters
	}
	sc.memo[r] = v
	return v
}

// rareWithin counts the uncommon characters among the n Han characters
// from k that stand close together.
func rareWithin(rare []bool, idx []int, k, n int) int {
	c := 0
	for j := k; j < k+n && j < len(idx) && idx[j]-idx[k] <= n+1; j++ {
		if rare[j] {
			c++
		}
	}
	return c
}

// level returns the GB 2312 level of r: 1, 2, or 0 outside GB 2312.
func (sc *scanner) level(r rune) int {
	b, err := sc.gb.Bytes([]byte(string(r)))
	switch {
	case err != nil || len(b) != 2 || b[1] < 0xA1:
		return 0
	case b[0] >= 0xB0 && b[0] <= 0xD7:
		return 1
	case b[0] >= 0xD8 && b[0] <= 0xF7:
		return 2
	}
	return 0
}

// rareRuns finds three uncommon characters among four, or one beside a
// number: real words have at most two (砥砺, 崆峒, 圐圙), mojibake has
// runs, and a short run ends where the decoder got back in step at a digit.
func (sc *scanner) rareRuns(rs []rune) []finding {
	var fs []finding
	var idx []int // indexes of Han characters
	for i, r := range rs {
		if unicode.Is(unicode.Han, r) {
			idx = append(idx, i)
		}
	}
	rare := make([]bool, len(idx))
	for k, i := range idx {
		// An uncommon character the report uses again is its own word
		// (锂, 熠熠); mojibake does not repeat itself.
		rare[k] = !sc.common(rs[i]) && sc.seen[rs[i]] < 2
	}
	for k := 0; k < len(idx); k++ {
		if !rare[k] {
			continue
		}
		i := idx[k]
		if n := rareWithin(rare, idx, k, 4); n >= 3 || rareWithin(rare, idx, k, 8) >= 4 {
			fs = append(fs, finding{i, "run of uncommon characters"})
			k += 2
			continue
		}
		alone := (k == 0 || !rare[k-1] || idx[k-1] != i-1) && (k+1 == len(idx) || !rare[k+1] || idx[k+1] != i+1)
		if alone && (isDigit(at(rs, i-1)) || isDigit(at(rs, i+1))) {
			fs = append(fs, finding{i, "uncommon character beside a number"})
		}
	}
	return fs
}

func sortFindings(fs []finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].col < fs[j].col })
}

// merge joins findings within a few characters: one damaged span, one warning.
func merge(path string, seed int, rs []rune, fs []finding) []*diag.Error {
	var out []*diag.Error
	for len(fs) > 0 {
		first, last := fs[0].col, fs[0].col
		reasons := []string{fs[0].reason}
		j := 1
		for ; j < len(fs) && fs[j].col-last <= 6; j++ {
			last = max(last, fs[j].col)
			if !contains(reasons, fs[j].reason) {
				reasons = append(reasons, fs[j].reason)
			}
		}
		lo, hi := max(0, first-3), min(len(rs), last+4)
		out = append(out, &diag.Error{Path: path, Line: seed, Col: first + 1,
			Msg: fmt.Sprintf("possible damage (%s) in %q; record a repair in the corrections file", strings.Join(reasons, ", "), string(rs[lo:hi]))})
		fs = fs[j:]
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func isLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func isASCIIMark(r rune) bool { return strings.ContainsRune(",;:?!", r) }

// isHan counts CJK ideographs and the marks that sit between them.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("。，、；：？！“”《》（）", r)
}
