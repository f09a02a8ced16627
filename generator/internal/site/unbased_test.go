package site

import (
	"bytes"
	"regexp"
	"testing"
)

// The regexps unbase used to apply: dropAbsTags and dropLDURLs must do
// exactly what they did, in one pass instead of a backtracking scan.
var (
	reAbsTags = regexp.MustCompile(`(?m)^<link rel="canonical"[^>]*>\n|^<link rel="alternate" hreflang="[^"]*" href="` + regexp.QuoteMeta(unsetBase) + `[^>]*>\n|^<meta property="og:url"[^>]*>\n|^<link rel="alternate" type="application/json\+oembed"[^>]*>\n`)
	reLDURL   = regexp.MustCompile(`,?"url":"` + regexp.QuoteMeta(unsetBase) + `[^"]*"`)
)

var unbaseCases = []struct{ name, in string }{
	{"canonical", "<head>\n<link rel=\"canonical\" href=\"https://unset.invalid/a/\">\n<title>x</title>\n"},
	{"canonical not ending its line", "<link rel=\"canonical\" href=\"x\"> <b>\n"},
	{"tag over two lines", "<meta property=\"og:url\"\n content=\"https://unset.invalid/\">\nrest\n"},
	{"our alternate", "<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://unset.invalid/zh-hant/\">\n"},
	{"someone else's alternate", "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/\">\n"},
	{"oembed", "a\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://unset.invalid/o.json\">\nb"},
	{"not at a line start", " <link rel=\"canonical\" href=\"x\">\n"},
	{"last line without newline", "<link rel=\"canonical\" href=\"x\">"},
	{"json-ld url after a comma", `{"@type":"Article","url":"https://unset.invalid/a/","name":"n"}`},
	{"json-ld url first", `{"url":"https://unset.invalid/a/","name":"n"}`},
	{"two urls", `[{"a":1,"url":"https://unset.invalid/a/"},{"b":2,"url":"https://unset.invalid/b/"}]`},
	{"url unterminated", `{"x":1,"url":"https://unset.invalid/a`},
	{"adjacent", `,"url":"https://unset.invalid/a",,"url":"https://unset.invalid/b"`},
}

func oldUnbase(b []byte) []byte {
	return reLDURL.ReplaceAll(reAbsTags.ReplaceAll(b, nil), nil)
}

func TestUnbaseAsTheRegexps(t *testing.T) {
	for _, c := range unbaseCases {
		t.Run(c.name, func(t *testing.T) {
			got, want := dropLDURLs(dropAbsTags([]byte(c.in))), oldUnbase([]byte(c.in))
			if !bytes.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

func FuzzUnbase(f *testing.F) {
	for _, c := range unbaseCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, want := dropLDURLs(dropAbsTags([]byte(in))), oldUnbase([]byte(in))
		if !bytes.Equal(got, want) {
			t.Errorf("%q:\ngot  %q\nwant %q", in, got, want)
		}
	})
}
