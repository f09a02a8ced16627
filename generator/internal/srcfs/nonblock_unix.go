//go:build unix

package srcfs

import "syscall"

// nonBlock keeps open(2) of a FIFO from waiting for a writer.
const nonBlock = syscall.O_NONBLOCK
