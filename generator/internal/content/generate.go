package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"edition/generator/internal/markup"
	"edition/generator/internal/report"
)

// Generated is the content that Import writes: file name → bytes.
type Generated map[string][]byte

// Para is a report paragraph as placed in the content, for the passes that
// annotate it (anchors, figures, charts).
type Para struct {
	ID   string
	Text string
}

// GenerateConfig holds the optional passes over a generated edition.
type GenerateConfig struct {
	SeedName string
	// Anchors proposes note anchors from the body paragraphs; nil leaves
	// every note without anchors for an editor to fill in.
	Anchors func(notes []report.Note, body []Para) [][]Anchor
	// Extra adds files (such as a figures dataset) and returns blocks to
	// insert after paragraphs, keyed by paragraph ID.
	Extra func(body []Para) (files Generated, after map[string][]string, err error)
}

// Closing is the part number ParaID takes for the closing paragraphs.
const Closing = -1

// ParaID is the stable ID import gives the k-th paragraph (from 1) of a
// part: the opening is part 0 (p0-k), part N's own paragraphs pN-k, its
// subsection M pN-M-k, the closing pc-k.
func ParaID(part, section, k int) string {
	switch {
	case part == Closing:
		return fmt.Sprintf("pc-%d", k)
	case section == 0:
		return fmt.Sprintf("p%d-%d", part, k)
	default:
		return fmt.Sprintf("p%d-%d-%d", part, section, k)
	}
}

// Body lists the report's paragraphs in reading order with the IDs import
// gives them.
func Body(r *report.Report) []Para {
	var ps []Para
	for k, p := range r.Opening {
		ps = append(ps, Para{ParaID(0, 0, k+1), p.Text})
	}
	for _, part := range r.Parts {
		for k, p := range part.Intro {
			ps = append(ps, Para{ParaID(part.Num, 0, k+1), p.Text})
		}
		for _, s := range part.Sections {
			for k, p := range s.Paras {
				ps = append(ps, Para{ParaID(part.Num, s.Num, k+1), p.Text})
			}
		}
	}
	for k, p := range r.Closing {
		ps = append(ps, Para{ParaID(Closing, 0, k+1), p.Text})
	}
	return ps
}

var reCity = regexp.MustCompile(`在(\p{Han}{1,8}?(?:市|縣|县|區|区|州|盟|旗|省))第`)
var reDate = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)

// Generate lays out a read report as content files.
func Generate(res *report.Result, cfg GenerateConfig) (Generated, error) {
	r := res.Report
	out := Generated{}
	type page struct {
		name  string
		meta  Meta
		body  []string // blocks
		paras []Para
	}
	var pages []*page
	newPage := func(name string, m Meta) *page {
		p := &page{name: name, meta: m}
		pages = append(pages, p)
		return p
	}
	addPara := func(p *page, id string, rp report.Para) {
		p.body = append(p.body, paraMD(rp)+" {#"+id+"}")
		p.paras = append(p.paras, Para{ID: id, Text: rp.Text})
	}
	opening, closing := "開篇", "結語"
	if r.Simplified() {
		opening, closing = "开篇", "结语"
	}
	order := 0
	home := newPage("home", Meta{Title: r.Title.Text, Cite: opening, Kind: "home", Order: order,
		ReportTitle: r.Title.Text, Occasion: r.Occasion.Text, Speaker: r.Speaker.Text, Salutation: r.Salutation.Text})
	for i, p := range r.Opening {
		addPara(home, ParaID(0, 0, i+1), p)
	}
	for _, part := range r.Parts {
		order++
		title := strings.TrimPrefix(part.Heading, part.Numeral+"、")
		slug := fmt.Sprintf("part-%d", part.Num)
		pp := newPage(slug, Meta{Title: title, Cite: part.Numeral, Slug: slug, Order: order, Kind: "part"})
		pp.body = append(pp.body, "# "+escapeMD(part.Heading)+fmt.Sprintf(" {#part-%d}", part.Num))
		for i, p := range part.Intro {
			addPara(pp, ParaID(part.Num, 0, i+1), p)
		}
		for _, s := range part.Sections {
			cite := part.Numeral + "（" + report.Numeral(s.Num) + "）"
			if s.Inline {
				for i, p := range s.Paras {
					addPara(pp, ParaID(part.Num, s.Num, i+1), p)
				}
				continue
			}
			order++
			sslug := fmt.Sprintf("part-%d-%d", part.Num, s.Num)
			sp := newPage(sslug, Meta{Title: strings.TrimPrefix(s.Heading, s.Marker), Cite: cite, Slug: sslug, Order: order, Kind: "section", Parent: slug})
			sp.body = append(sp.body, "# "+escapeMD(s.Heading)+fmt.Sprintf(" {#s%d-%d}", part.Num, s.Num))
			for i, p := range s.Paras {
				addPara(sp, ParaID(part.Num, s.Num, i+1), p)
			}
		}
	}
	if len(r.Closing) > 0 {
		order++
		cp := newPage("closing", Meta{Title: closing, Cite: closing, Slug: "closing", Order: order, Kind: "closing"})
		for i, p := range r.Closing {
			addPara(cp, ParaID(Closing, 0, i+1), p)
		}
	}
	var body []Para
	for _, p := range pages {
		body = append(body, p.paras...)
	}
	if cfg.Extra != nil {
		files, after, err := cfg.Extra(body)
		if err != nil {
			return nil, err
		}
		for k, v := range files {
			out[k] = v
		}
		for _, p := range pages {
			var blocks []string
			for _, b := range p.body {
				blocks = append(blocks, b)
				if id := blockID(b); id != "" {
					for _, a := range after[id] {
						blocks = append(blocks, strings.TrimSuffix(a, "\n"))
					}
				}
			}
			p.body = blocks
		}
	}
	width := len(fmt.Sprint(len(pages)))
	width = max(width, 2)
	for i, p := range pages {
		name := fmt.Sprintf("%0*d-%s.md", width, i, p.name)
		out[name] = pageFile(p.meta, p.body)
	}
	if len(r.Notes) > 0 {
		ns := &Notes{Heading: r.NotesHeading.Text}
		var anchors [][]Anchor
		if cfg.Anchors != nil {
			anchors = cfg.Anchors(r.Notes, body)
		}
		for i, n := range r.Notes {
			note := Note{Number: n.Num, Term: n.Term, Text: n.Text}
			if i < len(anchors) {
				note.Anchors = anchors[i]
			}
			ns.Notes = append(ns.Notes, note)
		}
		out[NotesFile] = ns.Format(notesComment)
	}
	out[SiteFile] = settingsFile(r, cfg.SeedName)
	return out, nil
}

