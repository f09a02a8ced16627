package figures

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Para is one report paragraph with its id (p1-2, p2-1-2, …; see the site
// contract).
type Para struct {
	ID, Text string
	// Year and Kind say what the paragraph's figures are: a review part's
	// are the past year's outturn, a plan part's the report year's targets.
	// Zero leaves them to the paragraph ID (the seed's p1 and p2).
	Year int
	Kind string
}

// Figure is one stated quantity.
type Figure struct {
	ID        string // stable ASCII id: "p1-2.3" from Extract, "coal-2023" once curated
	Para      string // paragraph id
	Phrase    string // exact substring of the paragraph that states the figure
	Measure   string // what is measured: "原煤產量"
	Value     string // the number as printed: "2.33"
	Unit      string // as printed: "億噸", "%"
	Year      int    // 2023, 2024; 0 when not known
	Kind      string // KindOutturn, KindTarget or ""
	Type      string // TypeLevel, TypeGrowth or TypeShare
	Qualifier string // 以上, 左右, 力爭, 突破 … (space-separated when several)
	Note      string // editor's note
	Line      int    // line in the dataset file; 0 for extracted figures
}

// Kinds and types of figures.
const (
	KindOutturn = "outturn" // a result for 2023 (part 一)
	KindTarget  = "target"  // an aim for 2024 (part 二)

	TypeLevel  = "level"  // an amount or a count
	TypeGrowth = "growth" // a growth rate in %
	TypeShare  = "share"  // a share or rate in %
)

// Float returns the figure's value as a number.
func (f Figure) Float() float64 {
	v, _ := Float(f.Value)
	return v
}

// Base returns the value in the base unit (1.9萬人 → 19000) and that unit.
func (f Figure) Base() (float64, string) {
	u := ParseUnit(f.Unit)
	return f.Float() * u.Mag, u.Base
}

// Label returns the figure as the report prints it with its qualifiers:
// "5%以上", "突破2000萬千瓦", "2億噸左右".
func (f Figure) Label() string {
	pre, post := "", ""
	for _, q := range strings.Fields(f.Qualifier) {
		switch {
		case isSuffixQualifier(q):
			post += q
		case q == "力爭":
			// The aim is stated in the row; the number keeps its own words.
		default:
			pre += q
		}
	}
	return pre + f.Value + f.Unit + post
}

var suffixQualifiers = []string{"及以上", "以上", "左右", "以內", "以下"}

func isSuffixQualifier(q string) bool {
	for _, s := range suffixQualifiers {
		if q == s {
			return true
		}
	}
	return false
}

var (
	prefixQualifiers = []string{"力爭", "突破", "超過", "約", "近"}
	leadingNoise     = []string{"全年", "全市", "累計", "其中", "今年", "同時", "一年來", "年度"}
	trailingNoise    = []string{"發展到", "分別增長", "增長", "增速", "達到", "達", "為", "突破", "超過", "穩定在", "保持在", "分別", "約", "近", "實現", "均", "发展到", "分别增长", "增长", "达到", "达", "为", "超过", "稳定在", "分别", "约", "实现"}
	// Growth is growth in either script (增長, 增长).
	growthWords     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`增長|增长|增速|增幅|提高|下降`) })
	reTimes         = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)×$`) })
	reEnumeration   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[一二三四五六七八九十]是`) })
	reFollowingVerb = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`享受|獲評|入選|核增|建立|建成|認定|成功|完成|實現|全部|的|\d`)
	})
)

const clauseStops = "，。；：、！？（）“”,;:"

// Extract returns every number with a unit in the paragraphs, in reading
// order, with ids "<para>.<n>". It is deterministic.
func Extract(paras []Para) []Figure {
	var out []Figure
	for _, p := range paras {
		out = append(out, extractPara(p)...)
	}
	return out
}

func extractPara(p Para) []Figure {
	var figs []Figure
	prevEnd := -1 // end of the previous figure, to inherit its measure within a sentence
	for i, t := range Tokens(p.Text) {
		f, end := tokenFigure(p, i, t)
		if f.Measure == "" && len(figs) > 0 && prevEnd >= 0 && !strings.Contains(p.Text[prevEnd:t.Start], "。") {
			prev := figs[len(figs)-1]
			f.Measure = prev.Measure
			if f.Unit == prev.Unit && prev.Type == TypeGrowth {
				f.Type = TypeGrowth // 分別增長4%、8.7%
			}
		}
		figs = append(figs, f)
		prevEnd = end
	}
	return figs
}

