package policy_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
	"github.com/credcheck/credcheck/engine/policy"
)

// dataSeeds are user data, good and bad: a data file (configuration
// `data:`) holds lexicons, params and scoring sections; a policy
// directory's data.yaml holds data under its own root.
var dataSeeds = []string{
	"lexicons:\n  hearsay_hedges:\n    add: {hearsay: [word on the street is]}\n    remove: [apparently]\nparams:\n  ai-vocabulary:\n    min_distinct: 7\n  number-mismatch:\n    tolerance: 0.2\n",
	"scoring:\n  base: 95\n  floor: 300\n  caps: {hedge: 20}\n  bands: {A: 85, B: 70, C: 50, F: 0}\n  weights: {hearsay-hedge: 1.5, vague-source: 0}\n  provenance: {corpus: house, date: 2025-01-01}\n",
	"scoring:\n  base: .nan\n  floor: .inf\n  weights: {hearsay-hedge: -.inf, vague-source: 1e400}\n  bands: {A: .nan}\n",
	"scoring:\n  base: 1e308\n  caps: {nope: 1}\n  extra: true\n",
	"lexicons:\n  new_list:\n    kind: patterns\n    entries: ['(a*)*b', '[unclosed']\n",
	"lexicons:\n  Bad-Name: {entries: [x]}\n  hearsay_hedges: [not, a, map]\n",
	"params:\n  no-such-rule: {x: 1}\n  ai-vocabulary: {min_distinct: [1, 2]}\n",
	"params: 5\nlexicons: []\nscoring: text\n",
	"credcheck:\n  lexicons:\n    hearsay_hedges:\n      add: {hearsay: [so they say]}\n  scoring:\n    base: 90\n    weights: {hearsay-hedge: 2}\n",
	"credcheck:\n  scoring:\n    base: .nan\n  config: {params: {x: 1}}\n",
	"credcheck: 5\n",
	"{\"credcheck\": {\"scoring\": {\"floor\": 0}}}",
}

// FuzzUserData loads the built-in policies with bytes as a user's data
// file, or as the data.yaml of a user policy directory. A load either fails
// with located errors naming the user's file or gives scoring settings that
// validate, finite non-negative weights, and scores within 0–100.
func FuzzUserData(f *testing.F) {
	for _, s := range dataSeeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	for i, s := range fuzzseed.YAML() {
		f.Add(s, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, inDir bool) {
		if len(data) > 16<<10 {
			t.Skip("larger than the fuzzed size")
		}
		dir := t.TempDir()
		var opts policy.Options
		file := filepath.Join(dir, "house.yaml")
		if inDir {
			file = filepath.Join(dir, "data.yaml")
			opts.Dirs = []string{dir}
		} else {
			opts.DataFiles = []string{file}
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := policy.Load(context.Background(), opts)
		if err != nil {
			checkLoadError(t, err, dir)
			return
		}
		sc := set.Scoring
		if err := sc.Settings.Validate(); err != nil {
			t.Fatalf("loaded scoring settings do not validate: %v", err)
		}
		for id, w := range sc.Weights {
			if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
				t.Fatalf("weight of %s is %v", id, w)
			}
		}
		for _, v := range []float64{sc.Settings.Base, sc.Settings.Floor} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("scoring base or floor is %v", v)
			}
		}
		var findings []*finding.Finding
		for i, r := range set.Rules {
			findings = append(findings, &finding.Finding{Rule: r.ID, Category: r.Category, Severity: r.Severity, Strength: 1, Lead: i%2 == 0, Sentence: i})
		}
		weight := func(rule string) float64 {
			if w, ok := sc.Weights[rule]; ok {
				return w
			}
			return set.Rule(rule).Weight
		}
		for _, words := range []int{0, 40, 5000} {
			card := sc.Settings.Score(findings, words, weight)
			if card.Score < 0 || card.Score > 100 {
				t.Fatalf("score %d with %d words", card.Score, words)
			}
			for _, c := range card.Categories {
				if c.Score < 0 || c.Score > 100 || math.IsNaN(c.Deduction) || math.IsInf(c.Deduction, 0) {
					t.Fatalf("category %s scores %d, deducts %v", c.Name, c.Score, c.Deduction)
				}
			}
		}
	})
}

// checkLoadError checks that a failed load names the user's files, or a
// built-in file the user's data changed, on every line.
func checkLoadError(t *testing.T, err error, dir string) {
	t.Helper()
	var pe *policy.Error
	var pes policy.Errors
	if !errors.As(err, &pe) && !errors.As(err, &pes) {
		t.Fatalf("load failed with %T, not a located policy error: %v", err, err)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, dir) && !strings.HasPrefix(line, policy.BuiltInPrefix) {
			t.Fatalf("load error does not name a file: %q", line)
		}
	}
}
