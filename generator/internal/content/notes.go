package content

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"edition/generator/internal/diag"
)

// ParseNotes reads notes.yaml: a heading and a list of notes, each with a
// number, term, text (one string per paragraph) and anchors. Every note and
// anchor keeps its line for error messages.
func ParseNotes(p string, data []byte) (*Notes, error) {
	root, err := parseYAML(p, 0, data)
	if err != nil {
		return nil, err
	}
	ns := &Notes{Path: p}
	var errs diag.List
	var top struct {
		Heading string    `yaml:"heading"`
		Notes   yaml.Node `yaml:"notes"`
	}
	if errs = decodeStrict(p, 0, root, &top); len(errs) > 0 {
		return nil, errs
	}
	ns.Heading = top.Heading
	if top.Notes.Kind != yaml.SequenceNode && top.Notes.Kind != 0 {
		return nil, diag.Errorf(p, top.Notes.Line, "notes: expected a list of notes")
	}
	for _, nn := range top.Notes.Content {
		n, e := parseNote(p, nn)
		errs = append(errs, e...)
		if n != nil {
			ns.Notes = append(ns.Notes, *n)
		}
	}
	errs = append(errs, checkNumbers(p, ns.Notes)...)
	return ns, errs.Err()
}

// parseNote reads one note of the list; nil when it cannot be decoded.
func parseNote(p string, nn *yaml.Node) (*Note, diag.List) {
	var raw struct {
		Number  int       `yaml:"number"`
		Term    string    `yaml:"term"`
		Text    []string  `yaml:"text"`
		Anchors yaml.Node `yaml:"anchors"`
	}
	if e := decodeStrict(p, 0, nn, &raw); len(e) > 0 {
		return nil, e
	}
	var errs diag.List
	n := &Note{Number: raw.Number, Term: raw.Term, Text: raw.Text, Line: nn.Line}
	if len(n.Text) == 0 || strings.TrimSpace(strings.Join(n.Text, "")) == "" {
		errs = append(errs, diag.Errorf(p, nn.Line, "note %d has no text", n.Number))
	}
	for _, an := range raw.Anchors.Content {
		var a Anchor
		if e := decodeStrict(p, 0, an, &a); len(e) > 0 {
			errs = append(errs, e...)
			continue
		}
		a.Line = an.Line
		if a.Text == "" {
			errs = append(errs, diag.Errorf(p, an.Line, "note %d: anchor text is empty", n.Number))
		}
		if a.Count < 1 {
			errs = append(errs, diag.Errorf(p, an.Line, "note %d: anchor %q: count must be 1 or more (how often the body uses it)", n.Number, a.Text))
		}
		n.Anchors = append(n.Anchors, a)
	}
	return n, errs
}

// checkNumbers checks that the notes are numbered 1..N with none missing
// or repeated.
func checkNumbers(p string, notes []Note) diag.List {
	var errs diag.List
	seen := map[int]int{}
	for _, n := range notes {
		if prev, ok := seen[n.Number]; ok {
			errs = append(errs, diag.Errorf(p, n.Line, "note number %d repeats line %d", n.Number, prev))
		}
		seen[n.Number] = n.Line
	}
	for i := 1; i <= len(notes); i++ {
		if _, ok := seen[i]; !ok {
			line := 0
			if len(notes) > 0 {
				line = notes[len(notes)-1].Line
			}
			errs = append(errs, diag.Errorf(p, line, "note number %d is missing (notes must be numbered 1 to %d)", i, len(notes)))
		}
	}
	return errs
}

// Format writes notes.yaml in the form ParseNotes reads.
func (ns *Notes) Format(comment string) []byte {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(comment), "\n") {
		fmt.Fprintf(&b, "# %s\n", l)
	}
	fmt.Fprintf(&b, "heading: %s\nnotes:\n", yamlString(ns.Heading))
	for _, n := range ns.Notes {
		fmt.Fprintf(&b, "  - number: %d\n    term: %s\n    text:\n", n.Number, yamlString(n.Term))
		for _, t := range n.Text {
			fmt.Fprintf(&b, "      - %s\n", yamlString(t))
		}
		if len(n.Anchors) == 0 {
			b.WriteString("    anchors: []\n")
			continue
		}
		b.WriteString("    anchors:\n")
		for _, a := range n.Anchors {
			fmt.Fprintf(&b, "      - text: %s\n        count: %d\n", yamlString(a.Text), a.Count)
		}
	}
	return []byte(b.String())
}
