// Package changes lists the files a git repository changed since a
// revision, so that a pre-publish check can look at the articles a pull
// request touched and nothing else.
package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Set holds the changed files as absolute, cleaned paths.
type Set map[string]bool

// Since lists the files of the repository holding dir that differ from
// revision rev: committed since it, staged, modified in the working tree,
// or new and not ignored. Deleted files are left out: there is nothing to
// check.
func Since(dir, rev string) (Set, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--changed-since %q: a revision cannot start with '-'", rev)
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %s is not in a git repository (%v)", dir, err)
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--changed-since: %q is not a revision of the repository at %s", rev, root)
	}
	changed, err := git(dir, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", rev, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git(dir, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/")
	if err != nil {
		return nil, err
	}
	set := Set{}
	for _, list := range [][]byte{changed, untracked} {
		for _, name := range bytes.Split(list, []byte{0}) {
			if len(name) > 0 {
				set[filepath.Clean(filepath.Join(root, filepath.FromSlash(string(name))))] = true
			}
		}
	}
	return set, nil
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

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("--changed-since needs git, which is not installed")
		}
		if errors.As(err, &exit) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = exit.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], firstLine(msg))
		}
		return nil, fmt.Errorf("git %s: %v", args[0], err)
	}
	return out, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
