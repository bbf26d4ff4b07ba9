//go:build !unix

package safefile

// nonBlocking is unix's O_NONBLOCK; elsewhere opening a file does not wait.
const nonBlocking = 0
