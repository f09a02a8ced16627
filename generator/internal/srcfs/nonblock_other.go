//go:build !unix

package srcfs

const nonBlock = 0
