package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
)

// Results come out in input order although the workers finish out of it:
// every fourth article is six times as long as the others, so with three
// workers the short ones behind it are done first and wait in the window.
func TestStreamKeepsInputOrder(t *testing.T) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	corpus := generateCorpus(30)
	for i := 0; i < len(corpus); i += 4 {
		corpus[i].Source = strings.Repeat(corpus[i].Source, 6)
	}
	results, errs := c.Check(ctx, corpus)
	if len(errs) > 0 || len(results) != len(corpus) {
		t.Fatalf("%d results, errors %v", len(results), errs)
	}
	for i, res := range results {
		if res.ID != corpus[i].ID {
			t.Fatalf("result %d is %s, want %s", i, res.ID, corpus[i].ID)
		}
	}
	// Stream over files gives what Run gives, without keeping it.
	dir := t.TempDir()
	var paths []string
	for _, a := range corpus[:8] {
		path := filepath.Join(dir, a.ID+".txt")
		if err := os.WriteFile(path, []byte(a.Source), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	paths = append(paths, filepath.Join(dir, "missing.txt"))
	var streamed []*report.Article
	r := c.Stream(ctx, paths, article.LoadOptions{}, func(a *report.Article) { streamed = append(streamed, a) })
	if r.Articles != nil || len(streamed) != 8 || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Path, "missing.txt") {
		t.Fatalf("stream: %d kept, %d handed on, errors %v", len(r.Articles), len(streamed), r.Errors)
	}
	for i, a := range streamed {
		if a.Path != paths[i] {
			t.Errorf("handed on %s as article %d, want %s", a.Path, i, paths[i])
		}
	}
}
