package site

import (
	"strings"
	"unicode/utf8"

	"edition/generator/internal/markup"
)

// In-page navigation for long pages, after GOV.UK's HTML publications:
// numbered themes are headings a screen reader can jump between (package
// markup renders them so), and a page of many paragraphs opens with a
// list of them.

// minJumps is how many paragraphs a page has before it gets a jump list.
const minJumps = 6

// jumpLabel is the longest label of a jump-list entry, in characters.
const jumpLabel = 30

// Jumps lists the page's paragraphs for its jump list: each by its bold
// lead-in or else its first sentence, without an opening the sentences
// share (一年來，我們全力以赴…), shortened. Short pages get none. On a
// part page with run-in subsections (（一）… opening a paragraph, its
// other paragraphs cited 二（一）¶2 …), each subsection's later
// paragraphs are nested under its heading, as GOV.UK's contents lists
// nest a publication's second-level headings under the first.
func (p *Page) Jumps() []Link {
	var out []Link
	for _, para := range p.Paras {
		if para.Heading || para.ID == "" {
			continue
		}
		out = append(out, Link{Href: "#" + para.ID, Title: jumpTitle(para), Cite: para.Cite})
	}
	if len(out) < minJumps {
		return nil
	}
	dropSharedOpening(out)
	for i := range out {
		if r := []rune(out[i].Title); len(r) > jumpLabel {
			out[i].Title = string(r[:jumpLabel-1]) + "…"
		}
	}
	return nestRunIn(out, p.Meta.Cite)
}

// nestRunIn puts each paragraph of a run-in subsection after its first
// under that first paragraph's entry. A paragraph's subsection is its
// citation before ¶ (二（一）¶2: 二（一）); the page's own paragraphs
// (cited as the page, 二¶1) stay at the top level.
func nestRunIn(ls []Link, pageCite string) []Link {
	var out []Link
	head := -1 // the entry of the subsection being read, in out
	headCite := ""
	for _, l := range ls {
		sub, _, ok := strings.Cut(l.Cite, "¶")
		switch {
		case !ok || sub == pageCite || pageCite == "":
			head = -1
		case head >= 0 && sub == headCite:
			out[head].Children = append(out[head].Children, l)
			continue
		default:
			head, headCite = len(out), sub
		}
		out = append(out, l)
	}
	return out
}

func jumpTitle(para markup.Para) string {
	t := para.Lead
	if t == "" {
		t = para.Text
		if i := strings.Index(t, "。"); i >= 0 {
			t = t[:i]
		}
	}
	return strings.TrimSuffix(t, "。")
}

// minShared is how many titles must open alike, and with how many
// characters up to a comma, before the opening is dropped from them.
const minShared = 3

// dropSharedOpening removes an opening clause (up to and including a
// "，") that at least minShared titles share, from those titles.
func dropSharedOpening(ls []Link) {
	count := map[string]int{}
	for _, l := range ls {
		for i, r := range l.Title {
			if r == '，' {
				count[l.Title[:i+utf8.RuneLen(r)]]++
			}
		}
	}
	best := ""
	for o, n := range count {
		if n >= minShared && (len(o) > len(best) || len(o) == len(best) && o < best) {
			best = o
		}
	}
	if utf8.RuneCountInString(best) < minShared {
		return
	}
	for i := range ls {
		if rest, ok := strings.CutPrefix(ls[i].Title, best); ok && rest != "" {
			ls[i].Title = rest
		}
	}
}

// BodyHead is the body up to and including its title (its first <h1>),
// which the jump list follows; BodyRest is the remainder. A body without
// a title is all rest. Both come with their charts' share panels.
func (p *Page) BodyHead() []Run { return p.runs(0, p.TitleEnd) }

// BodyRest: see BodyHead.
func (p *Page) BodyRest() []Run { return p.runs(p.TitleEnd, len(p.Body)) }
