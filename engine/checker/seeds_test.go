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

// TestSeedArticles checks the five real articles the project was conceived
// from, which live outside the repository (their text belongs to their
// publishers). Set CREDCHECK_SEEDS to their directory; by default the test
// looks for ../shared/seeds beside the repository and is skipped when they
// are not there.
func TestSeedArticles(t *testing.T) {
	dir := os.Getenv("CREDCHECK_SEEDS")
	if dir == "" {
		dir = "../../../shared/seeds"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "00*.txt"))
	if len(paths) != 5 {
		t.Skipf("seed articles not found in %s", dir)
	}
	c, err := New(context.Background(), config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Run(context.Background(), paths, article.LoadOptions{})
	if len(r.Errors) > 0 {
		t.Fatalf("seed errors: %v", r.Errors)
	}
	seed := map[string]*report.Article{}
	for _, a := range r.Articles {
		seed[filepath.Base(a.Path)[:3]] = a
	}
	byRule := func(id, rule string) []int {
		var lines []int
		for _, f := range seed[id].Findings {
			if f.Rule == rule {
				lines = append(lines, f.Line)
			}
		}
		return lines
	}
	machineStyled := seed["000"]
	for id, a := range seed {
		// Seed 002 is left out: it carries a contradiction, and whether that
		// costs more than machine-styled copy is for the fitted weights to
		// decide. Under the default weights, 000 stayed below 002 only while
		// false findings (causes and background read as unsourced claims, a
		// stock epithet read as puffery) weighed it down.
		if id != "000" && id != "002" && a.Scorecard.Score <= machineStyled.Scorecard.Score {
			t.Errorf("seed %s scores %d, not above the machine-styled seed 000 (%d)", id, a.Scorecard.Score, machineStyled.Scorecard.Score)
		}
	}
	for _, rule := range []string{"repeated-headline", "ai-vocabulary", "formulaic-closer"} {
		if len(byRule("000", rule)) == 0 {
			t.Errorf("seed 000: no %s finding", rule)
		}
	}
	if got := byRule("000", "loaded-language"); len(got) == 0 {
		t.Errorf("seed 000: the tech-behemoth line has no loaded-language finding")
	}
	// The announcement and the "neither … has commented" line.
	if lines := byRule("002", "announced-vs-no-comment"); len(lines) != 2 || lines[0] == lines[1] {
		t.Errorf("seed 002: announced-vs-no-comment on lines %v, want both sentences", lines)
	}
	if len(byRule("001", "hearsay-hedge")) == 0 {
		t.Errorf("seed 001: the reportedly headline has no hedge finding")
	}
	// 004's "reportedly" names its source in the same sentence: that is a
	// second-hand report, not a hedge with no owner.
	if len(byRule("004", "hearsay-hedge")) != 0 || len(byRule("004", "secondhand-report")) == 0 {
		t.Errorf("seed 004: want the named report as secondhand-report, not hearsay-hedge")
	}
	// The analyst's quote in 003 holds a hedge that belongs to the speaker.
	for _, f := range seed["003"].Findings {
		if f.Rule == "hearsay-hedge" && strings.Contains(f.Excerpt, "“") {
			t.Errorf("seed 003: hedge inside a quote flagged: %s", f.Excerpt)
		}
	}
	for _, id := range []string{"001", "002", "003"} {
		if len(byRule(id, "scraper-residue")) == 0 {
			t.Errorf("seed %s: boilerplate lines not flagged", id)
		}
	}
	best := ""
	for id, a := range seed {
		if best == "" || a.Scorecard.Score > seed[best].Scorecard.Score {
			best = id
		}
	}
	if best != "003" {
		t.Errorf("the best-attributed seed 003 should score highest; %s does (%d vs %d)", best, seed[best].Scorecard.Score, seed["003"].Scorecard.Score)
	}
}
