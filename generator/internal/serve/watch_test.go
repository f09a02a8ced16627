package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// With Poll set, changes are found even where no file events arrive (here:
// every fsnotify watch is removed after start).
func TestPollFindsChangesWithoutEvents(t *testing.T) {
	root := project(t, baseFiles)
	w, err := newWatcher(Config{Root: root, Watch: []string{"content", "static"},
		Quiet: 10 * time.Millisecond, MaxWait: 100 * time.Millisecond, Poll: 20 * time.Millisecond, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	for d := range w.watched {
		must(t, w.fsw.Remove(w.abs(d)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx)

	write(t, root, "content/a.md", page("甲", "輪詢"))
	must(t, os.Remove(filepath.Join(root, "static", "style.css")))
	var got []string
	for len(got) < 2 {
		select {
		case b := <-w.out:
			got = mergeSorted(got, b)
		case <-time.After(20 * time.Second):
			t.Fatalf("polling found %q", got)
		}
	}
	if want := []string{"content/a.md", "static/style.css"}; !slices.Equal(got, want) {
		t.Errorf("polling found %q, want %q", got, want)
	}
}

func TestIgnoredNames(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"content/a.md", false},
		{"static/img/2024/x.png", false},
		{"static/.well-known/security.txt", false},
		{"content/4913.md", false},
		{"content/.a.md.swp", true},
		{"content/.a.md.swx", true},
		{"content/a.md~", true},
		{"content/.#a.md", true},
		{"content/#a.md#", true},
		{"content/a.md___jb_tmp___", true},
		{"content/a.md___jb_old___", true},
		{"content/.goutputstream-XYZ", true},
		{"content/a.md.tmp", true},
		{"static/.DS_Store", true},
		{"content/.git/HEAD", true},
		{"static/node_modules/x/index.js", true},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := ignoredPath(tt.path); got != tt.want {
				t.Errorf("ignoredPath(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}
