package content

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

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
	// Year and Kind are what the paragraph's figures state: in a review
	// part the past year's outturn, in a plan part the report year's
	// targets; 0 and "" elsewhere or when the report's year is unknown.
	Year int
	Kind string
}

// GenerateConfig holds the optional passes over a generated edition.
type GenerateConfig struct {
	SeedName string
	SeedPath string // for warnings; SeedName when empty
	// Anchors proposes note anchors from the body paragraphs; nil leaves
	// every note without anchors for an editor to fill in.
	Anchors func(notes []report.Note, body []Para) [][]Anchor
	// Extra adds files (such as a figures dataset) and returns blocks to
	// insert after paragraphs, keyed by paragraph ID.
	// simp tells the report's script, for the wording of what it proposes.
	Extra func(body []Para, simp bool) (files Generated, after map[string][]string, err error)
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
		ps = append(ps, Para{ID: ParaID(0, 0, k+1), Text: p.Text})
	}
	for _, part := range r.Parts {
		for k, p := range part.Intro {
			ps = append(ps, Para{ID: ParaID(part.Num, 0, k+1), Text: p.Text})
		}
		for _, s := range part.Sections {
			for k, p := range s.Paras {
				ps = append(ps, Para{ID: ParaID(part.Num, s.Num, k+1), Text: p.Text})
			}
		}
	}
	for k, p := range r.Closing {
		ps = append(ps, Para{ID: ParaID(Closing, 0, k+1), Text: p.Text})
	}
	return ps
}

// Generate lays out a read report as content files.
func Generate(res *report.Result, cfg GenerateConfig) (Generated, error) {
	r := res.Report
	l := &layout{r: r}
	l.home()
	for _, part := range r.Parts {
		l.part(part)
	}
	l.closing()
	for _, a := range r.Annexes {
		l.annex(a)
	}
	out := Generated{}
	if cfg.Extra != nil {
		if err := l.extra(cfg, out); err != nil {
			return nil, err
		}
	}
	l.write(out)
	if len(r.Notes) > 0 {
		out[NotesFile] = l.notes(res, cfg)
	}
	out[SiteFile] = settingsFile(res, cfg.SeedName)
	out[OverridesFile] = []byte(overridesComment)
	return out, nil
}

// period tells what a part's figures are from its heading: a review
// (工作回顾) states the past year's outturns, a plan (2025年工作安排,
// 重点任务) the report year's targets.
func period(year int, heading string) (int, string) {
	switch {
	case year == 0:
		return 0, ""
	case strings.Contains(heading, "回顾") || strings.Contains(heading, "回顧") || strings.Contains(heading, fmt.Sprint(year-1)):
		return year - 1, "outturn"
	case strings.Contains(heading, fmt.Sprint(year)) || reTasks().MatchString(heading):
		return year, "target"
	}
	return 0, ""
}

// reAnnexLabel is an annex heading with no title of its own: 附件, 附件1.
var reAnnexLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^附件\s*[0-9０-９一二三四五六七八九十]*$`)
})

// isTitleLine reports a short line with no sentence punctuation.
func isTitleLine(s string) bool {
	return len([]rune(s)) <= 30 && !strings.ContainsAny(s, "。；：！？，")
}

var reTasks = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`安排|任[务務]|[总總][体體]要求|重[点點]工作`)
})

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

const overridesComment = `# Where OpenCC's conversion between the scripts is wrong for this report:
# one row per line, "traditional<TAB>simplified<TAB>why"; both words the same
# length. Import writes this file empty for a new report; the build's script
# lint names the characters that need a row.
`

// settingsFile drafts site.yaml from what the head of the report says, in
// the report's own script; it says less rather than something wrong.
func settingsFile(res *report.Result, seed string) []byte {
	r, h := res.Report, res.Report.Head
	simp := r.Simplified()
	name := reportName(r)
	label, about := " · 注釋版", aboutText(res, false)
	if simp {
		label, about = " · 注释版", aboutText(res, true)
	}
	var b strings.Builder
	b.WriteString("# What the edition says about itself. Written by the first import only; edit freely.\n")
	fmt.Fprintf(&b, "name: %s\n", yamlString(name+label))
	fmt.Fprintf(&b, "report: %s\n", yamlString(name))
	fmt.Fprintf(&b, "issuer: %s\n", yamlString(h.Issuer()))
	fmt.Fprintf(&b, "date: %s\n", yamlString(h.Date))
	fmt.Fprintf(&b, "speaker: %s\n", yamlString(h.Speaker))
	b.WriteString("# Absolute address the edition is published at (canonical links, sitemap).\n")
	b.WriteString("base_url: https://edition.example.org/\n")
	b.WriteString("# Where readers find the official text.\n")
	b.WriteString("official_url: \"\"\n")
	fmt.Fprintf(&b, "seed: %s\n", yamlString(seed))
	b.WriteString("# The seed's script. A Traditional report also gets a Simplified edition (at the root).\n")
	if simp {
		b.WriteString("script: zh-Hans\n")
		b.WriteString("# How the Traditional edition is made: OpenCC s2t (standard forms), s2twp (Taiwan) or s2hk (Hong Kong).\n")
		b.WriteString("traditional: s2t\n")
	} else {
		b.WriteString("script: zh-Hant\n")
	}
	fmt.Fprintf(&b, "about: %s\n", yamlString(about))
	return []byte(b.String())
}

// reportName is the report's title, with its place and year when the
// title lacks its year; a report without a title line is named from the
// occasion (西藏自治区2025年政府工作报告).
func reportName(r *report.Report) string {
	h := r.Head
	name := r.Title.Text
	if name == "" {
		name = "政府工作報告"
		if r.Simplified() {
			name = "政府工作报告"
		}
	}
	if h.Year > 0 && !strings.Contains(name, fmt.Sprint(h.Year)) {
		name = fmt.Sprintf("%s%d年%s", h.Place, h.Year, name)
	}
	return name
}

// aboutText says what this edition did to the text, and nothing it did not:
// repairs only when corrections were recorded, the source when the copy
// named one.
func aboutText(res *report.Result, simp bool) string {
	pick := func(hans, hant string) string {
		if simp {
			return hans
		}
		return hant
	}
	s := pick("本版是政府工作报告的注释版，非官方版本。正文逐字依照报告原文", "本版是政府工作報告的注釋版，非官方版本。正文逐字依照報告原文")
	switch {
	case res.Repairs+res.Restored > 0:
		s += pick("，原文在传输中受损之处已按记录修复，每处修复及其依据见勘误页", "，原文在傳輸中受損之處已按記錄修復，每處修復及其依據見勘誤頁")
	case res.Punct > 0:
		s += pick("，仅将复制时变为半角的标点按记录改回全角，见勘误页", "，僅將複製時變為半角的標點按記錄改回全角，見勘誤頁")
	}
	s += "。"
	if src := res.Report.Head.Source; src != "" {
		s += pick("底本录自", "底本錄自") + src + "。"
	}
	return s
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
	if m := reListStart().FindStringIndex(s); m != nil {
		return s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

var reListStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{1,9}[.)]`) })

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
