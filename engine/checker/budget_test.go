package checker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/policy"
)

const spinRule = `# METADATA
# title: Spins
# description: Never ends on an article that asks it to.
# custom:
#   category: hedge
#   severity: warning
#   weight: 1
package credcheck.rules.hedge["spin"]

report contains {"sentence": 0, "message": "never reached"} if {
	some s in input.sentences
	contains(s.text, "spin forever")
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a + b < 0
}
`

func spinChecker(t *testing.T, timeout time.Duration) *Checker {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "spin.rego"), []byte(spinRule), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := New(context.Background(), config.Config{Policies: []string{dir}, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDeadlineNamesTheRule(t *testing.T) {
	t.Parallel()
	c := spinChecker(t, 300*time.Millisecond)
	spin := &article.Article{ID: "spin.txt", Path: "spin.txt", Format: article.Text, Source: "The council will spin forever, the mayor said.\n"}
	calm := &article.Article{ID: "calm.txt", Path: "calm.txt", Format: article.Text, Source: "The council met on Monday, the mayor said.\n"}

	start := time.Now()
	results, errs := c.Check(context.Background(), []*article.Article{spin, calm})
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Fatalf("Check took %v with a 300ms deadline", elapsed)
	}
	if len(results) != 1 || results[0].Path != "calm.txt" {
		t.Errorf("results = %v; want calm.txt alone", results)
	}
	want := "spin.txt: stopped after 300ms: rule spin did not finish (--timeout raises the limit)"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Fatalf("errors = %v; want %q", errs, want)
	}

	// The user leaving (Ctrl-C in a watch session) is no timeout.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := c.CheckArticle(ctx, spin)
	var timeout *TimeoutError
	if err == nil || errors.As(err, &timeout) {
		t.Errorf("cancelled run: err = %v; want a cancellation, not a timeout", err)
	}
}

func TestBudgetSettingsAreChecked(t *testing.T) {
	for _, cfg := range []config.Config{{Timeout: 5}, {Timeout: -time.Second}, {MaxFindings: -1}} {
		if _, err := New(context.Background(), cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}

func TestCapHitsKeepsTheFirstOfEachRule(t *testing.T) {
	var hits []policy.Hit
	for i := range 5 {
		hits = append(hits, policy.Hit{Rule: "a", Start: i})
	}
	hits = append(hits, policy.Hit{Rule: "b", Start: 0})
	kept, notices := capHits(hits, 2)
	if len(kept) != 3 || kept[0].Start != 0 || kept[1].Start != 1 || kept[2].Rule != "b" {
		t.Errorf("kept %+v", kept)
	}
	if len(notices) != 1 || notices[0] != "rule a reported 5 findings; the first 2 are kept (--max-findings raises the cap)" {
		t.Errorf("notices %q", notices)
	}
}

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		cut      bool
	}{
		{"abcde", "abcde", false},
		{"abcdé", "abcdé", false}, // 6 bytes, 5 characters
		{"abcdef", "abcd…", true},
		{"ééééééé", "éééé…", true},
	} {
		got, cut := shorten(tc.in, 5)
		if got != tc.want || cut != tc.cut {
			t.Errorf("shorten(%q, 5) = %q, %v; want %q, %v", tc.in, got, cut, tc.want, tc.cut)
		}
	}
}
