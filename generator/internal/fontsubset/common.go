package fontsubset

import (
	"fmt"
	"sort"
	"strings"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Common is the character set any report of the kind can be set in, so
// that a new report builds without cutting the subset again (issue 12):
// every hanzi of GB2312 (the 6,763 in rows 16–87: GBK lead bytes
// 0xB0–0xF7, trail bytes 0xA1–0xFE) and its Traditional forms, since the
// edition shows either script. A Simplified character can have several
// (制: 制 and 製, 布: 布 and 佈), which a one-character conversion does
// not show, so the Traditional forms are both what OpenCC's s2t, s2tw and
// s2hk make of each, and every character of U+3400–U+9FFF that its t2s,
// tw2s or hk2s turns into one. A character outside the set (a rare place
// name) still fails the build with its source line and is added by
// running the command on that report.
//
// With level1 only GB2312's level 1 (the 3,755 commonest hanzi, lead
// bytes 0xB0–0xD7, about 99.7 % of running modern text) is taken: the
// bold weight, which only titles use, gets this smaller set so that the
// two files stay under 12 MB.
func Common(level1 bool) ([]rune, error) {
	last := 0xF7
	if level1 {
		last = 0xD7
	}
	simp := map[rune]bool{}
	for _, r := range gb2312Hanzi(last) {
		simp[r] = true
	}
	set := map[rune]bool{}
	for r := range simp {
		set[r] = true
	}
	for _, cfg := range []string{"s2t", "s2tw", "s2hk", "t2s", "tw2s", "hk2s"} {
		if err := addConverted(set, simp, cfg); err != nil {
			return nil, err
		}
	}
	list := make([]rune, 0, len(set))
	for r := range set {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	return list, nil
}

// addConverted adds to set what OpenCC's cfg relates to simp: for s2*,
// each character's conversion; for *2s, each character of U+3400–U+9FFF
// that converts into simp. One call converts a whole list, one character
// a line, so no phrase spans two characters.
func addConverted(set, simp map[rune]bool, cfg string) error {
	cc, err := opencc.New(cfg)
	if err != nil {
		return fmt.Errorf("opencc %s: %v", cfg, err)
	}
	var in []rune
	if strings.HasPrefix(cfg, "s2") {
		for r := range simp {
			in = append(in, r)
		}
	} else {
		for r := rune(0x3400); r <= 0x9FFF; r++ {
			in = append(in, r)
		}
	}
	lines := make([]string, len(in))
	for i, r := range in {
		lines[i] = string(r)
	}
	out, err := cc.Convert(strings.Join(lines, "\n"))
	if err != nil {
		return fmt.Errorf("opencc %s: %v", cfg, err)
	}
	conv := strings.Split(out, "\n")
	if len(conv) != len(in) {
		return fmt.Errorf("opencc %s: %d lines in, %d out", cfg, len(in), len(conv))
	}
	for i, c := range conv {
		for _, r := range c {
			if strings.HasPrefix(cfg, "s2") {
				set[r] = true
			} else if simp[r] {
				set[in[i]] = true
			}
		}
	}
	return nil
}

// gb2312Hanzi lists GB2312's hanzi in code order up to lead byte last
// (0xD7: level 1, 0xF7: levels 1 and 2). Rows 16–87 of GB2312 are EUC-CN
// lead bytes 0xB0–0xF7; row 55 ends at 0xF9
// (cells 90–94 are empty), which the decoder reports as not decodable or
// as a character outside GB2312 (GBK's extension), so both are skipped.
func gb2312Hanzi(last int) []rune {
	dec := simplifiedchinese.GBK.NewDecoder()
	var out []rune
	for lead := 0xB0; lead <= last; lead++ {
		for trail := 0xA1; trail <= 0xFE; trail++ {
			if lead == 0xD7 && trail > 0xF9 {
				continue // GB2312 row 55 has 89 cells; GBK fills the rest
			}
			s, err := dec.Bytes([]byte{byte(lead), byte(trail)})
			if err != nil {
				continue
			}
			r := []rune(string(s))
			if len(r) == 1 && r[0] != '\uFFFD' {
				out = append(out, r[0])
			}
		}
	}
	return out
}
