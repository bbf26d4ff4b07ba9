package article

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// walked is the articles a walk of root/sub lists, relative to root.
func walked(t *testing.T, root, sub string) []string {
	t.Helper()
	files, problems := walk(filepath.Join(root, sub), LoadOptions{})
	for _, p := range problems {
		t.Errorf("problem: %s: %s", p.Path, p.Reason)
	}
	var out []string
	for _, f := range files {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func TestIgnoreFilesOfTheRepository(t *testing.T) {
	root := writeTree(t, map[string]string{
		".git/info/exclude":     "*.local.md\n",
		".gitignore":            "/build/\nnews/**/*.bak.md\n",
		"news/a.md":             "A",
		"news/a.local.md":       "A",
		"news/deep/x.bak.md":    "X",
		"news/deep/.gitignore":  "# comments and blank lines are no patterns\n\n  \n!keep.bak.md\n",
		"news/deep/keep.bak.md": "K",
		"build/news/b.md":       "B",
	})
	// info/exclude and the top's .gitignore apply to a walk of news/, and
	// the deeper file brings one back.
	if diff := cmp.Diff([]string{"news/a.md", "news/deep/keep.bak.md"}, walked(t, root, "news")); diff != "" {
		t.Errorf("walk of news/ (-want +got):\n%s", diff)
	}
	// build/ is ignored, but named it is walked, as asked.
	if diff := cmp.Diff([]string{"build/news/b.md"}, walked(t, root, "build")); diff != "" {
		t.Errorf("walk of ignored build/ (-want +got):\n%s", diff)
	}
}

func TestIgnoreFilesOutsideARepository(t *testing.T) {
	root := writeTree(t, map[string]string{
		"news/.gitignore": "old/\n",
		"news/a.md":       "A",
		"news/old/b.md":   "B",
	})
	if diff := cmp.Diff([]string{"news/a.md"}, walked(t, root, "news")); diff != "" {
		t.Errorf("walk outside a repository (-want +got):\n%s", diff)
	}
}

func TestAnUnreadableIgnoreFileIsAProblemOfItsOwn(t *testing.T) {
	root := writeTree(t, map[string]string{"news/a.md": "A", "news/.gitignore/x": "not a file"})
	files, problems := walk(filepath.Join(root, "news"), LoadOptions{})
	if len(files) != 1 || len(problems) != 1 || !strings.HasSuffix(problems[0].Path, ".gitignore") || !strings.Contains(problems[0].Reason, "directory") {
		t.Errorf("files %v, problems %+v; want a.md and one problem naming .gitignore", files, problems)
	}
}
