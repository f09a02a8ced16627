package publish

import "golang.org/x/sys/unix"

// swap exchanges the directories a and b in one step.
func swap(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err == unix.ENOSYS || err == unix.EINVAL {
		return swapByRename(a, b)
	}
	return err
}
