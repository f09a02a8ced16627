// Command compare times the edition's build against Hugo's on the same
// report, in one run, with paired trials (the two tools alternate, so a
// busy machine slows both alike) and reports medians and the ratio of
// medians. Run from the repository root:
//
//	go run ./generator/bench/compare            # or generator/bench/hugo-compare.sh
//	go run ./generator/bench/compare -runs 21 -scale 1,10,50
//
// Without hugo on PATH it times the edition alone. Scenarios, each as a
// fresh process: "start-up" (the help text; Hugo: hugo version),
// "scratch" (no output directory, no cache), "warm" (output and the
// edition's build cache present, nothing changed), "edit" (the same after
// one paragraph changed),
// and "scratch" again for every scaled edition (package scale), reported
// per page with the peak RSS.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"edition/generator/internal/scale"
)

func main() {
	runs := flag.Int("runs", 11, "paired trials per scenario")
	scaleRuns := flag.Int("scaleruns", 3, "paired trials for the scaled editions (×10 and up)")
	scales := flag.String("scale", "1,10,50", "comma-separated copies of the body pages to time from scratch")
	hugoBin := flag.String("hugo", "hugo", "the hugo `command`; empty to skip Hugo")
	keep := flag.String("work", "", "work in `dir` and keep it (default: a temporary directory, removed; not -dir, which OpenCC registers)")
	flag.Parse()
	if err := run(*runs, *scaleRuns, *scales, *hugoBin, *keep, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// tool is one side of the comparison: how to build a site and where.
type tool struct {
	name  string
	build []string // argv of a build
	out   string   // output directory it writes
	src   string   // the paragraph file edited in "edit"
	cache string   // a cache directory removed for "scratch", if any
}

// sample is one timed process run.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system: less disturbed by other load than wall time
	rss  int64         // peak resident set, bytes
}

func run(runs, scaleRuns int, scales, hugoBin, keep string, w io.Writer) error {
	volumes := "\nWhat each build writes:\n\n"
	dir := keep
	if dir == "" {
		d, err := os.MkdirTemp("", "edition-compare-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if hugoBin != "" {
		if p, err := exec.LookPath(hugoBin); err == nil {
			hugoBin = p
		} else {
			fmt.Fprintf(w, "(no %s on PATH: timing the edition alone)\n", hugoBin)
			hugoBin = ""
		}
	}
	gen := filepath.Join(dir, "generator")
	// Built as it would be released: static, without cgo (only net's DNS
	// resolver would use it), as Hugo's release is; the dynamic loader
	// and libc cost about 1 ms of each start.
	gb := exec.Command("go", "build", "-o", gen, filepath.Join(root, "generator"))
	gb.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := gb.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	fmt.Fprintf(w, "%s\n\n%d paired trials per row (%d for the scaled editions); wall time of the whole process, median (min–max); CPU time (user+system), median\n\n", versions(gen, hugoBin), runs, min(runs, scaleRuns))
	fmt.Fprintln(w, "| scenario | pages | edition wall | Hugo wall | wall ratio | edition CPU | Hugo CPU | CPU ratio | edition ms/page | edition peak RSS | Hugo peak RSS |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	defer func() { fmt.Fprint(w, volumes) }()
	startup := []tool{{name: "edition", build: []string{gen, "help"}}}
	if hugoBin != "" {
		startup = append(startup, tool{name: "hugo", build: []string{hugoBin, "version"}})
	}
	row(w, "start-up", 0, trials(startup, runs, nil))
	for i, n := range parseScales(scales) {
		sites, pages, err := prepare(root, gen, hugoBin, filepath.Join(dir, "n"+strconv.Itoa(n)), n)
		if err != nil {
			return err
		}
		r := runs
		if n > 1 {
			r = min(runs, scaleRuns)
		}
		row(w, fmt.Sprintf("scratch ×%d", n), pages, trials(sites, r, removeOutputs))
		volumes += volume(n, sites)
		if i > 0 {
			continue
		}
		row(w, "warm (output present)", pages, trials(sites, runs, nil))
		row(w, "one paragraph edited", pages, trials(sites, runs, editParagraph))
	}
	return nil
}

// prepare writes the n-fold edition and its Hugo site below dir.
func prepare(root, gen, hugoBin, dir string, n int) ([]tool, int, error) {
	files, err := scale.Edition(os.DirFS(filepath.Join(root, "content")), n)
	if err != nil {
		return nil, 0, err
	}
	cdir := filepath.Join(dir, "content")
	pages := 0
	for name, b := range files {
		p := filepath.Join(cdir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, 0, err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, 0, err
		}
		if strings.HasSuffix(name, ".md") {
			pages++
		}
	}
	ed := tool{name: "edition", out: filepath.Join(dir, "public"), src: filepath.Join(cdir, "01-part-1.md"), cache: filepath.Join(dir, "cache"),
		build: []string{gen, "build", "-content", cdir, "-templates", filepath.Join(root, "templates"),
			"-static", filepath.Join(root, "static"), "-out", filepath.Join(dir, "public"), "-cache", filepath.Join(dir, "cache")}}
	sites := []tool{ed}
	if hugoBin != "" {
		hdir := filepath.Join(dir, "hugo")
		if err := writeHugoSite(cdir, hdir); err != nil {
			return nil, 0, err
		}
		sites = append(sites, tool{name: "hugo", out: filepath.Join(hdir, "public"), src: filepath.Join(hdir, "content", "part-1.md"),
			build: []string{hugoBin, "--quiet", "-s", hdir, "-d", filepath.Join(hdir, "public")}})
	}
	return sites, pages, nil
}

func removeOutputs(t tool, _ int) error {
	if t.cache != "" {
		if err := os.RemoveAll(t.cache); err != nil {
			return err
		}
	}
	return os.RemoveAll(t.out)
}

// editParagraph changes one paragraph of the page's first body
// paragraph: trial i appends, the next removes, a full stop.
func editParagraph(t tool, i int) error {
	b, err := os.ReadFile(t.src)
	if err != nil {
		return err
	}
	const mark = "歷史新高"
	j := bytes.Index(b, []byte(mark))
	if j < 0 {
		return fmt.Errorf("%s: no %q to edit", t.src, mark)
	}
	j += len(mark)
	if i%2 == 0 {
		b = append(b[:j:j], append([]byte("！"), b[j:]...)...)
	} else {
		b = append(b[:j:j], bytes.TrimPrefix(b[j:], []byte("！"))...)
	}
	return os.WriteFile(t.src, b, 0o644)
}

// trials runs each tool runs times, alternating which goes first; before
// runs prepares a tool's trial (not timed). A warm-up run of each is not
// counted.
func trials(ts []tool, runs int, before func(tool, int) error) [][]sample {
	res := make([][]sample, len(ts))
	for i := -1; i < runs; i++ {
		for k := range ts {
			j := k
			if i%2 == 1 {
				j = len(ts) - 1 - k
			}
			t := ts[j]
			if before != nil {
				if err := before(t, i); err != nil {
					fmt.Fprintln(os.Stderr, "compare:", err)
					os.Exit(1)
				}
			}
			s, err := timeRun(t.build)
			if err != nil {
				fmt.Fprintf(os.Stderr, "compare: %s: %v\n", t.name, err)
				os.Exit(1)
			}
			if i >= 0 {
				res[j] = append(res[j], s)
			}
		}
	}
	return res
}

func timeRun(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%v\n%s", err, stderr.Bytes())
	}
	ps := cmd.ProcessState
	return sample{wall, ps.UserTime() + ps.SystemTime(), childRSS(ps)}, nil
}

func row(w io.Writer, name string, pages int, res [][]sample) {
	ed := res[0]
	wall := func(x sample) time.Duration { return x.wall }
	cpu := func(x sample) time.Duration { return x.cpu }
	hugo, ratio, hcpu, cratio, hrss := "–", "–", "–", "–", "–"
	if len(res) > 1 {
		hugo = span(res[1])
		ratio = fmt.Sprintf("%.2f", float64(median(res[0], wall))/float64(median(res[1], wall)))
		hcpu = ms(median(res[1], cpu))
		cratio = fmt.Sprintf("%.2f", float64(median(res[0], cpu))/float64(median(res[1], cpu)))
		hrss = fmt.Sprintf("%d MB", peak(res[1])>>20)
	}
	perPage, p := "–", "–"
	if pages > 0 {
		perPage = fmt.Sprintf("%.2f", float64(median(ed, wall))/float64(time.Millisecond)/float64(pages))
		p = strconv.Itoa(pages)
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d MB | %s |\n", name, p, span(ed), hugo, ratio,
		ms(median(ed, cpu)), hcpu, cratio, perPage, peak(ed)>>20, hrss)
}

func median(s []sample, of func(sample) time.Duration) time.Duration {
	d := make([]time.Duration, len(s))
	for i, x := range s {
		d[i] = of(x)
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	if len(d)%2 == 1 {
		return d[len(d)/2]
	}
	return (d[len(d)/2-1] + d[len(d)/2]) / 2
}

func span(s []sample) string {
	lo, hi := s[0].wall, s[0].wall
	for _, x := range s {
		lo, hi = min(lo, x.wall), max(hi, x.wall)
	}
	return fmt.Sprintf("%s (%s–%s)", ms(median(s, func(x sample) time.Duration { return x.wall })), ms(lo), ms(hi))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func peak(s []sample) int64 {
	var m int64
	for _, x := range s {
		m = max(m, x.rss)
	}
	return m
}

func parseScales(s string) []int {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		ns = []int{1}
	}
	return ns
}

func versions(gen, hugoBin string) string {
	v := "edition: " + runtimeVersion(gen)
	if hugoBin != "" {
		out, _ := exec.Command(hugoBin, "version").Output()
		v += "; " + strings.TrimSpace(string(out))
	}
	return v
}

func runtimeVersion(gen string) string {
	out, err := exec.Command("go", "version", gen).Output()
	if err != nil {
		return "generator"
	}
	return strings.TrimSpace(string(out))
}

// repoRoot is the directory holding go.mod, from the working directory up.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", errors.New("no go.mod above the working directory")
		}
		d = up
	}
}

// volume says how many files and bytes each tool's last build wrote: the
// edition writes two scripts, embed pages and chart downloads, Hugo one
// page per page.
func volume(n int, ts []tool) string {
	s := fmt.Sprintf("- ×%d:", n)
	for _, t := range ts {
		files, size := 0, int64(0)
		_ = filepath.WalkDir(t.out, func(_ string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					files, size = files+1, size+fi.Size()
				}
			}
			return nil
		})
		s += fmt.Sprintf(" %s %d files, %.1f MB;", t.name, files, float64(size)/(1<<20))
	}
	return strings.TrimSuffix(s, ";") + "\n"
}
