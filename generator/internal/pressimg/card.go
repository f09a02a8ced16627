package pressimg

// Share card size: the 1.91:1 image Open Graph consumers (WeChat, Weibo,
// Facebook, Slack) crop to.
const (
	CardWidth  = 1200
	CardHeight = 630
)

// CardInfo is what a page's share card says, in the edition's script.
type CardInfo struct {
	Title   string // the page's title
	Cite    string // its place in the report: "二（一）"; "" for pages outside it
	Report  string // the report's name
	Edition string // the edition's name
	Site    string // the address to show ("edition.example.org"); "" shows none
}

// Card draws a page's share card: the edition's name, the title as large
// as fits in three lines, and the citation (or the report's name for
// pages outside the report, such as the notes).
func Card(f *Fonts, c CardInfo) ([]byte, error) {
	s := newSheet(f, CardWidth)
	const left, right, band = 96.0, 80.0, 28.0
	w := CardWidth - left - right
	s.rect(0, 0, band, CardHeight, blue)
	s.y = 70
	s.para(left, w, c.Edition, style{34, false, muted}, 1.3)
	s.y += 40
	size := 72.0
	for size > 44 && len(f.wrap(c.Title, style{Size: size, Bold: true}, w)) > 3 {
		size -= 4
	}
	s.para(left, w, c.Title, style{size, true, ink}, 1.28)
	s.y += 28
	switch {
	case c.Cite != "":
		s.para(left, w, c.Report+" · "+c.Cite, style{36, false, blue}, 1.3)
	case c.Report != "":
		s.para(left, w, c.Report, style{36, false, blue}, 1.3)
	}
	if c.Site != "" {
		s.y = CardHeight - 70 - 30
		s.para(left, w, c.Site, style{30, false, muted}, 1.3)
	}
	return s.png(CardHeight)
}
