//go:build !linux

package scale

import "time"

func peakRSS() (int64, bool) { return 0, false }

func cpuTime() time.Duration { return 0 }
