package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/credcheck/credcheck/engine/safefile"
)

// loadDir loads a user policy directory. Policy directories come from
// other people, so the files are first read by a walk this package
// controls (readTree) and only then handed to OPA's loader, from memory:
// OPA's own walk follows every symlink, out of the directory and round in
// loops, and opens named pipes and devices, which block or never end.
func loadDir(dir string, tests bool, read *userFiles, i int) (*loader.Result, error) {
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{File: dir, Reason: "policy directory does not exist"}
		}
		return nil, &Error{File: dir, Reason: err.Error()}
	}
	if !info.IsDir() {
		return nil, &Error{File: dir, Reason: "policy path is not a directory"}
	}
	tree, err := read.tree(i, dir, tests)
	if err != nil {
		return nil, err
	}
	l := loader.NewFileLoader().WithFS(tree).WithProcessAnnotation(true).WithRegoVersion(ast.RegoV1)
	res, err := l.Filtered([]string{dir}, filter(tests))
	if err != nil {
		return nil, convertLoadErrors(err, func(name string) string { return name }, tree)
	}
	return res, nil
}

// readTree reads the files of dir that skip (the loader's filter) keeps.
// It follows a symlink only while it stays inside dir, refuses anything
// that is not a regular file or a directory, and refuses a directory that
// a symlink leads back to. Every refusal is a located error; the walk goes
// on, so that one run lists them all.
func readTree(dir string, skip loader.Filter) (*memTree, error) {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, &Error{File: dir, Reason: err.Error()}
	}
	// os.Root refuses, whatever happens between the checks below and the
	// reads, to open anything outside the directory.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{File: dir, Reason: err.Error()}
	}
	defer root.Close()
	top, err := root.Stat(".")
	if err != nil {
		return nil, &Error{File: dir, Reason: err.Error()}
	}
	w := &treeWalk{root: root, dir: filepath.Clean(dir), realDir: realDir, skip: skip,
		tree: &memTree{files: map[string][]byte{}, dirs: map[string][]fs.DirEntry{}, infos: map[string]fs.FileInfo{}}}
	w.tree.infos[w.dir] = memInfo{name: filepath.Base(w.dir), dir: true}
	w.walk(".", []fs.FileInfo{top}, 0)
	if len(w.errs) > 0 {
		return nil, w.errs
	}
	return w.tree, nil
}

type treeWalk struct {
	root    *os.Root
	dir     string
	realDir string
	skip    loader.Filter
	// seen are the directories walked, by identity, so that one reached
	// again through a symlink is refused rather than read twice (or, for
	// a loop, for ever).
	seen []fs.FileInfo
	tree *memTree
	errs Errors
}

func (w *treeWalk) fail(name, format string, args ...any) {
	w.errs = append(w.errs, &Error{File: name, Reason: fmt.Sprintf(format, args...)})
}

