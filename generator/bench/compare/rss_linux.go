package main

import (
	"os"
	"syscall"
)

// childRSS is a finished process's peak resident set in bytes (Linux
// reports kilobytes).
func childRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) * 1024
	}
	return 0
}
