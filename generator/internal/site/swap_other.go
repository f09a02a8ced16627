//go:build !linux

package site

func swap(a, b string) error { return swapByRename(a, b) }
