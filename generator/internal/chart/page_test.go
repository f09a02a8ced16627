package chart

import (
	"os"
	"testing"
)

func TestWriteFixture(t *testing.T) {
	out := os.Getenv("FIXTURE")
	if out == "" {
		t.Skip("set FIXTURE=path to write the fixture page")
	}
	if err := os.WriteFile(out, []byte(fixturePage(t)), 0o644); err != nil {
		t.Fatal(err)
	}
}
