package buildcache

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := NewHasher("test").String("input").Sum()
	if _, ok := c.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(k, []byte("output")); err != nil {
		t.Fatal(err)
	}
	b, ok := c.Get(k)
	if !ok || string(b) != "output" {
		t.Fatalf("Get = %q, %v; want output, true", b, ok)
	}
	if _, ok := c.Get(NewHasher("test").String("other").Sum()); ok {
		t.Fatal("hit for a key never stored")
	}
}

// TestOpenReadsInPlace: an entry opened in place reads the bytes Put
// stored, and no further.
func TestOpenReadsInPlace(t *testing.T) {
	c, _ := Open(t.TempDir())
	k := NewHasher("test").String("in place").Sum()
	if err := c.Put(k, []byte("0123456789")); err != nil {
		t.Fatal(err)
	}
	e, ok := c.Open(k)
	if !ok {
		t.Fatal("Open missed")
	}
	defer e.Close()
	b := make([]byte, 4)
	if n, err := e.ReadAt(b, 3); n != 4 || err != nil || string(b) != "3456" || e.Size != 10 {
		t.Errorf("ReadAt(3) = %d %v %q, Size %d; want 4 <nil> \"3456\", 10", n, err, b, e.Size)
	}
	if _, err := e.ReadAt(b, 8); err == nil {
		t.Errorf("ReadAt past the end read the hash")
	}
	if _, ok := c.Open(NewHasher("test").String("absent").Sum()); ok {
		t.Errorf("Open of an absent entry succeeded")
	}
}

func TestKeysSeparateInputs(t *testing.T) {
	cases := []struct {
		name string
		a, b Key
	}{
		{"boundary moves", NewHasher("k").String("ab").String("c").Sum(), NewHasher("k").String("a").String("bc").Sum()},
		{"kind differs", NewHasher("k1").String("x").Sum(), NewHasher("k2").String("x").Sum()},
		{"extra empty part", NewHasher("k").String("x").Sum(), NewHasher("k").String("x").String("").Sum()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.a == tc.b {
				t.Fatal("different inputs gave the same key")
			}
		})
	}
}

// A damaged entry is a miss, never wrong bytes.
func TestDamagedEntryMisses(t *testing.T) {
	c, _ := Open(t.TempDir())
	k := NewHasher("test").String("x").Sum()
	if err := c.Put(k, []byte("good bytes")); err != nil {
		t.Fatal(err)
	}
	name := c.file(k)
	data, _ := os.ReadFile(name)
	cases := map[string][]byte{
		"truncated":   data[:len(data)-3],
		"flipped":     append(append([]byte{}, data[:len(data)-1]...), data[len(data)-1]^1),
		"empty":       nil,
		"wrong magic": append([]byte("x"), data[1:]...),
	}
	for n, d := range cases {
		t.Run(n, func(t *testing.T) {
			if err := os.WriteFile(name, d, 0o644); err != nil {
				t.Fatal(err)
			}
			if b, ok := c.Get(k); ok {
				t.Fatalf("damaged entry returned %q", b)
			}
			if e, ok := c.Open(k); ok {
				e.Close()
				t.Fatalf("damaged entry opened")
			}
		})
	}
}

func TestNilCacheCachesNothing(t *testing.T) {
	var c *Cache
	k := NewHasher("test").Sum()
	if err := c.Put(k, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(k); ok {
		t.Fatal("nil cache hit")
	}
	calls := 0
	for range 2 {
		b, err := c.Do(k, func() ([]byte, error) { calls++; return []byte("made"), nil })
		if err != nil || string(b) != "made" {
			t.Fatalf("Do = %q, %v", b, err)
		}
	}
	if calls != 2 {
		t.Fatalf("build ran %d times, want 2", calls)
	}
}

func TestDoStoresOnlySuccess(t *testing.T) {
	c, _ := Open(t.TempDir())
	k := NewHasher("test").Sum()
	boom := errors.New("boom")
	if _, err := c.Do(k, func() ([]byte, error) { return []byte("partial"), boom }); err != boom {
		t.Fatalf("err = %v, want boom", err)
	}
	if _, ok := c.Get(k); ok {
		t.Fatal("a failed build was stored")
	}
	b, _ := c.Do(k, func() ([]byte, error) { return []byte("made"), nil })
	b2, _ := c.Do(k, func() ([]byte, error) { t.Fatal("built again on a hit"); return nil, nil })
	if string(b) != "made" || string(b2) != "made" {
		t.Fatalf("Do = %q then %q", b, b2)
	}
}

func TestCleanRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(filepath.Join(dir, "cache"))
	k := NewHasher("test").Sum()
	_ = c.Put(k, []byte("x"))
	foreign := filepath.Join(c.Dir(), "notes.txt")
	if err := os.WriteFile(foreign, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.Clean(); err == nil {
		t.Fatal("Clean removed a directory holding a file it did not write")
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Fatalf("foreign file gone: %v", err)
	}
	os.Remove(foreign)
	if err := c.Clean(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.Dir()); !os.IsNotExist(err) {
		t.Fatalf("cache directory still there: %v", err)
	}
}

func TestPutFuncFailureStoresNothing(t *testing.T) {
	c, _ := Open(t.TempDir())
	k := NewHasher("test").Sum()
	boom := errors.New("boom")
	err := c.PutFunc(k, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if err != boom {
		t.Fatalf("err = %v, want boom", err)
	}
	if _, ok := c.Get(k); ok {
		t.Fatal("a failed write was stored")
	}
	if n, _ := filepath.Glob(filepath.Join(c.Dir(), "*", "*")); len(n) != 0 {
		t.Fatalf("left files behind: %v", n)
	}
}
