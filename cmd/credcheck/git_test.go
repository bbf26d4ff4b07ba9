package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// branchBehindMain makes a repository on branch "story", which left main
// before main edited news/port-strike.md and added news/main-only.md; the
// branch added news/branch.md.
func branchBehindMain(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news/port-strike.md"), cleanArticle)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "articles")
	git(t, dir, "checkout", "-q", "-b", "story")
	write(t, filepath.Join(dir, "news/branch.md"), hedgedArticle)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "the branch's story")
	git(t, dir, "checkout", "-q", "main")
	write(t, filepath.Join(dir, "news/port-strike.md"), cleanArticle+"\nThe union said talks would resume in May.\n")
	write(t, filepath.Join(dir, "news/main-only.md"), cleanArticle)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "main moves on")
	git(t, dir, "checkout", "-q", "story")
	return dir
}

// noGit is an environment whose PATH holds no git: --changed-since reads
// the repository in-process, as in the container image.
var noGit = []string{"PATH=/nonexistent"}

func TestChangedSinceUsesTheMergeBase(t *testing.T) {
	t.Parallel()
	dir := branchBehindMain(t)
	r := credcheck(t, dir, noGit, "", "check", "-v", "--format", "json", "--changed-since", "main", "news/")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/branch.md"}) {
		t.Errorf("--changed-since main on a branch behind it checked %v, want the branch's article only\n%s", got, r.stderr)
	}
	if !strings.Contains(r.stderr, "credcheck: skipped news/port-strike.md: not changed since main\n") {
		t.Errorf("-v does not list the article left out as unchanged:\n%s", r.stderr)
	}
	r = credcheck(t, dir, noGit, "", "check", "--format", "json", "--changed-since", "main", "--changed-since-tip", "news/")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/branch.md", "news/port-strike.md"}) {
		t.Errorf("--changed-since-tip checked %v, want also the article main edited\n%s", got, r.stderr)
	}
	if r := credcheck(t, dir, noGit, "", "check", "--changed-since-tip", "news/"); r.code != 2 || !strings.Contains(r.stderr, "--changed-since-tip needs --changed-since") {
		t.Errorf("--changed-since-tip alone: exit %d\n%s", r.code, r.stderr)
	}
}

func TestChangedSinceInAShallowClone(t *testing.T) {
	t.Parallel()
	src := branchBehindMain(t)
	clone := filepath.Join(t.TempDir(), "clone")
	git(t, src, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "story", "file://"+src, clone)
	r := credcheck(t, clone, noGit, "", "check", "--changed-since", "origin/main", "news/")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 2 || len(lines) != 1 || !strings.Contains(lines[0], "shallow clone") ||
		!strings.Contains(lines[0], "fetch-depth: 0") || !strings.Contains(lines[0], "git fetch --unshallow") {
		t.Errorf("shallow clone: exit %d, want 2 and one line saying how to fetch the history\n%s", r.code, r.stderr)
	}
	r = credcheck(t, clone, noGit, "", "check", "--format", "json", "--changed-since", "origin/main", "--changed-since-tip", "news/")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/branch.md", "news/port-strike.md"}) {
		t.Errorf("--changed-since-tip in a shallow clone checked %v\n%s", got, r.stderr)
	}
}
