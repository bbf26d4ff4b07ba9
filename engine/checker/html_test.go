package checker

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
)

// TestPageAndMarkdownAgree checks the same story saved as a web page (with
// navigation, advertising, share links, a script and JSON-LD around it) and
// written as Markdown: the page's extracted text yields the same findings
// at the same columns, and the same score, so nothing of the page's chrome
// is read as the article's prose.
func TestPageAndMarkdownAgree(t *testing.T) {
	c, err := New(context.Background(), config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		Rule, Cue, Severity string
		Column              int
	}
	findings := func(name string) ([]seen, int) {
		r := c.Run(context.Background(), []string{filepath.Join(fixtures, name)}, article.LoadOptions{})
		if len(r.Errors) > 0 || len(r.Articles) != 1 {
			t.Fatalf("%s: %d articles, errors %v", name, len(r.Articles), r.Errors)
		}
		var out []seen
		for _, f := range r.Articles[0].Findings {
			out = append(out, seen{f.Rule, f.Cue, string(f.Severity), f.Column})
		}
		return out, r.Articles[0].Scorecard.Score
	}
	md, mdScore := findings("ferry-route.md")
	page, pageScore := findings("ferry-route-page.html")
	if diff := cmp.Diff(md, page); diff != "" {
		t.Errorf("findings differ (-markdown +page):\n%s", diff)
	}
	if mdScore != pageScore {
		t.Errorf("score %d for the Markdown, %d for the page", mdScore, pageScore)
	}
	var hedged bool
	for _, f := range page {
		hedged = hedged || f.Cue == "reportedly"
	}
	if !hedged {
		t.Errorf("the page's \"reportedly\" was not found: %v", page)
	}
}
