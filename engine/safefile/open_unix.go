//go:build unix

package safefile

import "syscall"

// nonBlocking keeps open(2) from waiting for a writer should the path have
// become a FIFO since it was stated; on a regular file it changes nothing.
const nonBlocking = syscall.O_NONBLOCK
