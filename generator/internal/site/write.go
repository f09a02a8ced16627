package site

import "edition/generator/internal/publish"

// Write puts out into dir with package publish: only into a directory that
// is absent, empty or an earlier build's, unchanged files kept, swapped in
// at once. The command passes the sources to protect; see publish.Config.
func Write(out Output, dir string) error {
	_, err := publish.Write(out, publish.Config{Dir: dir})
	return err
}
