package checker

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

var update = flag.Bool("update", false, "rewrite the golden findings of the fixtures")

const fixtures = "../../fixtures"

// golden is what a fixture file is expected to yield.
type golden struct {
	Articles []goldenArticle `json:"articles"`
}

type goldenArticle struct {
	ID       string          `json:"id"`
	Score    int             `json:"score"`
	Grade    string          `json:"grade"`
	Findings []goldenFinding `json:"findings"`
}

type goldenFinding struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Cue      string `json:"cue"`
	Message  string `json:"message"`
}

func checkFixtures(t *testing.T, workers int) *report.Report {
	t.Helper()
	c, err := New(context.Background(), config.Config{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Run(context.Background(), []string{fixtures}, article.LoadOptions{})
	for _, e := range r.Errors {
		t.Errorf("fixture could not be checked: %v", e)
	}
	if len(r.Articles) < 12 {
		t.Fatalf("checked %d fixture articles, want at least 12", len(r.Articles))
	}
	return r
}

// TestFixturesGolden compares the findings of every fixture with its golden
// file in fixtures/golden. Run `go test ./engine/checker -update` after a
// deliberate change, and read the diff of the golden files before
// committing it.
func TestFixturesGolden(t *testing.T) {
	r := checkFixtures(t, 0)
	byFile := map[string]*golden{}
	var files []string
	for _, a := range r.Articles {
		name := filepath.Base(a.Path)
		g := byFile[name]
		if g == nil {
			g = &golden{}
			byFile[name] = g
			files = append(files, name)
		}
		ga := goldenArticle{ID: filepath.Base(a.ID), Score: a.Scorecard.Score, Grade: a.Scorecard.Grade, Findings: []goldenFinding{}}
		for _, f := range a.Findings {
			ga.Findings = append(ga.Findings, goldenFinding{Line: f.Line, Column: f.Column, Rule: f.Rule, Severity: string(f.Severity), Cue: f.Cue, Message: f.Message})
		}
		g.Articles = append(g.Articles, ga)
	}
	for _, name := range files {
		path := filepath.Join(fixtures, "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
		got := byFile[name]
		if *update {
			data, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no golden file (run go test ./engine/checker -update): %v", name, err)
			continue
		}
		var want golden
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if diff := cmp.Diff(want, *got); diff != "" {
			t.Errorf("%s: findings differ from %s (-want +got):\n%s", name, path, diff)
		}
	}
}

// TestFixturesIntent checks what each fixture was written to show
// (fixtures/README.md), independently of the golden files, so that a
// careless -update cannot bless a regression.
func TestFixturesIntent(t *testing.T) {
	r := checkFixtures(t, 0)
	byName := map[string][]*report.Article{}
	for _, a := range r.Articles {
		byName[filepath.Base(a.Path)] = append(byName[filepath.Base(a.Path)], a)
	}
	rules := func(name string) map[string][]*finding.Finding {
		out := map[string][]*finding.Finding{}
		for _, a := range byName[name] {
			for _, f := range a.Findings {
				out[f.Rule] = append(out[f.Rule], f)
			}
		}
		return out
	}

	for name, articles := range byName {
		if !strings.HasPrefix(name, "clean-") && name != "wire-briefs.jsonl" {
			continue
		}
		for _, a := range articles {
			// A clean article earns more for its sourcing than it loses:
			// it scores above the base an article with no finding gets.
			if float64(a.Scorecard.Score) <= a.Scorecard.Base {
				t.Errorf("%s: clean article %s scores %d, want more than the base %g", name, a.ID, a.Scorecard.Score, a.Scorecard.Base)
			}
			for _, f := range a.Findings {
				if f.Severity != finding.Info {
					t.Errorf("%s:%d: clean article has %s %s: %s", name, f.Line, f.Severity, f.Rule, f.Message)
				}
			}
		}
	}

	got := rules("announced-then-silent.txt")
	if lines := findingLines(got["announced-vs-no-comment"]); !cmp.Equal(lines, []int{1, 6}) {
		t.Errorf("announced-then-silent: announced-vs-no-comment on lines %v, want the announcement (1) and the silence (6)", lines)
	}
	if len(got["formulaic-closer"]) != 1 || len(got["scraper-residue"]) != 2 {
		t.Errorf("announced-then-silent: want one formulaic closer and two residue lines, got %d and %d", len(got["formulaic-closer"]), len(got["scraper-residue"]))
	}

	got = rules("named-sources-with-residue.txt")
	for _, rule := range []string{"hearsay-hedge", "announced-vs-no-comment", "headline-overstates-body", "number-mismatch", "secondhand-report"} {
		if len(got[rule]) > 0 {
			t.Errorf("named-sources-with-residue: %s fired on a trap: %s", rule, got[rule][0].Message)
		}
	}
	if len(got["scraper-residue"]) < 4 {
		t.Errorf("named-sources-with-residue: %d residue findings, want at least 4", len(got["scraper-residue"]))
	}

	got = rules("lede-overstates.txt")
	if lines := findingLines(got["headline-overstates-body"]); !cmp.Equal(lines, []int{1}) {
		t.Errorf("lede-overstates: headline-overstates-body on lines %v, want the lede (1)", lines)
	}
	if len(got["announced-vs-no-comment"]) > 0 {
		t.Errorf("lede-overstates: no-comment without an announcement reported as a contradiction")
	}

	got = rules("number-mismatch.md")
	if lines := findingLines(got["number-mismatch"]); !cmp.Equal(lines, []int{9, 15}) {
		t.Errorf("number-mismatch: findings on lines %v, want 9 and 15", lines)
	}
	// Credits for its named sources and statements are expected; no other
	// problem is.
	for rule, fs := range got {
		if rule != "number-mismatch" && fs[0].Category != finding.CreditCategory {
			t.Errorf("number-mismatch: other rules fired: %v", keys(got))
			break
		}
	}

	got = rules("hedged-scoop.txt")
	if h := got["hearsay-hedge"]; len(h) == 0 || h[0].Line != 1 || h[0].Severity != finding.Error {
		t.Errorf("hedged-scoop: want an error for the hedge in the headline, got %v", h)
	}
	if len(got["repeated-headline"]) > 0 || len(got["headline-overstates-body"]) > 0 {
		t.Errorf("hedged-scoop: fired on a hedged headline that appears once")
	}

	got = rules("chatbot-leak.md")
	if len(got["chatbot-artefact"]) < 4 {
		t.Errorf("chatbot-leak: %d artefacts found, want at least 4", len(got["chatbot-artefact"]))
	}

	got = rules("machine-styled-alliance.md")
	machine := 0
	for _, fs := range got {
		if fs[0].Category == "machine" {
			machine++
		}
	}
	if machine < 4 {
		t.Errorf("machine-styled-alliance: %d machine rules fired, want at least 4 (%v)", machine, keys(got))
	}
}

// TestReportIsDeterministic checks that the JSON report is the same bytes
// whatever the number of workers.
func TestReportIsDeterministic(t *testing.T) {
	var outputs [][]byte
	for _, workers := range []int{1, 4} {
		r := checkFixtures(t, workers)
		var buf bytes.Buffer
		if err := report.Write(&buf, "json", r, report.Options{}); err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, buf.Bytes())
	}
	if !bytes.Equal(outputs[0], outputs[1]) {
		t.Errorf("JSON report differs between 1 and 4 workers:\n%s", cmp.Diff(string(outputs[0]), string(outputs[1])))
	}
}

func findingLines(fs []*finding.Finding) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f.Line)
	}
	return out
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestRulesListTheWeightsInForce(t *testing.T) {
	c, err := New(context.Background(), config.Config{Rules: map[string]config.Rule{"loaded-language": {Weight: ptrFloat(7)}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rules() {
		if r.Weight != c.Weight(r.ID) {
			t.Errorf("%s listed with weight %g, scored with %g", r.ID, r.Weight, c.Weight(r.ID))
		}
		if r.ID == "loaded-language" && r.Weight != 7 {
			t.Errorf("loaded-language listed with weight %g, want the configured 7", r.Weight)
		}
	}
	// The listing is a copy: the loaded rule keeps its METADATA weight.
	if w := c.Policies.Rule("loaded-language").Weight; w == 7 {
		t.Error("Rules() changed the loaded rule")
	}
}

func ptrFloat(x float64) *float64 { return &x }
