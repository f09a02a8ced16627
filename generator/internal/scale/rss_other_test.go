//go:build !linux

package scale

func peakRSS() (int64, bool) { return 0, false }
