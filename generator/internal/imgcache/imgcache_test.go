package imgcache

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
)

func TestGetPut(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "c"))
	if err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG\r\n\x1a\n...IEND\xaeB`\x82")
	k := sha256.Sum256([]byte("inputs"))
	if _, ok := d.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := d.Put(k, png); err != nil {
		t.Fatal(err)
	}
	if b, ok := d.Get(k); !ok || string(b) != string(png) {
		t.Fatalf("Get = %q, %v", b, ok)
	}
	// A truncated entry is a miss, never a broken image.
	if err := os.WriteFile(d.file(k), png[:12], 0o666); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Get(k); ok {
		t.Error("a truncated entry is a hit")
	}
	left, _ := filepath.Glob(filepath.Join(d.path, ".tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
