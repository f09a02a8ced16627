package model

// A Relinker is a writer that a page's body, or a chart, is rendered into
// for another place than its page, and that writes its links for that
// place: the 全文 page, which holds every paragraph, or an embed page,
// framed by other sites, on which a link to anything not on it opens the
// full edition in a new tab. The renderers that write links ask the
// writer, as they tell it where figures and titles end; the body is
// rendered for its place, never rewritten afterwards.
type Relinker interface {
	// Link is href, as the page itself writes it, as the place writes it,
	// and whether it opens in a new tab. pin marks a paragraph's
	// permalink.
	Link(href string, pin bool) (string, bool)
}

// A Copy is a Relinker for a copy of the page that is not the report
// text the fidelity check reads (an embed page): its paragraphs carry no
// data-seed mark.
type Copy interface {
	Relinker
	Copy()
}

// NewTab is what a link that opens in a new tab adds to its attributes.
const NewTab = ` target="_blank" rel="noopener"`

// LinkAttrs is href as r writes it (as it is when r is nil), and the
// attributes to write after it: NewTab or "".
func LinkAttrs(r Relinker, href string, pin bool) (string, string) {
	if r == nil {
		return href, ""
	}
	h, tab := r.Link(href, pin)
	if tab {
		return h, NewTab
	}
	return h, ""
}
