package changes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/changes"
)

// gitIn runs git in dir to set a repository up; Since itself never runs it.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeIn(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// behindMain makes a repository whose branch "story" left main before
// main got news/main-only.md and an edit of news/old.md, and added
// news/branch.md itself.
func behindMain(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed to set up the repositories of these tests (.ci/run installs it)")
	}
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	writeIn(t, dir, "news/old.md", "# Old\n\nText.\n")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "first")
	gitIn(t, dir, "checkout", "-q", "-b", "story")
	writeIn(t, dir, "news/branch.md", "# Branch\n\nText.\n")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "on the branch")
	gitIn(t, dir, "checkout", "-q", "main")
	writeIn(t, dir, "news/main-only.md", "# Main\n\nText.\n")
	writeIn(t, dir, "news/old.md", "# Old\n\nText edited on main.\n")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "on main after the branch point")
	gitIn(t, dir, "checkout", "-q", "story")
	return dir
}

func TestSinceUsesTheMergeBase(t *testing.T) {
	dir := behindMain(t)
	writeIn(t, dir, "news/draft.md", "# Draft\n\nText.\n")
	// Since reads the repository in-process: without git on PATH it works.
	t.Setenv("PATH", "")
	set, err := changes.Since(dir, "main", changes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"news/branch.md", "news/draft.md"}, names(t, dir, set)); diff != "" {
		t.Errorf("changed since the merge base with main (-want +got):\n%s", diff)
	}
	tip, err := changes.Since(dir, "main", changes.Options{Tip: true})
	if err != nil {
		t.Fatal(err)
	}
	// Against main's tip, the file main edited differs too, though the
	// branch never touched it (main's new file is not on the branch).
	if diff := cmp.Diff([]string{"news/branch.md", "news/draft.md", "news/old.md"}, names(t, dir, tip)); diff != "" {
		t.Errorf("changed since main's tip (-want +got):\n%s", diff)
	}
}

func TestSinceInAShallowClone(t *testing.T) {
	src := behindMain(t)
	clone := filepath.Join(t.TempDir(), "clone")
	gitIn(t, src, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "story", "file://"+src, clone)
	_, err := changes.Since(clone, "origin/main", changes.Options{})
	if err == nil {
		t.Fatal("no error without the merge base")
	}
	msg := err.Error()
	for _, want := range []string{"not in this shallow clone", "fetch-depth: 0", "git fetch --unshallow", "--changed-since-tip"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("message is more than one line: %q", msg)
	}
	// The tip needs no history: the trees of two commits are enough.
	tip, err := changes.Since(clone, "origin/main", changes.Options{Tip: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"news/branch.md", "news/old.md"}, names(t, clone, tip)); diff != "" {
		t.Errorf("changed since the tip in a shallow clone (-want +got):\n%s", diff)
	}
}

func TestSinceInALinkedWorktree(t *testing.T) {
	dir := behindMain(t)
	linked := filepath.Join(t.TempDir(), "linked")
	gitIn(t, dir, "worktree", "add", "-q", "-b", "other", linked, "story")
	writeIn(t, linked, "news/linked.md", "# Linked\n\nText.\n")
	set, err := changes.Since(filepath.Join(linked, "news"), "main", changes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"news/branch.md", "news/linked.md"}, names(t, linked, set)); diff != "" {
		t.Errorf("changed in a linked worktree (-want +got):\n%s", diff)
	}
}
