// Package terms links the report's annotated terms to their notes.
//
// # Anchors are data
//
// Each note (report.Note) is linked from the body through its anchors: the
// literal body strings it annotates, recorded in content/notes.yaml with the
// number of times each occurs in the body (Anchor). The build uses only that
// file; nothing is guessed at build time. Import writes a first version of the
// file with Propose, and editors review and change it by hand.
//
// The file the site's loader reads (it fills Anchor.Path and Anchor.Line,
// the line of the anchor's text key):
//
//	# content/notes.yaml
//	- note: 6                # 6.“揭榜掛帥”制度
//	  anchors:
//	    - text: “揭榜掛帥”
//	      count: 1
//
// # The import cascade (Propose)
//
// For each note the first rule that finds the string in the body wins:
//
//  1. exact: the note's term (the text before its first colon), as written,
//     taking in the quotes the body puts around every occurrence (notes 22,
//     26, 30: the note has 三個一批, the body always “三個一批”);
//  2. quote-insensitive: the term with “”「」『』‘’" removed, matched against
//     the body with the same marks removed; the anchor is the body's own
//     string, taking in a pair of quotes that encloses it (note 21: the
//     note has “田長制”, the body 田長制);
//  3. quoted core: when the term has text outside its quotes, each “X” in it
//     (note 6: “揭榜掛帥”制度 → “揭榜掛帥”; the body never says 制度);
//  4. without a leading count such as 3家, 5個, 2項 (note 9: 3家省級重點產業
//     鏈鏈核企業 → 省級重點產業鏈鏈核企業; the body says 3家企業認定為…);
//  5. a note without a colon (note 14): its text without （…） asides, split
//     at ；, each part matched exactly; when the parts stand together in one
//     paragraph joined by 、 the whole run is one anchor (one link for one
//     list), otherwise each part found is an anchor.
//
// A note no rule finds gets no anchor, and Check reports it.
//
// Editorial choice, note 17 (“專精特新”): its quoted form occurs once. The
// string 專精特新 also occurs inside “鏈主+鏈核+專精特新”企業, a list of kinds
// of enterprise rather than a use of the term. Because anchors are literal
// strings, the anchor “專精特新” (with its quotes) does not match there, and
// that occurrence is deliberately not linked. An editor who wants it linked
// adds the anchor 專精特新 — and then Check reports the two anchors as
// overlapping, which is the point: choose one.
//
// # Linking (New)
//
// New returns a goldmark extension: an AST transformer that runs after the
// site's markup transformer (priority Priority, above its 1000: goldmark runs
// lower numbers first), so paragraphs already carry their id attributes. It
// walks every inline container of the document except headings, links,
// autolinks, images, code spans, code blocks and raw HTML, and within each
// container matches anchors against runs of adjacent text nodes: longest
// anchor first, non-overlapping, never across a line break or out of
// emphasis. Each match becomes a Ref node holding the original text nodes, so
// the text is unchanged and escaped as before; adjacent terms such as
// “兩個毫不動搖”“三個沒有變” become separate links. A match never cuts a
// backslash escape or an entity reference in two.
//
// A Ref renders as
//
//	<a class="term" href="#n5" id="p2-2-2-n5" role="doc-noteref" data-note="5">“四全工作法”<span class="vh" data-ed>（注釋5）</span></a>
//
// The link text is report text; the screen-reader label is marked data-ed.
// Every link found on a page is recorded as a Use in the parser.Context
// (Uses), with the paragraph it stands in and a short snippet of context.
//
// # Checks and views
//
// Check compares the anchors with the body and the uses and reports every
// problem at the anchor's place in the anchors file. Views turns notes and
// uses into what the templates in templates/partials/notes.html show: each
// note with every place its term is used.
package terms
