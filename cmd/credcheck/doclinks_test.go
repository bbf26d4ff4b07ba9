package main

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocsLinks: every relative link of README.md and docs/ names a file
// or directory of the repository, and every fragment (#heading) a heading
// of the Markdown page it points at, as GitHub derives its anchors.
// External links are left alone: the tests do not reach the network.
func TestDocsLinks(t *testing.T) {
	t.Parallel()
	pages := map[string]docPage{}
	for _, p := range docPages(t) {
		pages[p] = readDocPage(t, p)
	}
	anchors := map[string]map[string]bool{}
	anchorsOf := func(target string) map[string]bool {
		if a, ok := anchors[target]; ok {
			return a
		}
		p, ok := pages[target]
		if !ok {
			p = readDocPage(t, target)
		}
		anchors[target] = p.anchors()
		return anchors[target]
	}
	checked := 0
	for _, name := range docPages(t) {
		page := pages[name]
		for _, l := range page.links() {
			if schemeLink.MatchString(l.dest) || strings.HasPrefix(l.dest, "//") {
				continue
			}
			u, err := url.Parse(l.dest)
			if err != nil {
				t.Errorf("%s:%d: link %q: %v", name, l.line, l.dest, err)
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Clean(path.Join(path.Dir(name), u.Path))
				if target == ".." || strings.HasPrefix(target, "../") {
					t.Errorf("%s:%d: link %q leaves the repository", name, l.line, l.dest)
					continue
				}
				if _, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(target))); err != nil {
					t.Errorf("%s:%d: link %q: no such file or directory %s", name, l.line, l.dest, target)
					continue
				}
			}
			checked++
			if u.Fragment == "" || !strings.HasSuffix(target, ".md") {
				continue
			}
			if !anchorsOf(target)[u.Fragment] {
				t.Errorf("%s:%d: link %q: %s has no heading with the anchor #%s", name, l.line, l.dest, target, u.Fragment)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d relative links found in the docs; is the Markdown read at all?", checked)
	}
}
