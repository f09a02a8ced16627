package model

// A Copy is a writer that a page's body, or a chart, is rendered into for
// another place than its page: an embed page, framed by other sites, on
// which a link to anything not on it opens the full edition in a new tab.
// The renderers that write links ask the writer, as they tell it where
// figures and titles end; the body is rendered for the copy, never
// rewritten afterwards. A copy is not the report text that the fidelity
// check reads, so its paragraphs carry no data-seed mark.
type Copy interface {
	// Link is href, as the page itself writes it, as the copy writes it,
	// and whether it opens in a new tab. pin marks a paragraph's
	// permalink, which always goes to the full page.
	Link(href string, pin bool) (string, bool)
}

// NewTab is what a link that opens in a new tab adds to its attributes.
const NewTab = ` target="_blank" rel="noopener"`

// LinkAttrs is href as a Copy writes it (as it is when c is nil), and
// the attributes to write after it: NewTab or "".
func LinkAttrs(c Copy, href string, pin bool) (string, string) {
	if c == nil {
		return href, ""
	}
	h, tab := c.Link(href, pin)
	if tab {
		return h, NewTab
	}
	return h, ""
}
