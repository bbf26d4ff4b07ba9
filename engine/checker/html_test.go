package checker

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
)

// TestPageAndMarkdownAgree checks the same story saved as a web page (with
// navigation, advertising, share links, a script and JSON-LD around it) and
// written as Markdown: the page's extracted text yields the same body
// findings at the same columns, and the same score, so nothing of the
// page's chrome is read as the article's prose. Findings of the rules that
// read the page's evidence (input.page), which the Markdown has none of,
// are left out of the comparison, and the scores are compared with those
// rules switched off: a page that links its sources earns primary-link
// credits the Markdown cannot.
func TestPageAndMarkdownAgree(t *testing.T) {
	c, err := New(context.Background(), config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	pageRules := map[string]bool{}
	for _, r := range c.Policies.Rules {
		if slices.Contains(r.Input, "page") {
			pageRules[r.ID] = true
		}
	}
	if len(pageRules) < 6 {
		t.Fatalf("%d rules read the page evidence, want at least 6", len(pageRules))
	}
	off := false
	rules := map[string]config.Rule{}
	for id := range pageRules {
		rules[id] = config.Rule{Enabled: &off}
	}
	bodyOnly, err := New(context.Background(), config.Config{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	score := func(name string) int {
		r := bodyOnly.Run(context.Background(), []string{filepath.Join(fixtures, name)}, article.LoadOptions{})
		if len(r.Errors) > 0 || len(r.Articles) != 1 {
			t.Fatalf("%s: %d articles, errors %v", name, len(r.Articles), r.Errors)
		}
		return r.Articles[0].Scorecard.Score
	}
	type seen struct {
		Rule, Cue, Severity string
		Column              int
	}
	findings := func(name string) ([]seen, int, int) {
		r := c.Run(context.Background(), []string{filepath.Join(fixtures, name)}, article.LoadOptions{})
		if len(r.Errors) > 0 || len(r.Articles) != 1 {
			t.Fatalf("%s: %d articles, errors %v", name, len(r.Articles), r.Errors)
		}
		var out []seen
		onPage := 0
		for _, f := range r.Articles[0].Findings {
			if pageRules[f.Rule] {
				onPage++
				continue
			}
			out = append(out, seen{f.Rule, f.Cue, string(f.Severity), f.Column})
		}
		return out, r.Articles[0].Scorecard.Score, onPage
	}
	for _, pair := range []struct{ md, page, cue string }{
		{"ferry-route.md", "ferry-route-page.html", "reportedly"},
		{"pages/clean-wire.md", "pages/clean-wire-page.html", "said in a statement"},
	} {
		md, mdScore, _ := findings(pair.md)
		page, pageScore, onPage := findings(pair.page)
		if diff := cmp.Diff(md, page); diff != "" {
			t.Errorf("%s: findings differ (-markdown +page):\n%s", pair.page, diff)
		}
		if onPage == 0 && mdScore != pageScore {
			t.Errorf("%s: score %d for the Markdown, %d for the page", pair.page, mdScore, pageScore)
		}
		if m, p := score(pair.md), score(pair.page); m != p {
			t.Errorf("%s: without the page rules, score %d for the Markdown, %d for the page", pair.page, m, p)
		}
		found := false
		for _, f := range page {
			found = found || f.Cue == pair.cue
		}
		if !found {
			t.Errorf("%s: the page's %q was not found: %v", pair.page, pair.cue, page)
		}
	}
}
