package script

import (
	"fmt"
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Traditional converts Simplified text to Traditional with one of OpenCC's
// configurations: s2t (the default, OpenCC's standard forms), s2twp
// (Taiwan forms and phrases) or s2hk (Hong Kong forms). It gives a
// Simplified report its Traditional edition.
type Traditional struct {
	cc func() (*opencc.OpenCC, error)
}

// Configs lists the Simplified-to-Traditional configurations site.yaml may name.
var Configs = []string{"s2t", "s2twp", "s2hk"}

// NewTraditional returns a converter for config ("" means s2t). OpenCC's
// dictionaries are loaded by the first conversion.
func NewTraditional(config string) (*Traditional, error) {
	if config == "" {
		config = "s2t"
	}
	ok := false
	for _, c := range Configs {
		ok = ok || c == config
	}
	if !ok {
		return nil, fmt.Errorf("traditional: %q is not one of %v", config, Configs)
	}
	return &Traditional{cc: sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New(config) })}, nil
}

// S2T converts s; on a dictionary error s is returned unchanged.
func (t *Traditional) S2T(s string) string {
	cc, err := t.cc()
	if err != nil {
		return s
	}
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}
