package checker

import (
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPageFixturesIntent checks what the saved pages of fixtures/pages were
// written to show (fixtures/README.md), independently of their golden
// files: each page rule fires where the page lacks what it looks for, and
// nowhere else. Every other fixture, a saved page among them, has all the
// page shows, or no page evidence at all, and gets no page finding.
func TestPageFixturesIntent(t *testing.T) {
	r := checkFixtures(t, 0)
	pageRules := []string{"byline-mismatch", "no-byline", "no-date", "opinion-unlabelled", "outlet-unlinked", "sponsored-unlabelled"}
	want := map[string][]string{
		"rumour-page.html":             {"no-byline", "no-date", "outlet-unlinked"},
		"opinion-unlabelled-page.html": {"opinion-unlabelled"},
		"byline-mismatch-page.html":    {"byline-mismatch"},
		"notice-unsigned":              {"no-byline"},
		"notice-paid":                  {"sponsored-unlabelled"},
		"mill-credit.md":               {"outlet-unlinked"},
	}
	seen := map[string]bool{}
	for _, a := range r.Articles {
		id := filepath.Base(a.ID)
		seen[id] = true
		got := []string{}
		for _, f := range a.Findings {
			if slices.Contains(pageRules, f.Rule) && !slices.Contains(got, f.Rule) {
				got = append(got, f.Rule)
			}
		}
		sort.Strings(got)
		w := want[id]
		if w == nil {
			w = []string{}
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s: page rules (-want +got):\n%s", id, diff)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("fixture %s was not checked", id)
		}
	}
	for _, id := range []string{"clean-wire-page.html", "clean-wire.md", "notice-plain", "ferry-route-page.html"} {
		if !seen[id] {
			t.Errorf("fixture %s was not checked", id)
		}
	}
}
