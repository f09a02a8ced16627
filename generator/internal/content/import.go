package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"edition/generator/internal/diag"
	"edition/generator/internal/report"
	"edition/generator/internal/srcfs"
)

// writeOnce files are written by the first import only: they hold the
// edition's own settings, which editors are expected to change.
var writeOnce = map[string]bool{SiteFile: true}

// ManifestFile records what import last wrote, so a second import can tell
// an editor's change from its own output.
const ManifestFile = ".import.sum"

// ImportConfig says what to import where.
type ImportConfig struct {
	Seed  string // seed file path
	Dir   string // content directory
	Force bool   // overwrite files an editor changed
	Log   io.Writer
	Gen   GenerateConfig
}

// ImportStats reports what an import did.
type ImportStats struct {
	Written, Unchanged int
	Kept               int // files an editor changed, where import had nothing new
	Result             *report.Result
}

// Import reads the seed, repairs it with Dir/corrections.tsv (if any),
// and writes the content files. A file an editor changed is kept when
// import has nothing new for it; when it has, import refuses to overwrite
// the editor's work unless cfg.Force is set, and then writes nothing.
func Import(cfg ImportConfig) (*ImportStats, error) {
	res, err := report.ReadFiles(filepath.ToSlash(cfg.Seed), filepath.ToSlash(filepath.Join(cfg.Dir, CorrectionsFile)))
	if err != nil {
		return nil, err
	}
	if cfg.Log != nil {
		for _, w := range res.Warnings {
			fmt.Fprintf(cfg.Log, "warning: %v\n", w)
		}
	}
	if cfg.Gen.SeedName == "" {
		cfg.Gen.SeedName = filepath.Base(cfg.Seed)
	}
	files, err := Generate(res, cfg.Gen)
	if err != nil {
		return nil, err
	}
	st := &ImportStats{Result: res}
	return st, writeFiles(cfg, files, st)
}

func writeFiles(cfg ImportConfig, files Generated, st *ImportStats) error {
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return err
	}
	old := readManifest(filepath.Join(cfg.Dir, ManifestFile))
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var conflicts diag.List
	var todo []string
	src := srcfs.New(cfg.Dir, filepath.ToSlash(cfg.Dir)) // never opens a FIFO, never follows a link out
	for _, n := range names {
		p := filepath.Join(cfg.Dir, n)
		cur, err := src.ReadFile(n)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			todo = append(todo, n)
		case err == nil && writeOnce[n] && !cfg.Force:
			// The editor's from now on: import only made a first draft.
			files[n] = cur
			st.Unchanged++
		case err != nil:
			return &diag.Error{Path: filepath.ToSlash(p), Msg: unwrapPathErr(err)}
		case bytes.Equal(cur, files[n]):
			st.Unchanged++
		case old[n] == hash(files[n]) && !cfg.Force:
			// Import would write what it wrote last time, so the
			// difference is an editor's, and it stays.
			st.Kept++
		case old[n] == hash(cur) || cfg.Force:
			todo = append(todo, n)
		default:
			why := "changed by an editor since the last import, and the seed or the generator now gives something else"
			if old[n] == "" {
				why = "not written by import"
			}
			conflicts = append(conflicts, &diag.Error{Path: filepath.ToSlash(p), Msg: why + "; import would overwrite it (carry your edits over by hand, or run import -force to replace them)"})
		}
	}
	if len(conflicts) > 0 {
		return conflicts
	}
	for _, n := range todo {
		if err := writeAtomic(filepath.Join(cfg.Dir, n), files[n]); err != nil {
			return err
		}
		st.Written++
	}
	var m bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&m, "%s  %s\n", hash(files[n]), n)
	}
	return writeAtomic(filepath.Join(cfg.Dir, ManifestFile), m.Bytes())
}

func hash(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

func readManifest(p string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(p)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if h, n, ok := strings.Cut(sc.Text(), "  "); ok {
			m[n] = h
		}
	}
	return m
}

// writeAtomic replaces p in one step, so an interrupted import never
// leaves half a file.
func writeAtomic(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-"+filepath.Base(p)+"-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), p)
}

func unwrapPathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
