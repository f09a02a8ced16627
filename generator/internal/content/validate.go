package content

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"edition/generator/internal/diag"
)

// checkAll runs the checks of a loaded content directory: its pages, then
// its configuration.
func (c *Content) checkAll(fsys fs.FS) error {
	var l diag.List
	for _, err := range []error{c.checkPages(), c.validateConfig(fsys)} {
		if err == nil {
			continue
		}
		d := diag.All(err)
		if d == nil {
			return err
		}
		l = append(l, d...)
	}
	return l.Err()
}

// validateConfig checks the edition's configuration files beyond their
// syntax: a missing or empty site.yaml, a notes.yaml without notes (a
// report without notes has no notes file), and addresses that are not
// absolute http(s) URLs, which would reach og:url, oEmbed, the sitemap and
// the embed snippets' src as they are ("javascript:…", a relative path).
func (c *Content) validateConfig(fsys fs.FS) error {
	var errs diag.List
	sp := path.Join(c.Dir, SiteFile)
	data, err := fs.ReadFile(fsys, SiteFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs = append(errs, diag.Errorf(sp, 0, "missing: the edition's name, report and addresses are set here (import writes one)"))
	case err != nil:
		// Load has reported it.
	case isEmptyYAML(data):
		errs = append(errs, diag.Errorf(sp, 0, "empty: the edition's name, report and addresses are set here"))
	default:
		errs = append(errs, checkURLs(sp, data, c.Settings)...)
	}
	np := path.Join(c.Dir, NotesFile)
	if data, err := fs.ReadFile(fsys, NotesFile); err == nil && (isEmptyYAML(data) || c.Notes != nil && len(c.Notes.Notes) == 0) {
		errs = append(errs, diag.Errorf(np, 0, "no notes: a report without notes has no notes file; delete it or add the notes"))
	}
	return errs.Err()
}

// isEmptyYAML reports whether data holds no YAML value, or an empty mapping.
func isEmptyYAML(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false // a syntax error is reported where it is
	}
	return len(doc.Content) == 0 || doc.Content[0].Kind == yaml.MappingNode && len(doc.Content[0].Content) == 0 ||
		doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null"
}

// checkURLs checks base_url (when set: an edition may leave it unset) and
// official_url (when set) at their lines in site.yaml.
func checkURLs(p string, data []byte, s Settings) diag.List {
	var errs diag.List
	for _, f := range []struct{ key, val string }{{"base_url", s.BaseURL}, {"official_url", s.OfficialURL}} {
		if f.val == "" {
			continue
		}
		if msg := absoluteHTTP(f.val); msg != "" {
			errs = append(errs, diag.Errorf(p, keyLine(data, f.key), "%s %q %s", f.key, f.val, msg))
		}
	}
	return errs
}

// absoluteHTTP says what is wrong with u as a public address; "" when
// nothing is.
func absoluteHTTP(u string) string {
	pu, err := url.Parse(u)
	switch {
	case err != nil:
		return "is not a URL: " + strings.TrimPrefix(err.Error(), "parse "+`"`+u+`": `)
	case pu.Scheme != "http" && pu.Scheme != "https":
		return "must be an absolute http:// or https:// URL"
	case pu.Host == "" || pu.User != nil:
		return "must name a host (https://host/path/)"
	case pu.RawQuery != "" || pu.Fragment != "":
		return "must not have a query or fragment"
	case strings.ContainsAny(u, " \t\n\"'<>\\`"):
		return "must not contain spaces, quotes, angle brackets or backslashes"
	}
	return ""
}

// keyLine is the line of the top-level key in a YAML mapping; 0 when absent.
func keyLine(data []byte, key string) int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return 0
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 0
}
