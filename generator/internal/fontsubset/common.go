package fontsubset

import (
	"fmt"
	"sort"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Common is the character set any report of the kind can be set in, so
// that a new report builds without cutting the subset again (issue 12):
// every hanzi of GB2312 (the 6,763 in rows 16–87: GBK lead bytes
// 0xB0–0xF7, trail bytes 0xA1–0xFE) and each one's Traditional forms as
// OpenCC writes them for Taiwan, Hong Kong and in general (s2t, s2tw,
// s2hk: the edition shows either script). A character outside it (a rare
// place name) still fails the build with its source line and is added by
// running the command on that report.
//
// With level1 only GB2312's level 1 (the 3,755 commonest hanzi, lead
// bytes 0xB0–0xD7, about 99.7 % of running modern text) is taken: the
// bold weight, which only titles use, gets this smaller set so that the
// two files stay under 12 MB.
func Common(level1 bool) ([]rune, error) {
	set := map[rune]bool{}
	last := 0xF7
	if level1 {
		last = 0xD7
	}
	simp := gb2312Hanzi(last)
	for _, r := range simp {
		set[r] = true
	}
	for _, cfg := range []string{"s2t", "s2tw", "s2hk"} {
		cc, err := opencc.New(cfg)
		if err != nil {
			return nil, fmt.Errorf("opencc %s: %v", cfg, err)
		}
		// One conversion of the whole list, separated by line breaks so
		// no phrase spans two characters: each gets its one-character form.
		s := make([]rune, 0, 2*len(simp))
		for _, r := range simp {
			s = append(s, r, '\n')
		}
		out, err := cc.Convert(string(s))
		if err != nil {
			return nil, fmt.Errorf("opencc %s: %v", cfg, err)
		}
		for _, r := range out {
			if r != '\n' {
				set[r] = true
			}
		}
	}
	list := make([]rune, 0, len(set))
	for r := range set {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	return list, nil
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
