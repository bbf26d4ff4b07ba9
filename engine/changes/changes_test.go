package changes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/changes"
)

// repo makes a git repository with two commits and returns its directory.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for --changed-since and its tests (.ci/run installs it)")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	write("news/old.md", "# Old\n\nText.\n")
	write("news/kept.md", "# Kept\n\nText.\n")
	write("news/gone.md", "# Gone\n\nText.\n")
	write(".gitignore", "drafts/\n")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	run("tag", "v1")
	write("news/committed.md", "# New\n\nText.\n")
	run("add", ".")
	run("commit", "-q", "-m", "second")
	write("news/old.md", "# Old\n\nEdited text.\n") // modified, not staged
	write("news/staged.md", "# Staged\n\nText.\n")
	run("add", "news/staged.md")
	write("news/untracked.md", "# Untracked\n\nText.\n")
	write("drafts/ignored.md", "# Ignored\n\nText.\n")
	if err := os.Remove(filepath.Join(dir, "news/gone.md")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func names(t *testing.T, dir string, s changes.Set) []string {
	var out []string
	real, _ := filepath.EvalSymlinks(dir)
	for p := range s {
		rel, err := filepath.Rel(real, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out
}

func TestSinceListsCommittedStagedModifiedAndNewFiles(t *testing.T) {
	dir := repo(t)
	set, err := changes.Since(filepath.Join(dir, "news"), "v1", changes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"news/committed.md", "news/old.md", "news/staged.md", "news/untracked.md"}
	if diff := cmp.Diff(want, names(t, dir, set)); diff != "" {
		t.Errorf("changed since v1 (-want +got):\n%s", diff)
	}
	t.Chdir(dir)
	if !set.Has("news/old.md") || !set.Has(filepath.Join(dir, "news", "staged.md")) || set.Has("news/kept.md") {
		t.Error("Has does not resolve paths relative to the working directory")
	}

	head, err := changes.Since(dir, "HEAD", changes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"news/old.md", "news/staged.md", "news/untracked.md"}, names(t, dir, head)); diff != "" {
		t.Errorf("changed since HEAD (-want +got):\n%s", diff)
	}
}

func TestSinceErrors(t *testing.T) {
	dir := repo(t)
	for rev, want := range map[string]string{
		"no-such-rev": `"no-such-rev" is not a revision`,
		"--output=x":  "cannot start with '-'",
	} {
		if _, err := changes.Since(dir, rev, changes.Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Since(%q) error = %v, want %q", rev, err, want)
		}
	}
	if _, err := changes.Since(t.TempDir(), "HEAD", changes.Options{}); err == nil || !strings.Contains(err.Error(), "is not in a git repository") {
		t.Errorf("outside a repository: error = %v", err)
	}
}
