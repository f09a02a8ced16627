package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"edition/generator/internal/srcfs"
)

// Refused is the error for an output directory build will not write.
type Refused struct {
	Dir    string // as the user named it
	Reason string
}

func (e *Refused) Error() string {
	return fmt.Sprintf("%s: refusing to write the site here: %s", e.Dir, e.Reason)
}

// target resolves cfg.Dir to the absolute directory to replace, following
// a symlink so that its target is updated and the link kept, and refuses
// what build did not make.
func target(cfg Config) (string, error) {
	refuse := func(format string, args ...any) error {
		return &Refused{Dir: cfg.Dir, Reason: fmt.Sprintf(format, args...)}
	}
	if cfg.Dir == "" {
		return "", refuse("no output directory named")
	}
	dir, err := resolve(cfg.Dir)
	if err != nil {
		return "", refuse("%v", err)
	}
	if err := checkProtected(dir, cfg, refuse); err != nil {
		return "", err
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dir, nil
	case err != nil:
		return "", refuse("%v", err)
	case !fi.IsDir():
		return "", refuse("it is not a directory (%s)", srcfs.Kind(fi.Mode()))
	}
	return dir, checkMade(dir, refuse)
}

// checkProtected refuses the project, the sources, their ancestors and
// anything inside a source directory.
func checkProtected(dir string, cfg Config, refuse func(string, ...any) error) error {
	for _, p := range cfg.Projects {
		if rp, err := resolve(p); err == nil && within(rp, dir) {
			return refuse("it holds the project %s", rp)
		}
	}
	for _, p := range cfg.Sources {
		rp, err := resolve(p)
		switch {
		case err != nil:
		case rp == dir:
			return refuse("it is the source directory %s", p)
		case within(rp, dir):
			return refuse("it holds the source directory %s", p)
		case within(dir, rp):
			return refuse("it is inside the source directory %s", p)
		}
	}
	return nil
}

// checkMade accepts an empty directory or one holding the Marker.
func checkMade(dir string, refuse func(string, ...any) error) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return refuse("%v", err)
	}
	if len(ents) == 0 {
		return nil
	}
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	if err != nil || !fi.Mode().IsRegular() {
		return refuse("it is not empty and was not made by build (it has no %s file); remove it or choose another -out", Marker)
	}
	return nil
}

// resolve makes p absolute with every symlink in it followed; a path that
// does not exist yet is resolved as far as it exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		r, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if fi, lerr := os.Lstat(abs); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s is a symlink to a missing directory", abs)
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", err
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}
