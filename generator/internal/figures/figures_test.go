package figures

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// fixture is a small dataset in the file's form: a curated figure, an
// extracted one, a target with a qualifier and a note.
var fixture = header +
	"coal-2023\tp1-2\t全年生產原煤2.33億噸\t原煤產量\t2.33\t億噸\t2023\toutturn\tlevel\t\t\n" +
	"p1-2.2\tp1-2\t增長7.2%\t原煤產量\t7.2\t%\t2023\toutturn\tgrowth\t\t\n" +
	"gdp-2024\tp2-3\t地區生產總值增長5%以上\t地區生產總值\t5\t%\t2024\ttarget\tgrowth\t以上\t並「在實際工作中盡可能爭取更好結果」\n"

func fixtureDataset(t *testing.T) *Dataset {
	t.Helper()
	ds, err := Parse("f.tsv", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestExtract(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // "measure|value|unit|type|qualifier|phrase"
	}{
		{"level then growth", "全年生產原煤2.33億噸，增長7.2%。",
			[]string{"生產原煤|2.33|億噸|level||全年生產原煤2.33億噸", "生產原煤|7.2|%|growth||增長7.2%"}},
		{"target with 以上", "地區生產總值增長5%以上，在實際工作中",
			[]string{"地區生產總值|5|%|growth|以上|地區生產總值增長5%以上"}},
		{"力爭 and range", "力爭新增平臺1—2家。",
			[]string{"新增平臺|2|家|level|力爭 1—|力爭新增平臺1—2家"}},
		{"respectively", "收入分別增長4%、8.7%。",
			[]string{"收入|4|%|growth||收入分別增長4%", "收入|8.7|%|growth||8.7%"}},
		{"quoted name", "建成公路127公里、“四好農村路”193公里。",
			[]string{"建成公路|127|公里|level||建成公路127公里", "四好農村路|193|公里|level||“四好農村路”193公里"}},
		{"not units", "5G基站和B2B業務在2023年，13710平臺。", nil},
		{"times", "推進2×35萬千瓦項目", []string{"推進|35|萬千瓦|level|2×|推進2×35萬千瓦"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range Extract([]Para{{"p1-1", c.text}}) {
				got = append(got, strings.Join([]string{f.Measure, f.Value, f.Unit, f.Type, f.Qualifier, f.Phrase}, "|"))
				if !strings.Contains(c.text, f.Phrase) {
					t.Errorf("phrase %q is not a substring", f.Phrase)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestParseUnit(t *testing.T) {
	for _, c := range []struct {
		in   string
		mag  float64
		base string
	}{{"億千瓦時", 1e8, "千瓦時"}, {"萬千瓦", 1e4, "千瓦"}, {"萬人", 1e4, "人"}, {"人", 1, "人"}, {"%", 1, "%"}, {"GW", 1e6, "千瓦"}} {
		t.Run(c.in, func(t *testing.T) {
			u := ParseUnit(c.in)
			if u.Mag != c.mag || u.Base != c.base {
				t.Errorf("got %v %q", u.Mag, u.Base)
			}
		})
	}
}

const header = "id\tpara\tphrase\tmeasure\tvalue\tunit\tyear\tkind\ttype\tqualifier\tnote\n"

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"bad header", "id\tpara\n", "f.tsv:1: the header must be"},
		{"few columns", header + "a\tp1-2\tx\n", "f.tsv:2: expected 11 tab-separated columns, found 3"},
		{"bad value", header + "a\tp1-2\t原煤2.33億噸\t原煤\t2,33\t億噸\t2023\toutturn\tlevel\t\t\n", "f.tsv:2: value \"2,33\""},
		{"bad kind", header + "a\tp1-2\t原煤2.33億噸\t原煤\t2.33\t億噸\t2023\tactual\tlevel\t\t\n", "f.tsv:2: kind \"actual\""},
		{"duplicate", header + "a\tp1-2\tx1個\tx\t1\t個\t\t\tlevel\t\t\n" + "a\tp1-2\tx1個\tx\t1\t個\t\t\tlevel\t\t\n", "f.tsv:3: figure id \"a\" is already used on line 2"},
		{"bad id", header + "Coal 2023\tp1-2\tx1個\tx\t1\t個\t\t\tlevel\t\t\n", "f.tsv:2: figure id \"Coal 2023\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("f.tsv", []byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	paras := map[string]string{"p1-2": "全年生產原煤2.33億噸，增長7.2%。"}
	text := func(id string) (string, bool) { s, ok := paras[id]; return s, ok }
	for _, c := range []struct{ name, row, want string }{
		{"ok", "coal\tp1-2\t原煤2.33億噸\t原煤\t2.33\t億噸\t2023\toutturn\tlevel\t\t", ""},
		{"phrase gone", "coal\tp1-2\t原煤2.35億噸\t原煤\t2.35\t億噸\t2023\toutturn\tlevel\t\t", "f.tsv:2: figure coal: the phrase \"原煤2.35億噸\" is no longer in paragraph p1-2"},
		{"value drift", "coal\tp1-2\t原煤2.33億噸\t原煤\t2.3\t億噸\t2023\toutturn\tlevel\t\t", "f.tsv:2: figure coal: the text says 2.33億噸 but the dataset says 2.3億噸"},
		{"unit drift", "coal\tp1-2\t原煤2.33億噸\t原煤\t2.33\t萬噸\t2023\toutturn\tlevel\t\t", "the text says 2.33億噸 but the dataset says 2.33萬噸"},
		{"no paragraph", "coal\tp1-9\t原煤2.33億噸\t原煤\t2.33\t億噸\t2023\toutturn\tlevel\t\t", "f.tsv:2: figure coal: no paragraph p1-9"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, err := Parse("f.tsv", []byte(header+c.row+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			errs := Validate(ds, text)
			if c.want == "" {
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
				t.Errorf("got %v, want %q", errs, c.want)
			}
		})
	}
}

func TestFormatParseRoundTrip(t *testing.T) {
	ds := fixtureDataset(t)
	if got := string(Format(ds)); got != fixture {
		t.Errorf("Format = %q, want the file it was parsed from", got)
	}
	back, err := Parse("f.tsv", Format(ds))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Format(back), Format(ds)) {
		t.Error("Format(Parse(Format(ds))) differs")
	}
}

func TestDownloads(t *testing.T) {
	ds := fixtureDataset(t)
	href := func(p string) string { return "https://example.org/#" + p }
	var j struct {
		Figures []struct {
			ID    string  `json:"id"`
			URL   string  `json:"url"`
			Value float64 `json:"value"`
		} `json:"figures"`
	}
	if err := json.Unmarshal(JSON(ds, href), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Figures) != len(ds.Figures) || j.Figures[0].URL == "" {
		t.Errorf("JSON has %d figures, want %d with urls", len(j.Figures), len(ds.Figures))
	}
	if !bytes.Equal(JSON(ds, href), JSON(ds, href)) || !bytes.Equal(CSV(ds, href), CSV(ds, href)) {
		t.Error("downloads are not deterministic")
	}
	if lines := bytes.Count(CSV(ds, href), []byte("\n")); lines != len(ds.Figures)+1 {
		t.Errorf("CSV has %d lines, want %d", lines, len(ds.Figures)+1)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "coal\tp1-2\t原煤2.33億噸\t原煤\t2.33\t億噸\t2023\toutturn\tlevel\t\t\n"))
	f.Add([]byte("id\n\t\t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := Parse("f.tsv", data)
		if err == nil {
			Validate(ds, func(string) (string, bool) { return string(data), true })
			Format(ds)
		}
		Extract([]Para{{"p1-1", string(data)}})
	})
}

// TestCSVNeutralisesFormulas: cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe; numbers stay numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	cases := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1+2", "'+1+2"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"-3.5", "-3.5"},
		{"+7", "+7"},
		{"糧食產量", "糧食產量"},
		{"", ""},
	}
	for _, c := range cases {
		if got := neutralise(c.in); got != c.want {
			t.Errorf("neutralise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
