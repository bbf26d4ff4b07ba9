package resultcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
)

// Binary identifies the running program for keys: the build information
// (module version, VCS revision and whether the tree was modified, Go
// version, dependencies, build settings) and the executable's path, size
// and modification time in nanoseconds. The build information alone would
// miss a rebuild from an edited tree (vcs.modified stays true across
// edits); the file's size and time change on every build that writes a
// new binary, and an unchanged build (go build leaves an up-to-date
// binary alone) rightly keeps the cache. A copy of the binary (a new file
// time) starts a cache of its own, which costs misses but is never stale.
// Hashing the executable's bytes would be exact too, but costs tens of
// milliseconds per run, which is what a warm one-file run is meant to save.
func Binary() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	build := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		build = bi.String()
	}
	return fmt.Sprintf("%s\x00%d\x00%d\x00%s", exe, info.Size(), info.ModTime().UnixNano(), build), nil
}

// Tree limits: a policy directory is tens of small files; one far larger is
// not what the cache is for, and hashing it would cost more than a miss.
const (
	maxTreeFiles = 10000
	maxTreeBytes = 64 << 20
	maxTreeDepth = 32
)

// ErrTooLarge says a tree is past what Tree hashes.
var ErrTooLarge = errors.New("too large to hash for the cache")

// Tree adds a directory to h: every file under it (through symbolic
// links) with its path relative to dir and its bytes, in name order.
// Hidden names below the top are left out, as the policy loader leaves
// them out; every other file is hashed, read by the loader or not, so that
// the key changes whenever anything the loader could read changes.
func (h *Hasher) Tree(dir string) error {
	t := treeHash{h: h}
	return t.walk(dir, "", 0)
}

type treeHash struct {
	h            *Hasher
	files, bytes int
}

func (t *treeHash) walk(dir, rel string, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("%s: %w", dir, ErrTooLarge)
	}
	items, err := os.ReadDir(filepath.Join(dir, rel))
	if err != nil {
		return err
	}
	slices.SortFunc(items, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, it := range items {
		if strings.HasPrefix(it.Name(), ".") {
			continue
		}
		name := filepath.Join(rel, it.Name())
		info, err := os.Stat(filepath.Join(dir, name)) // through links
		if err != nil {
			return err
		}
		switch {
		case info.IsDir():
			t.h.String("dir:" + filepath.ToSlash(name))
			if err := t.walk(dir, name, depth+1); err != nil {
				return err
			}
		case info.Mode().IsRegular():
			t.files++
			t.bytes += int(info.Size())
			if t.files > maxTreeFiles || t.bytes > maxTreeBytes {
				return fmt.Errorf("%s: %w", dir, ErrTooLarge)
			}
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				return err
			}
			t.h.String("file:" + filepath.ToSlash(name))
			t.h.Bytes(data)
		default:
			// A device or pipe: the loader refuses it, and reading it here
			// could block.
			t.h.String("other:" + filepath.ToSlash(name) + ":" + info.Mode().String())
		}
	}
	return nil
}

// File adds a file's bytes to h. A file that cannot be read is an error,
// and the caller leaves the cache alone (the run will report the file).
func (h *Hasher) File(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() || info.Size() > maxTreeBytes {
		return fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	h.Bytes(data)
	return nil
}
