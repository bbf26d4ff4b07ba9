package policy

import (
	"crypto/sha256"
	"errors"
	"maps"
	"os"
	"slices"

	"github.com/credcheck/credcheck/engine/safefile"
)

// userFiles are the user's policy directories and data files, read into
// memory once. Load keys its memo by their bytes and load compiles those
// same bytes, so a kept set always matches what was read: an edit gives
// another key, and nothing on disk is read twice.
type userFiles struct {
	trees []*memTree
	data  [][]byte
}

// readUserFiles reads opts' directories and data files; an error means
// load should read them itself and report what it finds.
func readUserFiles(opts Options) (*userFiles, error) {
	u := &userFiles{}
	for _, dir := range opts.Dirs {
		// readTree refuses anything but a directory; load says why.
		tree, err := readTree(dir, filter(opts.Tests))
		if err != nil {
			return nil, err
		}
		u.trees = append(u.trees, tree)
	}
	for _, path := range opts.DataFiles {
		raw, err := safefile.ReadFile(path, safefile.MaxSideBytes)
		if err != nil {
			return nil, err
		}
		u.data = append(u.data, raw)
	}
	return u, nil
}

// key is a hash of every directory and data file name with the bytes read
// under it, in order. Every list is preceded by its length and every field
// by its size, so no two different sets of files hash the same bytes.
func (u *userFiles) key(opts Options) [sha256.Size]byte {
	h := newFramedHash()
	h.count(len(opts.Dirs))
	for i, dir := range opts.Dirs {
		h.field([]byte(dir))
		files := u.trees[i].files
		h.count(len(files))
		for _, name := range slices.Sorted(maps.Keys(files)) {
			h.field([]byte(name))
			h.field(files[name])
		}
	}
	h.count(len(opts.DataFiles))
	for i, path := range opts.DataFiles {
		h.field([]byte(path))
		h.field(u.data[i])
	}
	return h.sum()
}

// tree is directory i as read, or read now when nothing was.
func (u *userFiles) tree(i int, dir string, tests bool) (*memTree, error) {
	if u != nil {
		return u.trees[i], nil
	}
	return readTree(dir, filter(tests))
}

// dataFile is data file i as read, or read now when nothing was.
func (u *userFiles) dataFile(i int, path string) ([]byte, error) {
	if u != nil {
		return u.data[i], nil
	}
	raw, err := safefile.ReadFile(path, safefile.MaxSideBytes)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{File: path, Reason: "data file does not exist"}
		}
		return nil, &Error{File: path, Reason: safefile.Reason(err)}
	}
	return raw, nil
}
