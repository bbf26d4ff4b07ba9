package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ignoringRepo is a repository of articles with .gitignore files at two
// depths, one of them bringing a file back with "!".
func ignoringRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, ".gitignore"), "# drafts stay local\ndrafts/\n*.tmp.md\n")
	write(t, filepath.Join(dir, "news/port-strike.md"), cleanArticle)
	write(t, filepath.Join(dir, "news/scratch.tmp.md"), hedgedArticle)
	write(t, filepath.Join(dir, "news/.gitignore"), "wire/*\n!wire/kept.md\n")
	write(t, filepath.Join(dir, "news/wire/dropped.md"), hedgedArticle)
	write(t, filepath.Join(dir, "news/wire/kept.md"), cleanArticle)
	write(t, filepath.Join(dir, "news/archive/2019.md"), cleanArticle)
	write(t, filepath.Join(dir, "news/README.md"), "# About this folder\n\nArticles go here.\n")
	write(t, filepath.Join(dir, "news/photo.jpg"), "not an article")
	write(t, filepath.Join(dir, "drafts/leak.md"), hedgedArticle)
	return dir
}

func TestWalkHonoursGitignore(t *testing.T) {
	t.Parallel()
	dir := ignoringRepo(t)
	r := credcheck(t, dir, nil, "", "check", "--format", "json", ".")
	want := []string{"news/archive/2019.md", "news/port-strike.md", "news/wire/kept.md"}
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, want) {
		t.Errorf("checked %v, want %v\n%s", got, want, r.stderr)
	}
	// Named, an ignored file is checked, and an ignored directory walked.
	r = credcheck(t, dir, nil, "", "check", "--format", "json", "news/scratch.tmp.md", "drafts/")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/scratch.tmp.md", "drafts/leak.md"}) {
		t.Errorf("named ignored paths: checked %v\n%s", got, r.stderr)
	}
	// A walk of a subdirectory applies the .gitignore files above it.
	r = credcheck(t, filepath.Join(dir, "news"), nil, "", "check", "--format", "json", ".")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"archive/2019.md", "port-strike.md", "wire/kept.md"}) {
		t.Errorf("from news/: checked %v\n%s", got, r.stderr)
	}
}

func TestExcludeGlobs(t *testing.T) {
	t.Parallel()
	dir := ignoringRepo(t)
	// In the file, globs are relative to it, wherever the run starts.
	write(t, filepath.Join(dir, ".credcheck.yaml"), "exclude:\n  - news/archive/\n  - \"**/wire/kept.md\"\n")
	r := credcheck(t, filepath.Join(dir, "news"), nil, "", "check", "--format", "json", ".")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"port-strike.md"}) {
		t.Errorf("exclude: in the file, from news/: checked %v\n%s", got, r.stderr)
	}
	// --exclude replaces the file's list, relative to the working directory.
	r = credcheck(t, filepath.Join(dir, "news"), nil, "", "check", "--format", "json", "--exclude", "port-strike.md", "--exclude", "wire/**", ".")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"archive/2019.md"}) {
		t.Errorf("--exclude: checked %v\n%s", got, r.stderr)
	}
	r = credcheck(t, dir, []string{"CREDCHECK_EXCLUDE=news/archive/**,news/port-strike.md"}, "", "check", "--format", "json", ".")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/wire/kept.md"}) {
		t.Errorf("CREDCHECK_EXCLUDE: checked %v\n%s", got, r.stderr)
	}
	// A file named explicitly is checked though excluded.
	r = credcheck(t, dir, nil, "", "check", "--format", "json", "news/archive/2019.md")
	if got := checkedIDs(t, r.stdout); !cmp.Equal(got, []string{"news/archive/2019.md"}) {
		t.Errorf("named excluded file: checked %v\n%s", got, r.stderr)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "exclude: [\"news/[\"]\n")
	if r := credcheck(t, dir, nil, "", "check", "."); r.code != 2 || !strings.Contains(r.stderr, `bad path pattern "news/["`) {
		t.Errorf("bad glob: exit %d\n%s", r.code, r.stderr)
	}
}

func TestVerboseListsWhatTheWalkSkipped(t *testing.T) {
	t.Parallel()
	dir := ignoringRepo(t)
	r := credcheck(t, dir, nil, "", "check", "-v", "--exclude", "news/archive", "--format", "json", ".")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := []string{
		"credcheck: skipped .git/: hidden",
		"credcheck: skipped .gitignore: hidden",
		"credcheck: skipped drafts/: ignored by .gitignore:2 (drafts/)",
		"credcheck: skipped news/.gitignore: hidden",
		"credcheck: skipped news/README.md: a project file (README, CHANGELOG, LICENSE and the like), read only when named",
		"credcheck: skipped news/archive/: excluded by news/archive",
		"credcheck: skipped news/photo.jpg: not an article extension (.htm, .htm.gz, .html, .html.gz, .jsonl, .markdown, .md, .ndjson, .text, .txt)",
		"credcheck: skipped news/scratch.tmp.md: ignored by .gitignore:3 (*.tmp.md)",
		"credcheck: skipped news/wire/dropped.md: ignored by news/.gitignore:1 (wire/*)",
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(r.stderr), "\n")); diff != "" {
		t.Errorf("-v listing (-want +got):\n%s", diff)
	}
	if r := credcheck(t, dir, nil, "", "check", "--format", "json", "."); r.stderr != "" {
		t.Errorf("without -v, the walk says nothing: %q", r.stderr)
	}
}
