package script

// variants are Hong Kong and older forms that reports converted with s2hk
// (or typed in Hong Kong) carry, paired with the standard Traditional form
// OpenCC's t2s knows. Each pair is one character for one of the same byte
// length, so positions in the text do not move. 着 and 裏 need no row here:
// t2s already gives 着 and 里.
var variants = []string{
	"衞", "衛",
	"敍", "敘",
	"羣", "群",
	"裏", "裡",
	"綫", "線",
	"衆", "眾",
	"麪", "麵",
	"爲", "為",
	"僞", "偽",
	"甯", "寧",
}
