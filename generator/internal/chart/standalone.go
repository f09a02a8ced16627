package chart

import "fmt"

// Standalone returns a chart as a self-contained SVG file for download:
// XML declaration, namespace, embedded light-theme style, system CJK fonts,
// and the title, subtitle and source drawn inside the image. cfg.Href
// should return absolute URLs, since the file leaves the site.
func Standalone(spec *Spec, cfg Config) ([]byte, error) {
	m, err := resolve(spec, cfg.Data)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", spec.ID, err)
	}
	svg := m.render(svgOptions{Standalone: true, Href: cfg.href, Cite: cfg.cite, Labelledby: "chart-" + spec.ID + "-t", Source: cfg.Source})
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + svg + "\n"), nil
}

// Check resolves a spec against cfg.Data without drawing it.
func Check(spec *Spec, cfg Config) error {
	_, err := resolve(spec, cfg.Data)
	return err
}
