package report

import (
	"strings"
	"testing"
)

// TestHeadVariants: the head of the file in the orders and forms
// report-variants.md lists; what is not there stays empty.
func TestHeadVariants(t *testing.T) {
	body := "各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、2024年工作回顾\n过去一年。\n二、2025年工作安排\n今年。\n各位代表！让我们团结奋斗！\n"
	cases := []struct {
		name, head                               string
		title, date, place, office, speaker, src string
	}{
		{"dash occasion, speaker line", "2025年甘肃省政府工作报告\n来源：甘肃日报\n——2025年1月20日在甘肃省第十四届人民代表大会第三次会议上\n甘肃省省长 任振鹤\n",
			"2025年甘肃省政府工作报告", "2025-01-20", "甘肃省", "省长", "任振鹤", "甘肃日报"},
		{"speaker inside the occasion, source after it", "2025年海南省政府工作报告\n——2025年1月14日海南省省长 刘小明在海南省第七届人民代表大会第四次会议上的讲话\n来源：海南日报\n",
			"2025年海南省政府工作报告", "2025-01-14", "海南省", "省长", "刘小明", "海南日报"},
		{"four dashes, name before office", "2025年上海市政府工作报告\n----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告\n来源 : 解放日报\n",
			"2025年上海市政府工作报告", "2025-01-15", "上海市", "市长", "龚正", "解放日报"},
		{"no dash, 作政府工作报告", "2025年浙江省政府工作报告\n来源：浙江日报\n2025年1月14日在浙江省第十四届人民代表大会第三次会议上浙江省代省长刘捷作政府工作报告\n \n",
			"2025年浙江省政府工作报告", "2025-01-14", "浙江省", "代省长", "刘捷", "浙江日报"},
		{"title twice, 同志作", "2025年北京市政府工作报告\n政府工作报告\n2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。\n",
			"2025年北京市政府工作报告", "2025-01-14", "北京市", "市长", "殷勇", ""},
		{"region, acting chairman", "2025年西藏政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上\n西藏自治区代理主席 嘎玛泽登\n",
			"2025年西藏政府工作报告", "2025-01-19", "西藏自治区", "代理主席", "嘎玛泽登", ""},
		{"name with a middle dot", "2025年新疆政府工作报告\n2025年1月19日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n自治区主席 艾尔肯·吐尼亚孜\n",
			"2025年新疆政府工作报告", "2025-01-19", "新疆维吾尔自治区", "主席", "艾尔肯·吐尼亚孜", ""},
		{"Traditional, speaker first", "政府工作報告\n市長 吳秀玲\n——2024年2月27日在朔州市第七屆人民代表大會第四次會議上\n",
			"政府工作報告", "2024-02-27", "朔州市", "市長", "吳秀玲", ""},
		{"no occasion: says less", "2025年某省政府工作报告\n",
			"2025年某省政府工作报告", "", "", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Read("s.txt", []byte(c.head+body), nil)
			if err != nil {
				t.Fatal(err)
			}
			r, h := res.Report, res.Report.Head
			got := []string{r.Title.Text, h.Date, h.Place, h.Office, h.Speaker, h.Source}
			want := []string{c.title, c.date, c.place, c.office, c.speaker, c.src}
			for i, k := range []string{"title", "date", "place", "office", "speaker", "source"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", k, got[i], want[i])
				}
			}
			if len(r.Parts) != 2 || len(r.Closing) != 1 || r.Salutation.Text == "" {
				t.Errorf("%d parts, %d closing, salutation %q", len(r.Parts), len(r.Closing), r.Salutation.Text)
			}
			for _, u := range r.Units() {
				if strings.HasPrefix(u.Text, "来源") {
					t.Errorf("the 来源 line is report text: %q", u.Text)
				}
			}
			if c.date == "" && len(res.Warnings) == 0 {
				t.Error("no warning for the missing occasion")
			}
		})
	}
}

// TestPartsLadder: numbered parts; unnumbered titles; a lone 一、 list line
// among unnumbered titles is not a part.
func TestPartsLadder(t *testing.T) {
	head := "2025年某省政府工作报告\n——2025年1月15日在某省第一届人民代表大会第一次会议上\n省长 某某\n各位代表：\n开篇。\n"
	cases := []struct {
		name, body string
		parts      []string
	}{
		{"numbered", "一、2024年工作回顾\n甲。\n二、2025年工作安排\n乙。\n", []string{"一、2024年工作回顾", "二、2025年工作安排"}},
		{"unnumbered", "2024年工作回顾\n甲。\n2025年工作安排\n乙。\n", []string{"2024年工作回顾", "2025年工作安排"}},
		{"unnumbered with a list line", "2024年工作回顾\n一、稳增长\n甲。\n2025年工作安排\n乙。\n", []string{"2024年工作回顾", "2025年工作安排"}},
		{"one numbered part", "一、2024年工作\n甲。\n", []string{"一、2024年工作"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Read("s.txt", []byte(head+c.body), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Report.Parts {
				got = append(got, p.Heading)
			}
			if strings.Join(got, "|") != strings.Join(c.parts, "|") {
				t.Errorf("parts %q, want %q", got, c.parts)
			}
		})
	}
}

// TestUnlabelledAnnex: a list printed after the report's last words
// without 附件 is an annex, not the last part's text.
func TestUnlabelledAnnex(t *testing.T) {
	in := "2025年某省政府工作报告\n——2025年1月15日在某省第一届人民代表大会第一次会议上\n省长 某某\n各位代表：\n开篇。\n一、2024年工作回顾\n甲。\n二、2025年工作安排\n乙。\n各位代表！让我们团结奋斗！\n2025年省十件民生实事\n一、新增托位2000个。\n年度目标：2000个。\n"
	res, err := Read("s.txt", []byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if len(r.Annexes) != 1 || r.Annexes[0].Heading != "2025年省十件民生实事" || len(r.Annexes[0].Paras) != 2 {
		t.Fatalf("annexes %+v", r.Annexes)
	}
	if len(r.Closing) != 1 || len(r.Parts[1].Intro) != 1 {
		t.Errorf("closing %d paragraphs, part 二 %d; want 1 and 1", len(r.Closing), len(r.Parts[1].Intro))
	}
}

// TestSkippedNumbers: a subsection or part number past the expected one is
// read as text, with a warning at its line.
func TestSkippedNumbers(t *testing.T) {
	in := "2025年某省政府工作报告\n——2025年1月15日在某省第一届人民代表大会第一次会议上\n省长 某某\n各位代表：\n开篇。\n一、2024年工作回顾\n（一）甲\n甲。\n（三）丙\n丙。\n三、2025年工作安排\n乙。\n各位代表！让我们团结奋斗！\n"
	res, err := Read("s.txt", []byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"s.txt:9: subsection （三） where （二） was expected", "s.txt:11: part heading 三、 where 二、 was expected"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings:\n%s\nwant %q", all, want)
		}
	}
}