// tokenFigure is the figure of paragraph p's i-th number token t, read
// from its own clause, with the end of its phrase.
func tokenFigure(p Para, i int, t Token) (f Figure, end int) {
	cs := clauseStart(p.Text, t.Start)
	if cs == t.Start {
		cs = quotedStart(p.Text, cs) // “四好農村路”193公里
	}
	clause := p.Text[cs:t.Start]
	f = Figure{ID: fmt.Sprintf("%s.%d", p.ID, i+1), Para: p.ID, Value: t.Value, Unit: t.Unit, Type: TypeLevel}
	f.Qualifier, clause, end = qualifiers(p.Text, clause, t)
	f.Phrase = p.Text[cs:end]
	f.Measure = cleanMeasure(strings.Trim(afterLastToken(clause), "“”"))
	if n := followingNoun(p.Text[end:]); n != "" && (clause == "" || classifiers[f.Unit]) {
		f.Measure = n // 5座煤礦核增產能…, 新增3個國家級標準化試點建設項目
	}
	if (f.Unit == "%" || f.Unit == "％") && growthWords().MatchString(clause) {
		f.Type = TypeGrowth
	} else if f.Unit == "%" || f.Unit == "％" {
		f.Type = TypeShare
	}
	f.Year, f.Kind = periodOf(p.ID)
	if p.Year != 0 || p.Kind != "" {
		f.Year, f.Kind = p.Year, p.Kind
	}
	return f, end
}

// qualifiers finds the words that qualify token t's number (2倍, 以上,
// 力爭, a range's low end), and returns them with the clause before the
// number less a "N倍" and the end of the phrase past a trailing qualifier.
func qualifiers(text, clause string, t Token) (string, string, int) {
	var quals []string
	end := t.End
	if m := reTimes().FindStringSubmatch(clause); m != nil {
		quals = append(quals, m[1]+"×")
		clause = strings.TrimSuffix(clause, m[0])
	}
	for _, q := range prefixQualifiers {
		if strings.Contains(clause, q) {
			quals = append(quals, q)
		}
	}
	if t.Low != "" {
		quals = append(quals, t.Low+"—")
	}
	for _, q := range suffixQualifiers {
		if strings.HasPrefix(text[end:], q) {
			quals = append(quals, q)
			end += len(q)
			break
		}
	}
	return strings.Join(quals, " "), clause, end
}

// clauseStart returns the byte offset just after the last clause stop
// before i.
func clauseStart(s string, i int) int {
	j := strings.LastIndexAny(s[:i], clauseStops)
	if j < 0 {
		return 0
	}
	_, w := utf8.DecodeRuneInString(s[j:])
	return j + w
}

// quotedStart moves a clause start at i back over a quoted name that
// ends there, so “四好農村路”193公里 keeps its name.
func quotedStart(s string, i int) int {
	if !strings.HasSuffix(s[:i], "”") {
		return i
	}
	j := strings.LastIndex(s[:i], "“")
	if j < 0 || strings.ContainsAny(s[j:i-len("”")], "。，；") {
		return i
	}
	return j
}

// afterLastToken drops everything up to the last number-with-unit in a
// clause: in 54家企業享受優惠電價1.2億元 the 1.2億元 measures 企業享受優惠電價.
func afterLastToken(clause string) string {
	if t, ok := LastToken(clause); ok {
		return clause[t.End:]
	}
	return clause
}

// followingNoun is the noun after a number that opens its clause:
// 5座煤礦核增產能 → 煤礦.
func followingNoun(rest string) string {
	if i := strings.IndexAny(rest, clauseStops); i >= 0 {
		rest = rest[:i]
	}
	if loc := reFollowingVerb().FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]]
	}
	return cleanMeasure(rest)
}

// classifiers are units that count things named after them (3個項目).
var classifiers = map[string]bool{"個": true, "家": true, "座": true, "所": true, "名": true, "項": true, "條": true, "處": true, "件": true, "宗": true, "輛": true, "戶": true}

func cleanMeasure(s string) string {
	s = reEnumeration().ReplaceAllString(strings.TrimSpace(s), "")
	for changed := true; changed; {
		changed = false
		for _, w := range leadingNoise {
			if t, ok := strings.CutPrefix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
		for _, w := range trailingNoise {
			if t, ok := strings.CutSuffix(s, w); ok {
				s, changed = t, true
			}
		}
	}
	for _, q := range prefixQualifiers {
		if t, ok := strings.CutPrefix(s, q); ok {
			s = t
		}
	}
	return s
}

// periodOf tells from a paragraph id whether its figures are 2023
// outturns (part 一) or 2024 targets (part 二).
func periodOf(para string) (int, string) {
	switch {
	case strings.HasPrefix(para, "p1-"):
		return 2023, KindOutturn
	case strings.HasPrefix(para, "p2-"):
		return 2024, KindTarget
	}
	return 0, ""
}
