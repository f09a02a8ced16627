package chart

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Kinds of chart.
const (
	KindBar     = "bar"
	KindCompare = "compare"
	KindPart    = "part"
)

// Spec is a parsed chart block.
type Spec struct {
	ID, Kind, Title, Subtitle, Note string
	Sort                            string // "desc", "asc" or ""
	Panels                          bool   // one scale per unit
	Figures                         []string
	Labels                          map[string]string // figure id → row label
	// FigureLines gives the 1-based line in the block of each figure id,
	// so errors about a figure point at it.
	FigureLines map[string]int
}

// SpecError is a problem in a chart block at a 1-based line of the block's
// text (line 1 is the first line inside the fence).
type SpecError struct {
	Line int
	Msg  string
}

func (e *SpecError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

var (
	reSpecID  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`) })
	reFigID   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9.\-]*$`) })
	reListSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[,，、\s]+`) })
)

// ParseSpec reads a chart block. It never panics; every problem comes back
// as a *SpecError.
func ParseSpec(src string) (*Spec, error) {
	s := &Spec{Labels: map[string]string{}, FigureLines: map[string]int{}}
	seen := map[string]int{}
	inFigures := false
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		line := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if item, ok := strings.CutPrefix(line, "- "); ok && inFigures {
			if err := s.addFigures(item, n); err != nil {
				return nil, err
			}
			continue
		}
		inFigures = false
		key, val, ok := cutKey(line)
		if !ok {
			return nil, &SpecError{n, fmt.Sprintf("expected \"key: value\", found %q", clip(line, 30))}
		}
		if k, id, isLabel := strings.Cut(key, " "); isLabel && k == "label" {
			id = strings.TrimSpace(id)
			if !reFigID().MatchString(id) {
				return nil, &SpecError{n, fmt.Sprintf("label needs a figure id: \"label coal-2023: 原煤\", found %q", key)}
			}
			s.Labels[id] = val
			continue
		}
		if prev, dup := seen[key]; dup {
			return nil, &SpecError{n, fmt.Sprintf("%s is already set on line %d", key, prev)}
		}
		seen[key] = n
		if err := s.set(key, val, n); err != nil {
			return nil, err
		}
		inFigures = key == "figures"
	}
	return s, s.check(seen)
}

func cutKey(line string) (key, val string, ok bool) {
	i := strings.IndexAny(line, ":：")
	if i <= 0 {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimSpace(line[:i]))
	sep := ":"
	if strings.HasPrefix(line[i:], "：") {
		sep = "："
	}
	return key, strings.TrimSpace(line[i+len(sep):]), true
}

func (s *Spec) set(key, val string, n int) error {
	switch key {
	case "id":
		if !reSpecID().MatchString(val) {
			return &SpecError{n, fmt.Sprintf("id %q: use lower-case ASCII letters, digits and '-'", val)}
		}
		s.ID = val
	case "kind":
		switch val {
		case KindBar, KindCompare, KindPart:
			s.Kind = val
		case "bar-compare", "dumbbell":
			s.Kind = KindCompare
		case "stacked", "part-of-whole":
			s.Kind = KindPart
		default:
			return &SpecError{n, fmt.Sprintf("kind %q: use bar, compare or part", val)}
		}
	case "title":
		s.Title = val
	case "subtitle", "unit":
		s.Subtitle = val
	case "note":
		s.Note = val
	case "sort":
		switch val {
		case "desc", "asc":
			s.Sort = val
		case "none", "":
		default:
			return &SpecError{n, fmt.Sprintf("sort %q: use desc, asc or none", val)}
		}
	case "panels":
		switch val {
		case "unit":
			s.Panels = true
		case "none", "":
		default:
			return &SpecError{n, fmt.Sprintf("panels %q: use unit or none", val)}
		}
	case "figures":
		return s.addFigures(val, n)
	default:
		return &SpecError{n, fmt.Sprintf("unknown key %q (keys: id, kind, title, subtitle, figures, sort, panels, note, label <id>)", key)}
	}
	return nil
}

func (s *Spec) addFigures(list string, n int) error {
	for _, id := range reListSep().Split(strings.TrimSpace(list), -1) {
		if id == "" {
			continue
		}
		if !reFigID().MatchString(id) {
			return &SpecError{n, fmt.Sprintf("figure id %q: use the ids in the figures dataset", clip(id, 30))}
		}
		if prev, dup := s.FigureLines[id]; dup {
			return &SpecError{n, fmt.Sprintf("figure %s is already listed on line %d", id, prev)}
		}
		s.FigureLines[id] = n
		s.Figures = append(s.Figures, id)
	}
	return nil
}

func (s *Spec) check(seen map[string]int) error {
	for _, k := range []string{"id", "kind", "title", "figures"} {
		if _, ok := seen[k]; !ok {
			return &SpecError{1, fmt.Sprintf("missing %s: a chart needs id, kind, title and figures", k)}
		}
	}
	if len(s.Figures) == 0 {
		return &SpecError{seen["figures"], "figures lists no figure ids"}
	}
	if len(s.Figures) > 40 {
		return &SpecError{seen["figures"], fmt.Sprintf("%d figures are too many for one chart (at most 40)", len(s.Figures))}
	}
	for id := range s.Labels {
		if _, ok := s.FigureLines[id]; !ok {
			return &SpecError{1, fmt.Sprintf("label for %s, which is not in figures", id)}
		}
	}
	return nil
}

// Format writes a spec back as block text.
func (s *Spec) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\nkind: %s\ntitle: %s\n", s.ID, s.Kind, s.Title)
	if s.Subtitle != "" {
		fmt.Fprintf(&b, "subtitle: %s\n", s.Subtitle)
	}
	if s.Sort != "" {
		fmt.Fprintf(&b, "sort: %s\n", s.Sort)
	}
	if s.Panels {
		b.WriteString("panels: unit\n")
	}
	fmt.Fprintf(&b, "figures: %s\n", strings.Join(s.Figures, ", "))
	for _, id := range s.Figures {
		if l, ok := s.Labels[id]; ok {
			fmt.Fprintf(&b, "label %s: %s\n", id, l)
		}
	}
	if s.Note != "" {
		fmt.Fprintf(&b, "note: %s\n", s.Note)
	}
	return b.String()
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
