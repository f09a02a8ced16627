// Command generator makes an annotated web edition of a government work
// report. Run it from the repository root:
//
//	go run ./generator import   # seeds/ → content/ (Markdown, notes, corrections)
//	go run ./generator build    # content/ templates/ static/ → public/
//	go run ./generator check    # the built pages against the repaired seed
//	go run ./generator serve    # preview server for editors
//
// Each command takes -seed FILE, -content DIR and -out DIR.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"edition/generator/internal/buildcache"
	"edition/generator/internal/check"
	"edition/generator/internal/content"
	"edition/generator/internal/diag"
	"edition/generator/internal/publish"
	"edition/generator/internal/report"
	"edition/generator/internal/script"
	"edition/generator/internal/serve"
	"edition/generator/internal/site"
	"edition/generator/internal/srcfs"
	"edition/generator/internal/terms"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: go run ./generator <command> [flags]

commands:
  import   split the seed into content/ (Markdown pages, notes, corrections applied)
  build    render content/ with templates/ and static/ into public/
  check    compare the built pages with the seed after the recorded corrections
  serve    preview server: rebuild on save and reload the browser
  fontsubset  cut the common set (GB2312 hanzi and their Traditional forms)
           and the characters the images draw from Noto Sans CJK into
           generator/internal/glyphs/font/ (run when the build asks)

run "go run ./generator <command> -h" for the flags of a command.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fl, f := command(cmd, stdout, stderr)
	if f == nil {
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected arguments %q\n", cmd, fl.Args())
		return 2
	}
	if err := f(); err != nil {
		printErr(stderr, err)
		return 1
	}
	return 0
}

// command returns cmd's flags and the function that runs it once they are
// parsed; nil for an unknown command.
func command(cmd string, stdout, stderr io.Writer) (*flag.FlagSet, func() error) {
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	o := &options{}
	o.register(fl)
	force := fl.Bool("force", false, "import: overwrite content files an editor changed")
	addr := fl.String("addr", "127.0.0.1:1313", "serve: `address` to listen on")
	var ff fontFlags
	ff.register(fl)
	switch cmd {
	case "import":
		return fl, func() error { return runImport(*o, *force, stdout, stderr) }
	case "build":
		return fl, func() error { return runBuild(*o, stdout, stderr) }
	case "check":
		return fl, func() error { return runCheck(*o, stdout) }
	case "serve":
		return fl, func() error { return runServe(*o, *addr, typed(fl, "addr"), stdout, stderr) }
	case "fontsubset":
		return fl, func() error { return runFontSubset(*o, ff, stdout) }
	}
	return fl, nil
}

// register defines the flags that several commands share.
func (o *options) register(fl *flag.FlagSet) {
	fl.StringVar(&o.seed, "seed", "", "seed report `file` (default: the one .txt file in seeds/)")
	fl.StringVar(&o.content, "content", "content", "content `dir`")
	fl.StringVar(&o.out, "out", "public", "output `dir`")
	fl.StringVar(&o.templates, "templates", "templates", "templates `dir`")
	fl.StringVar(&o.static, "static", "static", "static files `dir`")
	fl.StringVar(&o.cpuprofile, "cpuprofile", "", "build: write a CPU profile of the build to `file` (for go tool pprof)")
	fl.StringVar(&o.cache, "cache", "", "build: cache `dir` for results reused between builds (default: the user cache dir's "+buildcache.DirName+"; \"off\" for none)")
	fl.StringVar(&o.baseURL, "base-url", "", "build: the `URL` the site is published at (instead of site.yaml's base_url)")
}

