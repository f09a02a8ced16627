// Package browsertest starts a real headless Chromium for tests of what a
// person sees and clicks. Tests skip when no browser is installed, except in
// CI (CI set in the environment), where a missing browser is a failure: a
// green run must mean the browser tests ran.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Options adjusts the browser for one test.
type Options struct {
	Width, Height int           // viewport; default 1280×900
	Mobile        bool          // touch emulation and mobile viewport
	NoJavaScript  bool          // run with scripts disabled
	Timeout       time.Duration // whole test; default 60s
}

// ExecPath finds the Chromium binary: $CHROMIUM, then the usual names.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Need skips the test in -short mode or when no browser is installed
// (failing instead in CI), and returns the browser's path. Tests that set up
// servers or builds before they open the browser call it first, so a
// skipped test costs nothing.
func Need(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browsertest: browser tests are skipped in -short mode")
	}
	exe := ExecPath()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("browsertest: no Chromium found (install the chromium package or set $CHROMIUM)")
		}
		t.Skip("browsertest: no Chromium found; set $CHROMIUM or install chromium")
	}
	return exe
}

// New returns a chromedp context for a fresh browser with an empty profile,
// closed when the test ends.
func New(t testing.TB, o Options) context.Context {
	t.Helper()
	exe := Need(t)
	if o.Width == 0 {
		o.Width, o.Height = 1280, 900
	}
	if o.Timeout == 0 {
		o.Timeout = 60 * time.Second
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("hide-scrollbars", false),
		chromedp.WindowSize(o.Width, o.Height),
	}
	if o.NoJavaScript {
		opts = append(opts, chromedp.Flag("blink-settings", "scriptEnabled=false"))
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, o.Timeout)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	emu := chromedp.EmulateViewport(int64(o.Width), int64(o.Height))
	if o.Mobile {
		emu = chromedp.EmulateViewport(int64(o.Width), int64(o.Height), chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(ctx, emu); err != nil {
		t.Fatalf("browsertest: start Chromium: %v", err)
	}
	return ctx
}
