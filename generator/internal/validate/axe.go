package validate

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule that failed, with the elements that fail it.
type Violation struct {
	ID      string `json:"id"`     // rule id, e.g. "color-contrast", "image-alt"
	Impact  string `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help    string `json:"help"`   // what the rule asks for
	HelpURL string `json:"helpUrl"`
	Nodes   []Node `json:"nodes"`
}

// Node is one element that fails a rule.
type Node struct {
	Target  []string `json:"target"`  // CSS selector of the element, one per frame level, outermost first
	HTML    string   `json:"html"`    // the element's opening markup
	Summary string   `json:"summary"` // how to fix it
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s  %s", strings.Join(n.Target, " | "), n.HTML)
	}
	return b.String()
}

// AxeConfig chooses the rules. The zero value runs the rules tagged wcag2a,
// wcag2aa, wcag21a, wcag21aa, wcag22aa and best-practice: WCAG 2.0, 2.1 and
// 2.2 at levels A and AA, and Deque's best practices.
type AxeConfig struct {
	Tags    []string // axe-core rule tags to run; empty means the default above
	Disable []string // rule ids to skip, each with a reason in the caller's code
}

//go:embed axe_run.js
var axeRunJS string

// Axe opens url in the browser of ctx (a chromedp context, such as
// browsertest.New returns) and audits it with axe-core, using the default
// rules. See AxeConfig.Audit.
func Axe(ctx context.Context, url string) ([]Violation, error) {
	return AxeConfig{}.Audit(ctx, url)
}

// Audit opens url and returns the violations axe-core finds once the page has
// loaded; nil means none. axe-core is added to every frame of the page as it
// is created, through the DevTools protocol and with the page's Content
// Security Policy bypassed, so iframes are audited too and a strict
// policy does not block the audit.
func (c AxeConfig) Audit(ctx context.Context, url string) ([]Violation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, err
	}
	var id page.ScriptIdentifier
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
			return err
		}
		r, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		id = r.Identifier
		return err
	}))
	if err != nil {
		return nil, fmt.Errorf("validate: add axe-core: %w", err)
	}
	// Leave the tab as it was for the caller's next steps.
	defer chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: false})
		return err
	}))
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("validate: open %s: %w", url, err)
	}
	return c.run(ctx, src)
}

// AuditPage audits the page the browser already shows, as it is now: after
// clicks, say, that opened a panel. axe-core is evaluated in the top
// document if Audit has not put it there; iframes are then left out.
func (c AxeConfig) AuditPage(ctx context.Context) ([]Violation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, err
	}
	return c.run(ctx, src)
}

// run evaluates axe-core in the top document unless it is there already,
// then runs it.
func (c AxeConfig) run(ctx context.Context, src string) ([]Violation, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object" && typeof axe.run === "function"`))
	if err != nil {
		return nil, fmt.Errorf("validate: axe-core: %w", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			return nil, fmt.Errorf("validate: load axe-core: %w", err)
		}
	}
	arg, err := c.options()
	if err != nil {
		return nil, err
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation]("("+axeRunJS+")("+string(arg)+")", chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("validate: run axe-core: %w", err)
	}
	if len(vs) == 0 {
		return nil, nil
	}
	return vs, nil
}

// options is axe.run's options as JSON: the rules' tags (WCAG 2.2 AA and
// best practice unless c names them) and the rules to disable.
func (c AxeConfig) options() ([]byte, error) {
	cfg := struct {
		Tags    []string `json:"tags"`
		Disable []string `json:"disable"`
	}{c.Tags, c.Disable}
	if len(cfg.Tags) == 0 {
		cfg.Tags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}
	}
	if cfg.Disable == nil {
		cfg.Disable = []string{}
	}
	return json.Marshal(cfg)
}

// axeSource reads axe.min.js from .ci/node_modules.
func axeSource() (string, error) {
	p, err := tool(axeJSPath)
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("validate: %w", err)
	}
	return string(b), nil
}

// Accessible fails the test for each axe-core violation on url, opened in the
// browser of ctx (from browsertest.New), with the default rules. Without
// axe.min.js the test is skipped, or fails in CI.
func Accessible(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	AccessibleWith(t, ctx, url, AxeConfig{})
}

// AccessibleWith is Accessible with chosen rules.
func AccessibleWith(t testing.TB, ctx context.Context, url string, c AxeConfig) {
	t.Helper()
	NeedAxe(t)
	vs, err := c.Audit(ctx, url)
	if missing(t, err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("axe: %s: %s", url, v)
	}
}