// typed reports whether the flag was given on the command line.
func typed(fl *flag.FlagSet, name string) bool {
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

type options struct {
	seed, content, out, templates, static string
	cache, cpuprofile                     string
	baseURL                               string
}

// buildCache opens -cache. A cache that cannot be opened only makes the
// build slower, so it is then skipped.
func (o options) buildCache() *buildcache.Cache {
	dir := o.cache
	switch dir {
	case "off":
		return nil
	case "":
		d, err := buildcache.DefaultDir()
		if err != nil {
			return nil
		}
		dir = d
	}
	c, err := buildcache.Open(dir)
	if err != nil {
		return nil
	}
	return c
}

// seedPath resolves -seed: the flag, else the only .txt file in seeds/.
func (o options) seedPath() (string, error) {
	if o.seed != "" {
		return o.seed, nil
	}
	m, _ := filepath.Glob(filepath.Join("seeds", "*.txt"))
	sort.Strings(m)
	switch len(m) {
	case 1:
		return m[0], nil
	case 0:
		return "", &diag.Error{Path: "seeds", Msg: "no seed report (*.txt); name one with -seed FILE"}
	default:
		return "", &diag.Error{Path: "seeds", Msg: fmt.Sprintf("%d seed reports; name one with -seed FILE", len(m))}
	}
}

func printErr(w io.Writer, err error) {
	if l := diag.All(err); l != nil {
		for _, e := range l {
			fmt.Fprintln(w, e)
		}
		if len(l) > 1 {
			fmt.Fprintf(w, "%d errors\n", len(l))
		}
		return
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Fprintf(w, "%s: %v\n", pe.Path, pe.Err)
		return
	}
	fmt.Fprintln(w, err)
}

func runImport(o options, force bool, stdout, stderr io.Writer) error {
	seed, err := o.seedPath()
	if err != nil {
		return err
	}
	st, err := content.Import(content.ImportConfig{Seed: seed, Dir: o.content, Force: force, Log: stderr, Gen: generateConfig(o.content)})
	if err != nil {
		return err
	}
	r := st.Result
	fmt.Fprintf(stdout, "import: %s → %s: %d files written, %d unchanged, %d kept as editors changed them; %d repairs, %d restored lines, %d punctuation marks made full-width; %d notes; %d warnings\n",
		seed, o.content, st.Written, st.Unchanged, st.Kept, r.Repairs, r.Restored, r.Punct, len(r.Report.Notes), len(r.Warnings))
	fmt.Fprintf(stdout, "import: recognised %s\n", r.Report.Summary())
	return nil
}

// generateConfig wires the passes that annotate imported content: the
// figures dataset, and the default charts placed after the paragraphs
// they illustrate.
func generateConfig(dir string) content.GenerateConfig {
	return content.GenerateConfig{
		Anchors: func(notes []report.Note, body []content.Para) [][]content.Anchor {
			texts := make([]string, len(body))
			for i, p := range body {
				texts[i] = p.Text
			}
			out := make([][]content.Anchor, len(notes))
			for _, a := range terms.Propose(notes, texts) {
				for i, n := range notes {
					if n.Num == a.Note {
						out[i] = append(out[i], content.Anchor{Text: a.Text, Count: a.Count})
					}
				}
			}
			return out
		},
		// The figures and where charts go are the editors' data in
		// content/ (see content.ImportFigures); a failure to read them is
		// an error, never a silent import without charts. A first import
		// proposes default charts from the report's own figures.
		Extra: func(body []content.Para, simp bool) (content.Generated, map[string][]string, error) {
			g, after, err := content.ImportFigures(srcfs.New(dir, filepath.ToSlash(filepath.Clean(dir))), body, simp)
			if r := (*srcfs.Refused)(nil); errors.As(err, &r) {
				err = r.Diag()
			}
			return g, after, err
		},
	}
}

func runBuild(o options, stdout, stderr io.Writer) error {
	stop, err := startProfile(o.cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	limitMemory()
	start := time.Now()
	if err := publish.Check(o.publishConfig()); err != nil {
		return err
	}
	bl := site.Builder{Cache: o.buildCache(), Once: true}
	src := site.DirSources(o.content, o.templates, o.static)
	src.BaseURL = o.baseURL
	// Each file goes into the new tree as it is made, so the build holds
	// none of its output; the tree is swapped in only if the build ends
	// without an error.
	stage, err := publish.Begin(o.publishConfig())
	if err != nil {
		return err
	}
	defer stage.Abort() // after Commit, nothing
	sum, err := bl.RenderTo(src, stage)
	if err != nil {
		return err
	}
	if !sum.Based {
		fmt.Fprintf(stderr, "build: warning: no base URL (%s/site.yaml base_url, or -base-url): no canonical links, og:url, sitemap or oEmbed; share snippets use the address the page is served from\n", o.content)
	}
	st, err := stage.Commit()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "build: %d files in %s (%d written, %d unchanged, %d removed) (%v)\n",
		sum.Files, o.out, st.Written, st.Kept, st.Removed, time.Since(start).Round(time.Millisecond))
	return nil
}

// startProfile starts a CPU profile into file, if one is asked for; stop
// ends it.
func startProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// limitMemory sets how the build's heap may grow, unless GOMEMLIMIT and
// GOGC say. The build streams its output to disk and keeps its disk
// cache's large results on disk, so what is live is the edition's model:
// about 35 MB for this report, about 250 MB for one fifty times its size.
// A soft limit of 250 MiB makes the collector work harder past that
// instead of letting the heap double; below it, collecting at four times
// the live heap instead of twice spends less time in the collector (about
// 15 ms of a 230 ms build of this report).
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(250 << 20)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// publishConfig names what build must never write over: the project (the
// working directory and the directory holding -content) and the sources.
func (o options) publishConfig() publish.Config {
	seeds := "seeds"
	if o.seed != "" {
		seeds = filepath.Dir(o.seed)
	}
	return publish.Config{
		Dir:      o.out,
		Projects: []string{".", filepath.Dir(filepath.Clean(o.content))},
		Sources:  []string{o.content, o.templates, o.static, seeds},
	}
}
func runCheck(o options, stdout io.Writer) error {
	seed, data, err := o.readSeed()
	if err != nil {
		return err
	}
	name := filepath.ToSlash(filepath.Clean(o.content))
	src := srcfs.New(o.content, name)
	conv, err := converter(src, name)
	if err != nil {
		return err
	}
	res, err := check.Run(check.Config{SeedPath: filepath.ToSlash(seed), Seed: data,
		Content: src, ContName: name, Out: os.DirFS(o.out), Convert: conv})
	if err != nil {
		return err
	}
	for _, d := range res.Differences {
		fmt.Fprintln(stdout, d)
	}
	fmt.Fprintf(stdout, "check: %d report lines compared; %d unexplained differences; %d repairs, %d restored lines, %d conversion errors (Traditional) and %d punctuation marks recorded in %s; editions: %s\n",
		res.Units, len(res.Differences), res.Repairs, res.Restored, res.Conversions, res.Punct, filepath.ToSlash(filepath.Join(o.content, "corrections.tsv")), strings.Join(res.Editions, ", "))
	if len(res.Differences) > 0 {
		return fmt.Errorf("check: %d unexplained differences", len(res.Differences))
	}
	return nil
}

// readSeed reads -seed through srcfs: a seed that is a FIFO or a huge
// file is refused, not read.
func (o options) readSeed() (seed string, data []byte, err error) {
	if seed, err = o.seedPath(); err != nil {
		return "", nil, err
	}
	data, err = srcfs.New(filepath.Dir(seed), filepath.ToSlash(filepath.Dir(seed))).ReadFile(filepath.Base(seed))
	if err != nil {
		return "", nil, &diag.Error{Path: seed, Msg: "cannot read the seed: " + err.Error()}
	}
	return seed, data, nil
}

// converter is the build's conversion into the other script, for check to
// derive the converted edition's text: Traditional→Simplified with the
// content's override table, or for a Simplified report site.yaml's
// Simplified→Traditional configuration.
func converter(src fs.FS, dir string) (func(string) string, error) {
	if set, err := fs.ReadFile(src, content.SiteFile); err == nil {
		s, err := content.ParseSettings(path.Join(dir, content.SiteFile), set)
		if err != nil {
			return nil, err
		}
		if s.Script == "zh-Hans" {
			tr, err := script.NewTraditional(s.Traditional)
			if err != nil {
				return nil, &diag.Error{Path: path.Join(dir, content.SiteFile), Msg: err.Error()}
			}
			return tr.S2T, nil
		}
	}
	data, err := fs.ReadFile(src, site.OverridesFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &diag.Error{Path: path.Join(dir, site.OverridesFile), Msg: err.Error()}
	}
	ov, err := script.LoadOverrides(path.Join(dir, site.OverridesFile), data)
	if err != nil {
		return nil, err
	}
	cv, err := script.New(ov)
	if err != nil {
		return nil, err
	}
	return cv.T2S, nil
}

// runServe builds in memory and serves the edition for editors, rebuilding
// on every save. public/ is not touched: the preview is not a publication.
// A port the user typed is used or refused; only the default may move to
// the next free one.
func runServe(o options, addr string, exact bool, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p, err := newPreview(o, ".", addr, exact, stderr)
	if err != nil {
		return err
	}
	if _, err := p.Start(ctx); err != nil {
		return err
	}
	return p.Wait()
}

// newPreview is the preview server of the project at root, building with
// a site.Builder that keeps OpenCC and its caches between rebuilds.
func newPreview(o options, root, addr string, exact bool, log io.Writer) (*serve.Preview, error) {
	// Press images come from the disk cache, so a preview does not start
	// by drawing all of them; the rest of the preview's caches stay in
	// memory.
	b := site.Builder{Images: site.DiskImages(o.buildCache())}
	in := func(p string) string { return filepath.Join(root, p) }
	src := site.DirSources(in(o.content), in(o.templates), in(o.static))
	return serve.New(serve.Config{
		Addr:      addr,
		ExactAddr: exact,
		Root:      root,
		Watch:     []string{o.content, o.templates, o.static, "seeds"},
		Log:       log,
		// A save's events (even vim's: probe, rename, write, fsync) come
		// within a few ms, and the watcher holds what looks half-saved (an
		// empty file, a known file missing) until it is whole, as Vite
		// re-reads a file that came back empty; so the quiet period only
		// merges one save's events. TestPreviewOneRebuildPerSave checks
		// vim's save on the real site (it passed 8 times in a row with both
		// cores busy).
		Quiet: 5 * time.Millisecond,
		Build: func(ctx context.Context, changed []string) (map[string][]byte, error) {
			return b.Render(src)
		},
	})
}
