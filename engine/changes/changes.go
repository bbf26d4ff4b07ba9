// Package changes lists the files a git repository changed since a
// revision, so that a pre-publish check can look at the articles a pull
// request touched and nothing else. The repository is read in-process
// (go-git): no git binary is needed, so the container image can use it.
package changes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Set holds the changed files as absolute, cleaned paths.
type Set map[string]bool

// Options say what the changes are measured against.
type Options struct {
	// Tip compares with the revision itself rather than with the merge
	// base of the revision and HEAD. On a branch behind its target, the
	// tip's newer files would count as changes the branch never made.
	Tip bool
}

// Since lists the files of the repository holding dir that differ from
// the merge base of revision rev and HEAD (from rev itself with
// opts.Tip): committed since, staged, modified in the working tree, or new
// and not ignored. Deleted files are left out: there is nothing to check.
func Since(dir, rev string, opts Options) (Set, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--changed-since %q: a revision cannot start with '-'", rev)
	}
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %s is not in a git repository (%v)", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("--changed-since: the repository holding %s has no working tree (%v)", dir, err)
	}
	root := wt.Filesystem.Root()
	// Paths are kept resolved, as git prints them; Has resolves its
	// argument when the path as given is not found.
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	target, err := commitOf(repo, rev)
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %q is not a revision of the repository at %s", rev, root)
	}
	head, err := commitOf(repo, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: HEAD of the repository at %s is not a commit (%v)", root, err)
	}
	base := target
	if !opts.Tip {
		if base, err = mergeBase(repo, rev, head, target); err != nil {
			return nil, err
		}
	}
	set := Set{}
	add := func(name string) {
		set[filepath.Clean(filepath.Join(root, filepath.FromSlash(name)))] = true
	}
	if err := committed(base, head, add); err != nil {
		return nil, fmt.Errorf("--changed-since: comparing %s with HEAD: %v", rev, err)
	}
	status, err := wt.Status()
	if err != nil {
		return nil, fmt.Errorf("--changed-since: reading the working tree at %s: %v", root, err)
	}
	for name, s := range status {
		if s.Staging != git.Unmodified || s.Worktree != git.Unmodified {
			add(name)
		}
	}
	// A file changed by a commit and then deleted from the working tree,
	// or deleted there alone, has nothing left to check.
	for p := range set {
		if _, err := os.Lstat(p); err != nil {
			delete(set, p)
		}
	}
	return set, nil
}

func commitOf(repo *git.Repository, rev string) (*object.Commit, error) {
	hash, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, err
	}
	return repo.CommitObject(*hash)
}

// mergeBase is the best common ancestor of head and target. A shallow
// clone may not hold it, and go-git cannot fetch the missing history, so
// that is said plainly with the ways to get it.
func mergeBase(repo *git.Repository, rev string, head, target *object.Commit) (*object.Commit, error) {
	bases, err := head.MergeBase(target)
	if len(bases) > 0 && err == nil {
		return bases[0], nil
	}
	if shallow, _ := repo.Storer.Shallow(); len(shallow) > 0 {
		return nil, fmt.Errorf("--changed-since: the merge base of %s and HEAD is not in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0, or git fetch --unshallow) or compare with the tip of %s (--changed-since-tip)", rev, rev)
	}
	if err != nil {
		return nil, fmt.Errorf("--changed-since: finding the merge base of %s and HEAD: %v", rev, err)
	}
	return nil, fmt.Errorf("--changed-since: %s and HEAD have no common history; compare with the tip of %s (--changed-since-tip)", rev, rev)
}

// committed adds the files that differ between the trees of two commits,
// but for deletions. Renames count as a new file (git diff --no-renames).
func committed(from, to *object.Commit, add func(string)) error {
	if from.Hash == to.Hash {
		return nil
	}
	fromTree, err := from.Tree()
	if err != nil {
		return err
	}
	toTree, err := to.Tree()
	if err != nil {
		return err
	}
	diff, err := object.DiffTree(fromTree, toTree)
	if err != nil {
		return err
	}
	for _, c := range diff {
		if c.To.Name != "" {
			add(c.To.Name)
		}
	}
	return nil
}

// Has reports whether path (relative to the working directory or absolute)
// is among the changed files.
func (s Set) Has(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if s[abs] {
		return true
	}
	// The repository root may be reached through a symbolic link.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return s[real]
	}
	return false
}
