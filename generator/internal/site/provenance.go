package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"

	"edition/generator/internal/diag"
)

// ChangesFile is the edition's dated change log in content/: every
// change to its text, notes or corrections, newest first, shown on the
// 更新記錄 page (GOV.UK's "Updates to this page").
const ChangesFile = "changes.yaml"

// Change is one version of the edition and what it changed.
type Change struct {
	Version string   `yaml:"version"`
	Date    string   `yaml:"date"`
	Changes []string `yaml:"changes"`
}

// loadChanges reads content/changes.yaml; an edition without one has no
// 更新記錄 page. The newest entry must be the version site.yaml names.
func loadChanges(d Dir, version, updated string) ([]Change, error) {
	name := path.Join(d.Name, ChangesFile)
	data, err := fs.ReadFile(d.FS, ChangesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &diag.Error{Path: name, Msg: err.Error()}
	}
	var cs []Change
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cs); err != nil {
		return nil, diag.Errorf(name, yamlLine(err), "%v", err)
	}
	if len(cs) == 0 {
		return nil, nil
	}
	if version != "" && (cs[0].Version != version || cs[0].Date != updated) {
		return nil, diag.Errorf(name, 1, "the newest entry is version %q of %q, but site.yaml says version %q of %q", cs[0].Version, cs[0].Date, version, updated)
	}
	return cs, nil
}

// yamlLine finds the line in a yaml.v3 error, or 0.
func yamlLine(err error) int {
	var te *yaml.TypeError
	var n int
	if errors.As(err, &te) && len(te.Errors) > 0 {
		fmt.Sscanf(te.Errors[0], "line %d", &n)
		return n
	}
	fmt.Sscanf(err.Error(), "yaml: line %d", &n)
	return n
}
