package site

import (
	"bytes"
	"crypto/sha256"
	"sort"
	"strings"
	"sync"
	"testing"
)

// countingCache is an ImageCache that counts the images drawn (stored).
type countingCache struct {
	memCache
	mu       sync.Mutex
	put, get int
}

func (c *countingCache) Get(k [sha256.Size]byte) ([]byte, bool) {
	c.mu.Lock()
	c.get++
	c.mu.Unlock()
	return c.memCache.Get(k)
}

func (c *countingCache) Put(k [sha256.Size]byte, b []byte) error {
	c.mu.Lock()
	c.put++
	c.mu.Unlock()
	return c.memCache.Put(k, b)
}

// puts returns the count since the last call.
func (c *countingCache) puts() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.put
	c.put = 0
	return n
}

// TestImagesFromCache: a second build with the same image cache draws
// nothing and gives the same bytes as a build without it; an edited chart
// title redraws that chart's two PNGs (one per script) and nothing else.
func TestImagesFromCache(t *testing.T) {
	if testing.Short() {
		t.Skip("three whole-edition builds; skipped in -short mode")
	}
	src := fixtureSources(t)
	cache := &countingCache{}
	first, err := (&Builder{Images: cache}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := cache.puts(); n < 20 {
		t.Fatalf("the first build stored %d images", n)
	}
	again, err := (&Builder{Images: cache}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := cache.puts(); n != 0 {
		t.Errorf("a build of unchanged sources drew %d images", n)
	}
	for _, n := range first.Names() {
		if !bytes.Equal(first[n], again[n]) {
			t.Errorf("%s differs when it comes from the cache", n)
		}
	}
	editFile(t, src.Content, "02-part-2.md", "title: 2025年主要预期目标", "title: 2025年预期目标")
	edited, err := (&Builder{Images: cache}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, n := range edited.Names() {
		if strings.HasSuffix(n, ".png") && !bytes.Equal(edited[n], first[n]) {
			changed = append(changed, n)
		}
	}
	sort.Strings(changed)
	if n := cache.puts(); n != 2 || strings.Join(changed, " ") != "figures/charts/main-targets.png zh-hant/figures/charts/main-targets.png" {
		t.Errorf("after editing one chart's title: %d images drawn, changed %v", n, changed)
	}
}

// TestPreviewKeepsImages: a Builder that rebuilds (the preview's) asks
// its image cache, a disk cache in the preview, for no image it already
// used: reading and checking each from disk was a tenth of a rebuild.
func TestPreviewKeepsImages(t *testing.T) {
	if testing.Short() {
		t.Skip("two whole-edition builds; skipped in -short mode")
	}
	src := fixtureSources(t)
	cache := &countingCache{}
	bl := &Builder{Images: cache}
	first, err := bl.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	again, err := bl.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	if cache.get == 0 || cache.put == 0 {
		t.Fatalf("the first build asked the cache %d times and stored %d images", cache.get, cache.put)
	}
	cache.get, cache.put = 0, 0
	if _, err := bl.Render(src); err != nil {
		t.Fatal(err)
	}
	if cache.get != 0 || cache.put != 0 {
		t.Errorf("a rebuild asked the image cache %d times and stored %d images", cache.get, cache.put)
	}
	for _, n := range first.Names() {
		if strings.HasSuffix(n, ".png") && !bytes.Equal(first[n], again[n]) {
			t.Errorf("%s differs when it comes from memory", n)
		}
	}
}

// TestMissingGlyphNamesItsLine: a character outside the font subset (𠀋,
// in no common set: the subset covers GB2312 and its Traditional forms) fails
// the build at the line it comes from, naming the command that adds it.
func TestMissingGlyphNamesItsLine(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole-edition build; skipped in -short mode")
	}
	src := fixtureSources(t)
	editFile(t, src.Content, "02-part-2.md", "title: 2025年主要", "title: 2025年𠀋主要")
	_, err := (&Builder{}).Render(src)
	want := `content/02-part-2.md:15: the character "𠀋" (U+2000B) in "2025年𠀋主要预期目标" is not in the image font subset generator/internal/glyphs/font/bold.svg; run ` + "`go run ./generator fontsubset`"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant it to contain %s", err, want)
	}
}

// TestNoBaseURL: without base_url nothing absolute is invented: no
// og:image or itemprop, no QR codes (they need an absolute address), the
// panel's link is relative; the images are still made.
func TestNoBaseURL(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole-edition build; skipped in -short mode")
	}
	src := fixtureSources(t)
	editFile(t, src.Content, "site.yaml", "base_url: https://edition.example.org/\n", "")
	out, err := (&Builder{}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	page := string(out["part-2/index.html"])
	for _, bad := range []string{"og:image", `itemprop="image"`, "-qr.svg", "https://edition.example.org"} {
		if strings.Contains(page, bad) {
			t.Errorf("part-2/ has %s without a base URL", bad)
		}
	}
	if !strings.Contains(page, `<a class="share-url" href="./#chart-main-targets">`) {
		t.Error("the chart's link is not relative to its page")
	}
	for _, n := range []string{"figures/charts/main-targets.png", "cards/part-2.png", "zh-hant/cards/home.png"} {
		if len(out[n]) == 0 {
			t.Errorf("%s not made", n)
		}
	}
	for n := range out {
		if strings.HasSuffix(n, "-qr.svg") {
			t.Errorf("%s made without a base URL", n)
		}
	}
}
