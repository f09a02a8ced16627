//go:build !unix

package publish

import (
	"os"
	"time"
)

// lockNew has no flock to take here.
func lockNew(p string) (func(), bool) { return func() {}, true }

// tryLock, without flock, treats a directory untouched for an hour as
// abandoned: no build takes that long.
func tryLock(p string) (func(), bool) {
	fi, err := os.Stat(p)
	if err != nil || time.Since(fi.ModTime()) < time.Hour {
		return nil, false
	}
	return func() {}, true
}
