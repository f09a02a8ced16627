//go:build linux

package scale

import "syscall"

// peakRSS is this process's peak resident set in bytes (Linux reports
// kilobytes).
func peakRSS() (int64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return int64(ru.Maxrss) * 1024, true
}
