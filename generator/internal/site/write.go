package site

import (
	"os"
	"path/filepath"
)

// Write puts out into dir atomically: it writes a sibling temporary
// directory and swaps it in, so a reader or a failed build never sees half
// a site, and files that are no longer built disappear. On Linux the swap
// is one renameat2(RENAME_EXCHANGE); elsewhere two renames.
func Write(out Output, dir string) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+"-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after the swap it holds the old site
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, n := range out.Names() {
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, out[n], 0o644); err != nil {
			return err
		}
	}
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.Rename(tmp, dir)
	}
	return swap(tmp, dir)
}
