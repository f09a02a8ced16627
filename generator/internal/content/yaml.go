package content

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"edition/generator/internal/diag"
)

var reYAMLLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })

// parseYAML parses src into a node, reporting syntax errors at
// path:(offset+line). offset is the file line before src's first line.
func parseYAML(path string, offset int, src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(strings.TrimSpace(reYAMLLine().ReplaceAllString(msg, "")), ": ")
		return nil, &diag.Error{Path: path, Line: offset + badLine(src), Msg: "invalid YAML: " + msg, Err: err}
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, nil
	}
	return doc.Content[0], nil
}

// badLine returns the 1-based line of src after which no prefix of src
// parses: the line that is wrong. The parser's own "line N" names where it
// noticed, which for an unterminated quote is the end of the input and for
// an unclosed bracket the line before; a quote or bracket legitimately
// spanning lines fails only as a prefix that a longer one mends.
func badLine(src []byte) int {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var v yaml.Node
	for n := len(lines); n > 0; n-- {
		if yaml.Unmarshal(bytes.Join(lines[:n], nil), &v) == nil {
			return min(n+1, len(lines))
		}
	}
	return 1
}

// decodeStrict decodes a mapping node into the struct pointed to by out,
// field by field, so an unknown key or a value of the wrong type is
// reported at its own line rather than for the whole block.
func decodeStrict(path string, offset int, n *yaml.Node, out any) diag.List {
	var errs diag.List
	if n.Kind != yaml.MappingNode {
		return diag.List{diag.Errorf(path, offset+n.Line, "expected a mapping of key: value lines")}
	}
	v := reflect.ValueOf(out).Elem()
	t := v.Type()
	fields := map[string]int{}
	var known []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			fields[tag] = i
			known = append(known, tag)
		}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		line := offset + k.Line
		fi, ok := fields[k.Value]
		if !ok {
			errs = append(errs, diag.Errorf(path, line, "unknown key %q (known: %s)", k.Value, strings.Join(known, ", ")))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			errs = append(errs, diag.Errorf(path, line, "key %q repeats line %d", k.Value, prev))
			continue
		}
		seen[k.Value] = line
		if err := val.Decode(v.Field(fi).Addr().Interface()); err != nil {
			msg := err.Error()
			if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
				msg = te.Errors[0]
			}
			msg = strings.TrimSpace(reYAMLLine().ReplaceAllString(strings.TrimPrefix(msg, "yaml: "), ""))
			msg = strings.TrimPrefix(msg, ": ")
			errs = append(errs, diag.Errorf(path, offset+val.Line, "%s: %s", k.Value, msg))
		}
	}
	return errs
}

// lookup returns the value node for key in a mapping node.
func lookup(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// yamlString quotes s for YAML when needed; plain CJK text stays readable.
func yamlString(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	out := strings.TrimSuffix(string(b), "\n")
	if strings.Contains(out, "\n") {
		return strconv.Quote(s)
	}
	return out
}