const notesComment = `The report's notes, one entry per note, as the report prints them ("N.term：text").
anchors: the literal strings in the report body that each note explains, and how many
times the body uses each. Import proposes them (see generator/internal/terms); review
them by hand. The build links every occurrence and fails if a count is wrong.`

func blockID(b string) string {
	id, _ := markup.TrailingID(b)
	return id
}

func pageFile(m Meta, body []string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	kv := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, yamlString(v))
		}
	}
	kv("title", m.Title)
	kv("cite", m.Cite)
	kv("slug", m.Slug)
	fmt.Fprintf(&b, "order: %d\n", m.Order)
	kv("kind", m.Kind)
	kv("parent", m.Parent)
	kv("report_title", m.ReportTitle)
	kv("occasion", m.Occasion)
	kv("speaker", m.Speaker)
	kv("salutation", m.Salutation)
	b.WriteString("---\n")
	for i, blk := range body {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(blk)
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func settingsFile(r *report.Report, seed string) []byte {
	city, date := "", ""
	if m := reCity.FindStringSubmatch(r.Occasion.Text); m != nil {
		city = m[1]
	}
	year := ""
	if m := reDate.FindStringSubmatch(r.Occasion.Text); m != nil {
		year = m[1]
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		date = fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
	}
	speaker := r.Speaker.Text
	if i := strings.LastIndexAny(speaker, " 　"); i >= 0 {
		speaker = strings.TrimSpace(speaker[i:])
	}
	name := r.Title.Text
	if !strings.HasPrefix(name, year) && !strings.Contains(name, city) {
		name = city + year + "年" + name
	}
	var b strings.Builder
	b.WriteString("# What the edition says about itself. Written by the first import only; edit freely.\n")
	fmt.Fprintf(&b, "name: %s\n", yamlString(name+" · 注釋版"))
	fmt.Fprintf(&b, "report: %s\n", yamlString(name))
	fmt.Fprintf(&b, "issuer: %s\n", yamlString(city+"人民政府"))
	fmt.Fprintf(&b, "date: %s\n", yamlString(date))
	fmt.Fprintf(&b, "speaker: %s\n", yamlString(speaker))
	b.WriteString("# Absolute address the edition is published at (canonical links, sitemap).\n")
	b.WriteString("base_url: https://edition.example.org/\n")
	b.WriteString("# Where readers find the official text.\n")
	b.WriteString("official_url: \"\"\n")
	fmt.Fprintf(&b, "seed: %s\n", yamlString(seed))
	b.WriteString("# The seed's script. A Traditional report also gets a Simplified edition (at the root).\n")
	if r.Simplified() {
		b.WriteString("script: zh-Hans\n")
	} else {
		b.WriteString("script: zh-Hant\n")
	}
	b.WriteString("about: 本版是政府工作報告的注釋版，非官方版本。正文逐字依照報告原文，原文在傳輸中受損之處已按記錄修復，每處修復及其依據見勘誤頁。\n")
	return []byte(b.String())
}

// paraMD writes a paragraph as one Markdown line, its lead in bold.
func paraMD(p report.Para) string {
	if p.Lead == "" {
		return escapeMD(p.Text)
	}
	return "**" + escapeInline(p.Lead) + "**" + escapeInline(p.Text[len(p.Lead):])
}

// escapeMD escapes what Markdown would read as markup in report text, so
// the text renders exactly as written. The seed needs almost none of it.
func escapeMD(s string) string {
	s = escapeInline(s)
	// Block syntax at the start of a line: headings, quotes, lists, rules.
	if s != "" && strings.ContainsRune("#>-+=|", rune(s[0])) {
		return `\` + s
	}
	if m := reListStart.FindStringIndex(s); m != nil {
		return s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

var reListStart = regexp.MustCompile(`^\d{1,9}[.)]`)

func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|':
			b.WriteByte('\\')
		case '{':
			if strings.HasPrefix(s[i:], "{#") {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
