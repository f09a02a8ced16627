package site

import (
	"edition/generator/internal/content"
	"edition/generator/internal/model"
)

// The URL scheme and the one function that maps an object to its URL are
// package model's; a site without a base URL writes no absolute URL of
// its own (model.Base), and every such choice in this package asks base.

// base is the address the site is published at ("" when not known).
func base(s content.Settings) model.Base { return model.Base(s.BaseURL) }

// MissingBaseURL reports whether out was built without a base URL (it
// then has no sitemap): build warns about it.
func MissingBaseURL(out Output) bool {
	_, ok := out["sitemap.xml"]
	return !ok
}
