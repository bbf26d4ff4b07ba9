package pathglob_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/credcheck/credcheck/engine/pathglob"
)

func TestMatchRelativeToBase(t *testing.T) {
	base := t.TempDir()
	set, err := pathglob.New(base, []string{"opinion/**", "**/drafts/*.md", "letters", "./wire/*.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		"opinion/a.md":            true,
		"opinion/2026/11/b.md":    true,
		"news/drafts/c.md":        true,
		"drafts/c.md":             true, // ** matches no directory too
		"news/drafts/deep/c.md":   false,
		"letters/to-editor.txt":   true, // a directory name covers what is below it
		"letters-page.md":         false,
		"wire/today.jsonl":        true,
		"news/opinion/a.md":       false,
		"../outside/opinion/a.md": false,
	}
	for rel, want := range cases {
		if got := set.Match(filepath.Join(base, rel)); got != want {
			t.Errorf("Match(%s) = %v, want %v", rel, got, want)
		}
	}
	if set.Match("-") {
		t.Error("standard input matched a path glob")
	}
}

func TestMatchPathsGivenRelativeToWorkingDirectory(t *testing.T) {
	base := t.TempDir()
	if err := os.MkdirAll(filepath.Join(base, "opinion"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(base, "opinion"))
	// The configuration lives in base; credcheck runs inside opinion/.
	set, err := pathglob.New(base, []string{"opinion/*.md"})
	if err != nil {
		t.Fatal(err)
	}
	if !set.Match("column.md") {
		t.Error("a path relative to the working directory was not resolved against the configuration's directory")
	}
}

func TestEmptySetMatchesEverything(t *testing.T) {
	var set pathglob.Set
	for _, p := range []string{"a.md", "/abs/b.md", "-"} {
		if !set.Match(p) {
			t.Errorf("empty set did not match %s", p)
		}
	}
}

func TestBadPattern(t *testing.T) {
	if _, err := pathglob.New("", []string{"opinion/[a-"}); err == nil {
		t.Error("accepted an unclosed character class")
	}
}