// walk reads directory rel (relative to the root); ancestors are the
// directories above it and itself.
func (w *treeWalk) walk(rel string, ancestors []fs.FileInfo, depth int) {
	name := filepath.Join(w.dir, rel)
	f, err := w.root.Open(rel)
	if err != nil {
		w.fail(name, "%v", unwrapPath(err))
		return
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		w.fail(name, "%v", unwrapPath(err))
		return
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	var kept []fs.DirEntry
	for _, e := range entries {
		childRel := filepath.Join(rel, e.Name())
		child := filepath.Join(w.dir, childRel)
		info, err := w.root.Lstat(childRel)
		if err != nil {
			w.fail(child, "%v", unwrapPath(err))
			continue
		}
		if hidden(child, info, depth+1) {
			continue
		}
		link := info.Mode()&fs.ModeSymlink != 0
		if link {
			target, ok := w.follow(child, info, depth+1)
			if !ok {
				continue
			}
			if info, err = w.root.Stat(childRel); err != nil {
				w.fail(child, "symlink to %s: %v", target, unwrapPath(err))
				continue
			}
		}
		if w.skip(child, memInfo{name: e.Name(), dir: info.IsDir()}, depth+1) {
			continue
		}
		if info.IsDir() {
			if w.looped(child, info, ancestors, link) {
				continue
			}
			w.seen = append(w.seen, info)
			w.walk(childRel, append(slices.Clip(ancestors), info), depth+1)
			mi := memInfo{name: e.Name(), dir: true}
			w.tree.infos[child] = mi
			kept = append(kept, fs.FileInfoToDirEntry(mi))
			continue
		}
		if !info.Mode().IsRegular() {
			w.fail(child, "%s, not a regular file; a policy directory holds only files and directories", safefile.Kind(info.Mode()))
			continue
		}
		data, err := w.read(childRel)
		if err != nil {
			w.fail(child, "%v", err)
			continue
		}
		mi := memInfo{name: e.Name(), size: int64(len(data))}
		w.tree.files[child], w.tree.infos[child] = data, mi
		kept = append(kept, fs.FileInfoToDirEntry(mi))
	}
	w.tree.dirs[name] = kept
}

// follow resolves a symlink and says whether the walk should go on to
// what it points at: a directory, or a file the loader reads, inside the
// directory. A symlink to such a thing outside is refused; one to a file
// the loader leaves out (a README, say) is passed over wherever it points,
// since it is never read.
func (w *treeWalk) follow(name string, link fs.FileInfo, depth int) (string, bool) {
	target, err := filepath.EvalSymlinks(name)
	var info fs.FileInfo
	if err == nil {
		info, err = os.Stat(target)
	}
	if err != nil {
		if !w.skip(name, link, depth) {
			w.fail(name, "cannot follow symlink: %s", strings.TrimPrefix(unwrapPath(err).Error(), "EvalSymlinks: "))
		}
		return "", false
	}
	// The filter goes by name, and a symlink's target has another.
	if !info.IsDir() && w.skip(name, memInfo{name: link.Name()}, depth) {
		return "", false
	}
	rel, err := filepath.Rel(w.realDir, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		w.fail(name, "symlink leads out of the policy directory (to %s); policy files are read only inside it", target)
		return "", false
	}
	return target, true
}

// looped refuses a directory already on the path to it (a symlink loop such
// as a -> .) or already walked through another symlink.
func (w *treeWalk) looped(name string, info fs.FileInfo, ancestors []fs.FileInfo, link bool) bool {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			w.fail(name, "symlink loop: leads back to a directory above it")
			return true
		}
	}
	for _, s := range w.seen {
		if os.SameFile(s, info) {
			if link {
				w.fail(name, "symlink leads to a directory already read; each directory is loaded once")
			} else {
				w.fail(name, "directory already read through a symlink; each directory is loaded once")
			}
			return true
		}
	}
	return false
}

// read reads a regular file through the root, checking again on the open
// file in case it was replaced after the walk looked at it.
func (w *treeWalk) read(rel string) ([]byte, error) {
	f, err := w.root.Open(rel)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s, not a regular file", safefile.Kind(info.Mode()))
	}
	// A policy file as large as the side files' cap is already absurd; the
	// cap keeps a hostile directory from costing unbounded memory.
	data, err := safefile.ReadAll(f, rel, safefile.MaxSideBytes)
	if err != nil {
		return nil, errors.New(safefile.Reason(unwrapPath(err)))
	}
	return data, nil
}

// unwrapPath drops the operation and path a *PathError repeats, since the
// message names the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// memTree is a read directory tree as OPA's loader reads one (fs.StatFS,
// fs.ReadDirFS, fs.ReadFileFS), keyed by the paths the loader asks for:
// the directory as given joined with the names below it.
type memTree struct {
	files map[string][]byte
	dirs  map[string][]fs.DirEntry
	infos map[string]fs.FileInfo
}

func (t *memTree) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.ErrUnsupported}
}

func (t *memTree) Stat(name string) (fs.FileInfo, error) {
	if info, ok := t.infos[filepath.Clean(name)]; ok {
		return info, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

func (t *memTree) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok := t.dirs[filepath.Clean(name)]; ok {
		return entries, nil
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

func (t *memTree) ReadFile(name string) ([]byte, error) {
	if data, ok := t.files[filepath.Clean(name)]; ok {
		return data, nil
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

// memInfo describes a file or directory of a memTree.
type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
