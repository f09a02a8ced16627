package publish

import "os"

// swapByRename exchanges a and b with two renames, for systems without an
// atomic exchange: b is missing for a moment, never half-written.
func swapByRename(a, b string) error {
	old := a + "-old"
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(old, b)
		return err
	}
	return os.Rename(old, a)
}
