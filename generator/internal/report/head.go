package report

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"edition/generator/internal/diag"
)

// The head of a report is its first few lines, in any order: the title
// (sometimes twice), a 来源 line added by whoever copied the text, the
// occasion with its date, the speaker's office and name (on a line of its
// own or inside the occasion), then the salutation 各位代表：.

// offices lists the speakers' offices, longest first so 代理主席 wins over 主席.
const offices = `代理主席|代理省长|代理省長|代理市长|代理市長|代省长|代省長|代市长|代市長|代主席|省长|省長|市长|市長|州长|州長|县长|縣長|区长|區長|盟长|盟長|旗长|旗長|主席`

var (
	reSource = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(来源|來源|來源)\s*[:：]`) })
	reTitle  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`工作(報告|报告)$`) })
	reDate   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`) })
	// A speaker line: an optional place and 人民政府, the office, a name.
	reSpeaker = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([\p{Han}]{0,12}?(?:人民政府)?)(` + offices + `)[ 　\x{00A0}]*([\p{Han}·•]{2,10})$`)
	})
	// A speaker inside the occasion: "省长 李乐成在", "龚正市长在", "市长 殷勇同志作".
	reSpeakerAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(` + offices + `)[ 　\x{00A0}]*([\p{Han}·]{2,8}?)(?:同志)?(?:在|作|向)`)
	})
	reSpeakerBefore = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`日[ 　]*([\p{Han}·]{2,4})(` + offices + `)在`) })
	reSalute        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^各位代表[：:]$`) })
	rePlace         = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`在(\p{Han}{1,12}?(?:自治区|自治區|省|市|县|縣|区|區|州|盟|旗))第`)
	})
)

// Head is what the head of the file says about the report.
type Head struct {
	Place   string // 上海市, 广西壮族自治区; "" when not found
	Date    string // 2025-01-15; "" when not found
	Year    int    // the year of the report; 0 when not found
	Office  string // 市长, 代理主席
	Speaker string // the speaker's name
	Source  string // the 来源 line's value, provenance only
}

// Issuer is the place's people's government, or "" when the place is unknown.
func (h Head) Issuer() string {
	if h.Place == "" {
		return ""
	}
	return h.Place + "人民政府"
}

func isOccasion(t string) bool {
	if strings.HasPrefix(t, "——") || strings.HasPrefix(t, "--") {
		return true
	}
	return reDate().MatchString(t) && strings.ContainsAny(t, "会會") && utf8.RuneCountInString(t) <= 120
}

func isTitle(t string) bool {
	return reTitle().MatchString(t) && utf8.RuneCountInString(t) <= 30
}

// parseHead takes the head lines off the front of units: at most eight
// lines before the salutation. It returns the index of the first body line.
func (r *Report) parseHead(path string, units []Line) int {
	i := 0
	for ; i < len(units) && i < 8; i++ {
		u, t := units[i], units[i].Text
		switch {
		case reSalute().MatchString(t):
			r.Salutation = Unit{KindSalutation, u.Seed, t}
			return i + 1
		case reSource().MatchString(t) && r.Source.Text == "":
			r.Source = Unit{KindSource, u.Seed, t}
			r.Head.Source = strings.TrimSpace(reSource().ReplaceAllString(t, ""))
		case isTitle(t) && r.Title.Text == "":
			r.Title = Unit{KindTitle, u.Seed, t}
		case isTitle(t) && r.Title2.Text == "":
			r.Title2 = Unit{KindTitle, u.Seed, t}
		case isOccasion(t) && r.Occasion.Text == "":
			r.Occasion = Unit{KindOccasion, u.Seed, t}
		case reSpeaker().MatchString(t) && r.Speaker.Text == "":
			r.Speaker = Unit{KindSpeaker, u.Seed, t}
		default:
			return i // the opening has begun without a salutation
		}
	}
	return i
}

// readHead fills r.Head from the head lines and warns about what is missing,
// naming the line where the head was expected.
func (r *Report) readHead(path string, at int) {
	h := &r.Head
	occ := r.Occasion.Text
	if m := reDate().FindStringSubmatch(occ); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			h.Year = y
			h.Date = pad4(y) + "-" + pad2(mo) + "-" + pad2(d)
		}
	}
	if m := rePlace().FindStringSubmatch(occ); m != nil {
		h.Place = m[1]
	}
	h.readSpeaker(r.Speaker.Text, occ)
	r.warnHead(path, at)
}

// readSpeaker finds the speaker and office on the speaker line, else in
// the occasion line (after or before it), and a place the speaker line
// names when the occasion names none.
func (h *Head) readSpeaker(speaker, occ string) {
	if m := reSpeaker().FindStringSubmatch(speaker); m != nil {
		h.Office, h.Speaker = m[2], m[3]
		if p := strings.TrimSuffix(m[1], "人民政府"); h.Place == "" && utf8.RuneCountInString(p) >= 2 && p != "自治区" && p != "自治區" {
			h.Place = p // 四川省人民政府省长 施小琳; not a bare 自治区
		}
	} else if m := reSpeakerAfter().FindStringSubmatch(occ); m != nil {
		h.Office, h.Speaker = m[1], m[2]
	} else if m := reSpeakerBefore().FindStringSubmatch(occ); m != nil {
		h.Speaker, h.Office = m[1], m[2]
	}
}

// warnHead warns about what the head lacks, at the line where it was
// expected (at, when that line is missing).
func (r *Report) warnHead(path string, at int) {
	h, occ := &r.Head, r.Occasion.Text
	warn := func(u Unit, format string, args ...any) {
		line := u.Seed
		if line <= 0 {
			line = at
		}
		r.Warnings = append(r.Warnings, diag.Errorf(path, line, format, args...))
	}
	if occ == "" {
		warn(r.Title, "no occasion line (such as \"——2025年1月15日在…会议上\") in the head of the report; the edition will give no date")
	} else if h.Date == "" {
		warn(r.Occasion, "the occasion line gives no date (YYYY年M月D日); the edition will give none")
	}
	if occ != "" && h.Place == "" {
		warn(r.Occasion, "the occasion line names no place (\"在…省/市/自治区第…\"); the edition will name no issuer")
	}
	if h.Speaker == "" {
		warn(r.Occasion, "no speaker found (a line such as \"省长 某某\", or \"省长 某某在…\" in the occasion); the edition will name none")
	}
	if r.Salutation.Text == "" {
		warn(r.Title, "no salutation \"各位代表：\" in the head of the report; the opening starts after the head lines")
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func pad2(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func pad4(n int) string { return pad2(n/100) + pad2(n%100) }
