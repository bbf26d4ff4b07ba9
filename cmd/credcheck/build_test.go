package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// buildBinary builds credcheck as the Action and the release build it
// (static, trimmed paths) and leaves this run's copy at dst.
//
// Linking the binary is the dearest step of this package's set-up (about
// four CPU-seconds for some sixty megabytes), and go build skips the link
// when the output file already holds the very build it would make, by
// build ID. So the build goes to one place per checkout, kept between runs
// in the user's cache directory: a run whose sources changed relinks it
// there, a run on unchanged sources only checks it. Each run then works on
// a copy of its own, so that another go test of the same checkout,
// relinking the kept binary, never changes it under a running test.
func buildBinary(dst string) error {
	kept, unlock, err := keptBinary()
	if err != nil {
		// No cache directory to keep it in: build this run's alone.
		return goBuild(dst)
	}
	defer unlock()
	if err := goBuild(kept); err != nil {
		return err
	}
	return copyExecutable(kept, dst)
}

// keptBinary is where this checkout's binary is kept, locked against
// another test run of the checkout until unlock.
func keptBinary() (path string, unlock func(), err error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", nil, err
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256([]byte(root))
	dir := filepath.Join(cache, "credcheck-tests", hex.EncodeToString(sum[:8]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", nil, err
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		lock.Close()
		return "", nil, err
	}
	return filepath.Join(dir, "credcheck"), func() { lock.Close() }, nil
}

func goBuild(out string) error {
	build := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	return nil
}

// copyExecutable copies the file at src to dst, executable.
func copyExecutable(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
