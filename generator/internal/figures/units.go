package figures

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Unit is a unit as the report prints it, split into a magnitude and a
// base unit so 1.9萬人 and 23608人 share an axis and 億噸 and 億千瓦時 do not.
type Unit struct {
	Text string  // as printed: "億千瓦時"
	Mag  float64 // 1e8
	Base string  // "千瓦時"
}

// unitTexts lists the units Extract recognises, longest first so that
// 億千瓦時 wins over 億 and 千瓦.
var unitTexts = []string{
	"億千瓦時", "萬千瓦時", "千瓦時", "萬千瓦", "千瓦",
	"億噸", "萬噸", "噸", "億元", "萬元", "元", "萬畝", "畝", "億斤", "萬斤", "斤",
	"萬人", "人", "萬戶", "戶", "萬個", "個", "家", "座", "公里", "處", "件", "項",
	"條", "所", "名", "宗", "輛", "GW", "MW", "%", "％",
}

var reNumUnit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d+(?:\.\d+)?)(?:[—–\-~～](\d+(?:\.\d+)?))?(` + unitAlt() + `)`)
})

func unitAlt() string {
	q := make([]string, len(unitTexts))
	for i, u := range unitTexts {
		q[i] = regexp.QuoteMeta(u)
	}
	return strings.Join(q, "|")
}

// ParseUnit splits a printed unit into magnitude and base unit. The
// Simplified magnitudes 亿 and 万 count too, for the converted edition.
func ParseUnit(s string) Unit {
	u := Unit{Text: s, Mag: 1, Base: s}
	switch s {
	case "GW":
		return Unit{s, 1e6, "千瓦"}
	case "MW":
		return Unit{s, 1e3, "千瓦"}
	case "％":
		return Unit{s, 1, "%"}
	}
	for _, m := range []struct {
		p string
		v float64
	}{{"億", 1e8}, {"萬", 1e4}, {"亿", 1e8}, {"万", 1e4}} {
		if b, ok := strings.CutPrefix(s, m.p); ok && b != "" {
			return Unit{s, m.v, b}
		}
	}
	return u
}

// Token is one number with its unit found in a text.
type Token struct {
	Start, End int    // byte offsets of the whole match
	Value      string // the number (the upper bound of a range)
	Low        string // the lower bound of a range such as 1—2家, else ""
	Unit       string
}

// Tokens returns every number-with-unit in s, skipping numbers that are part
// of a longer token such as 5G or B2B.
func Tokens(s string) []Token {
	var ts []Token
	for _, m := range reNumUnit().FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && isWordByte(s[m[0]-1]) {
			continue
		}
		t := Token{Start: m[0], End: m[1], Value: s[m[2]:m[3]], Unit: s[m[6]:m[7]]}
		if m[4] >= 0 {
			t.Low, t.Value = t.Value, s[m[4]:m[5]]
		}
		if e := m[1]; e < len(s) && isASCIILetter(s[e]) && isASCIILetter(s[e-1]) {
			continue // "5GWh" style: not a unit we know
		}
		ts = append(ts, t)
	}
	return ts
}

func isWordByte(b byte) bool { return isASCIILetter(b) || b == '.' || (b >= '0' && b <= '9') }

func isASCIILetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// LastToken returns the last number-with-unit in a phrase: the number a
// phrase states.
func LastToken(phrase string) (Token, bool) {
	ts := Tokens(phrase)
	if len(ts) == 0 {
		return Token{}, false
	}
	return ts[len(ts)-1], true
}

// Float parses a dataset value.
func Float(v string) (float64, bool) {
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}
