package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestStageStreams: files put from several goroutines as a build makes
// them, one of them twice, land as Write would put them; until Commit the
// old site is untouched and no new file is in it.
func TestStageStreams(t *testing.T) {
	_, cfg := project(t)
	if _, err := Write(site1, cfg); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for n, b := range site2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Put(n, b); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := s.Put("index.html", []byte("<p>two, again")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, cfg.Dir); got["index.html"] != "<p>one" || got["new/x.js"] != "" {
		t.Fatalf("before Commit the output already has %v", got)
	}
	st, err := s.Commit()
	if err != nil || st != (Stats{Written: 2, Kept: 1, Removed: 1}) {
		t.Fatalf("Commit = %+v, %v; want 2 written, 1 kept, 1 removed", st, err)
	}
	want := map[string]string{"index.html": "<p>two, again", "a/b.css": "b{}", "new/x.js": "x", Marker: markerText}
	if got := read(t, cfg.Dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	if err := s.Put("late.html", nil); err == nil {
		t.Errorf("Put after Commit succeeded")
	}
}

// TestStageAbort: a build that fails after putting files leaves the old
// site as it was and no temporary directory.
func TestStageAbort(t *testing.T) {
	dir, cfg := project(t)
	if _, err := Write(site1, cfg); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for n, b := range site2 {
		if err := s.Put(n, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Put("../escape", []byte("x")); err == nil {
		t.Errorf("Put of ../escape succeeded")
	}
	s.Abort()
	want := map[string]string{"index.html": "<p>one", "a/b.css": "b{}", "old.txt": "gone next", Marker: markerText}
	if got := read(t, cfg.Dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after Abort the output is %v, want %v", got, want)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".public-new-*")); len(m) > 0 {
		t.Errorf("left behind: %v", m)
	}
	if _, err := os.Stat(filepath.Join(dir, "escape")); err == nil {
		t.Errorf("../escape was written")
	}
}
