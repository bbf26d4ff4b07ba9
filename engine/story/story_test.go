package story

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
)

var update = flag.Bool("update", false, "rewrite the golden story findings of fixtures/testdata/stories")

const stories = "../../fixtures/testdata/stories"

func runner(t testing.TB) *Runner {
	t.Helper()
	c, err := checker.New(context.Background(), config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRunner(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goldenStory is what a story's golden file keeps: its articles and
// findings with the places they cite, and its scorecard.
type goldenStory struct {
	ID        string          `json:"id"`
	Articles  []string        `json:"articles"`
	Findings  []goldenFinding `json:"findings"`
	Scorecard Scorecard       `json:"scorecard"`
}

type goldenFinding struct {
	Rule    string   `json:"rule"`
	Message string   `json:"message"`
	Cites   []string `json:"cites"`
}

func cite(c Cite) string {
	return filepath.ToSlash(strings.TrimPrefix(c.Path, stories+"/")) + ":" + itoa(c.Line)
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func summarise(r *Report) []goldenStory {
	out := []goldenStory{}
	for _, st := range r.Stories {
		g := goldenStory{ID: st.ID, Findings: []goldenFinding{}, Scorecard: st.Scorecard}
		for _, a := range st.Articles {
			g.Articles = append(g.Articles, filepath.ToSlash(strings.TrimPrefix(a.Path, stories+"/")))
		}
		for _, f := range st.Findings {
			gf := goldenFinding{Rule: f.Rule, Message: f.Message}
			for _, c := range f.Cites {
				gf.Cites = append(gf.Cites, cite(c))
			}
			g.Findings = append(g.Findings, gf)
		}
		out = append(out, g)
	}
	return out
}

// TestFixtureStoriesGolden runs story mode over the fixture stories (a
// flawed one and two clean controls, read together so that grouping must
// keep them apart) and compares the result with golden.json. Run
// `go test ./engine/story -update` after a deliberate change and read the
// diff.
func TestFixtureStoriesGolden(t *testing.T) {
	rep := runner(t).Run(context.Background(), []string{stories}, article.LoadOptions{})
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	got := summarise(rep)
	path := filepath.Join(stories, "golden.json")
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []goldenStory
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("story findings differ from %s (-want +got):\n%s", path, diff)
	}
	// The golden file could be updated to anything; what the fixtures were
	// written to show is checked here too.
	byFirst := map[string]goldenStory{}
	for _, g := range got {
		byFirst[strings.Split(g.Articles[0], "/")[0]] = g
	}
	for _, clean := range []string{"bridge-budget", "ferries.jsonl:1", "mill-sale"} {
		g, ok := byFirst[strings.Split(clean, ":")[0]]
		if !ok || len(g.Findings) > 0 {
			t.Errorf("clean control %s: story %+v, want one story with no findings", clean, g)
		}
	}
	if g := byFirst["ferries.jsonl"]; g.ID != "lakeside-ferries" || len(g.Articles) != 2 {
		t.Errorf("the story key did not group the ferry records: %+v", g)
	}
	flawed := byFirst["one-report"]
	rules := map[string]int{}
	for _, f := range flawed.Findings {
		rules[f.Rule]++
	}
	want4 := map[string]int{"story-announced-vs-silent": 2, "story-copied-text": 3, "story-figure-conflict": 1, "story-single-upstream": 1, "story-sole-confirmation": 1}
	if diff := cmp.Diff(want4, rules); diff != "" {
		t.Errorf("one-report findings by rule (-want +got):\n%s", diff)
	}
	// The author credited in one article and her paper in another are one
	// upstream source.
	if g := byFirst["author-outlet"]; len(g.Findings) != 1 || g.Findings[0].Message != "3 of 3 articles credit The Ledger for the story: repeated, it is one upstream source, not corroboration." {
		t.Errorf("author-outlet: want the author folded into The Ledger, got %+v", g)
	}
	// Each story written for one signal shows it, and nothing else.
	for dir, rule := range map[string]string{"measure-swap": "story-measure-swap", "flat-hedged": "story-flat-vs-hedged"} {
		g := byFirst[dir]
		if len(g.Findings) != 1 || g.Findings[0].Rule != rule || len(g.Findings[0].Cites) != 2 || len(g.Articles) != 2 {
			t.Errorf("%s: want one %s finding citing both articles, got %+v", dir, rule, g)
		}
	}
}

// TestSeedStory reads the five seed articles (outside the repository; set
// CREDCHECK_SEEDS or keep them in ../shared/seeds) as one story and checks
// what the issue asks story mode to find in them.
func TestSeedStory(t *testing.T) {
	dir := os.Getenv("CREDCHECK_SEEDS")
	if dir == "" {
		dir = "../../../shared/seeds"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "00*.txt"))
	if len(paths) != 5 {
		t.Skipf("seed articles not found in %s", dir)
	}
	rep := runner(t).Run(context.Background(), paths, article.LoadOptions{})
	if len(rep.Errors) > 0 || len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 5 {
		t.Fatalf("want one story of five articles, got %d stories, errors %v", len(rep.Stories), rep.Errors)
	}
	st := rep.Stories[0]
	places := func(f *Finding) []string {
		var out []string
		for _, c := range f.Cites {
			out = append(out, filepath.Base(c.Path)[:3]+":"+itoa(c.Line))
		}
		return out
	}
	found := map[string]bool{}
	for _, f := range st.Findings {
		switch {
		case f.Rule == "story-figure-conflict" && strings.Contains(f.Message, "1.5%") && strings.Contains(f.Message, "nearly 1.2%"):
			found["figures"] = cmp.Equal(places(f), []string{"002:6", "004:9"})
		case f.Rule == "story-single-upstream" && strings.Contains(f.Message, "5 of 5 articles credit The Information"):
			found["upstream"] = len(f.Cites) == 5
		case f.Rule == "story-announced-vs-silent" && strings.HasPrefix(f.Message, "Apple "):
			found["announced"] = cmp.Equal(places(f), []string{"000:20", "002:1", "002:6", "004:9"})
		case f.Rule == "story-flat-vs-hedged":
			// The fifth seed states the partnership flat in its first line;
			// the second passes it on as "reportedly".
			found["flat"] = strings.HasPrefix(f.Message, "Article 5 states the partnership of Alibaba and Apple as fact") && cmp.Equal(places(f), []string{"001:5", "004:1"})
		case f.Rule == "story-sole-confirmation":
			found["confirmation"] = strings.Contains(f.Message, "Joe Tsai (chairman of Alibaba), in article 4") && cmp.Equal(places(f), []string{"003:6"})
		}
	}
	for _, k := range []string{"figures", "upstream", "announced", "confirmation", "flat"} {
		if !found[k] {
			t.Errorf("seed story: no %s finding with the expected places; findings:\n%s", k, dump(st.Findings))
		}
	}
	if st.Scorecard.Best != 3 || len(st.Scorecard.Confirmations) != 1 {
		t.Errorf("scorecard %+v: want seed 003 as the best-sourced telling, with the one confirmation", st.Scorecard)
	}
}

func dump(fs []*Finding) string {
	b, _ := json.MarshalIndent(fs, "", "  ")
	return string(b)
}
