//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive flock on the directory p without waiting. The
// kernel drops it when the process dies, however it dies.
func tryLock(p string) (func(), bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}

// lockNew locks a directory this build just made.
func lockNew(p string) (func(), bool) { return tryLock(p) }
