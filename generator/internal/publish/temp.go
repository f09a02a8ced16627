package publish

import (
	"os"
	"path/filepath"
	"strings"
)

// makeTemp makes the directory the new tree is built in, beside the output
// so the swap is a rename on one file system, and locks it for as long as
// this build runs: removeAbandoned leaves a locked directory alone.
func makeTemp(parent, prefix string) (string, func(), error) {
	tmp, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return "", nil, err
	}
	unlock, ok := lockNew(tmp)
	if !ok {
		os.Remove(tmp)
		return "", nil, &os.PathError{Op: "lock", Path: tmp, Err: os.ErrExist}
	}
	if err := os.Chmod(tmp, DirMode); err != nil { // MkdirTemp makes it 0700
		unlock()
		os.RemoveAll(tmp)
		return "", nil, err
	}
	return tmp, unlock, nil
}

// removeAbandoned removes the temporary directories of builds that were
// killed before they could clean up (kill -9, a power cut): those whose
// lock nobody holds any more. Errors are ignored; the next build retries.
func removeAbandoned(parent, prefix string) {
	ents, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if unlock, ok := tryLock(p); ok {
			os.RemoveAll(p)
			unlock()
		}
	}
}
