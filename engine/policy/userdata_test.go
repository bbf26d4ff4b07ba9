package policy_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/policy"
)

var streetArticle = testArticle{
	name:   "street.txt",
	format: article.Text,
	text: `Harbour Deal Near

The merger was apparently signed on Tuesday. Word on the street is that it closed at dawn.
`,
}

func hearsayCues(t *testing.T, set *policy.Set) []string {
	t.Helper()
	var out []string
	for _, h := range hitsOf(evaluate(t, set, streetArticle), "hearsay-hedge") {
		out = append(out, streetArticle.text[h.Start:h.End])
	}
	return out
}

func TestUserDirectoryAddsAndRemovesLexiconEntries(t *testing.T) {
	t.Parallel()
	if got := hearsayCues(t, loadBuiltIn(t, policy.Options{})); !cmp.Equal(got, []string{"apparently"}) {
		t.Fatalf("built-in hearsay cues = %q, want only apparently", got)
	}
	add := writeTree(t, map[string]string{
		"credcheck/lexicons/hearsay_hedges/data.yaml": "add:\n  hearsay: [word on the street is]\n",
	})
	remove := writeTree(t, map[string]string{
		"credcheck/lexicons/hearsay_hedges/data.yaml": "remove: [apparently]\n",
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{add, remove}})
	if got := hearsayCues(t, set); !cmp.Equal(got, []string{"Word on the street is"}) {
		t.Errorf("after adding and removing: hearsay cues = %q", got)
	}
	// The data the policies (and a bundle for stock OPA) see is the edited
	// lexicon, without the edit keys.
	lex := set.Data["credcheck"].(map[string]any)["lexicons"].(map[string]any)["hearsay_hedges"].(map[string]any)
	if _, ok := lex["add"]; ok {
		t.Error("the edit keys stayed in the data")
	}
	if !strings.Contains(strings.Join(toStrings(lex["groups"].(map[string]any)["hearsay"]), "|"), "word on the street is") {
		t.Errorf("edited group = %v", lex["groups"])
	}
	// An edit made by one load is not seen by the next.
	if got := hearsayCues(t, loadBuiltIn(t, policy.Options{Dirs: []string{add}})); !cmp.Equal(got, []string{"apparently", "Word on the street is"}) {
		t.Errorf("a later load with the addition only: hearsay cues = %q", got)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestDataFilesChangeLexiconsAndParameters(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"house.yaml": "lexicons:\n  hearsay_hedges:\n    add: {hearsay: [word on the street is]}\n    remove: [apparently]\nparams:\n  ai-vocabulary:\n    min_distinct: 7\n  number-mismatch:\n    tolerance: 0.2\n",
	})
	set := loadBuiltIn(t, policy.Options{
		DataFiles: []string{filepath.Join(dir, "house.yaml")},
		// Configuration wins over data files.
		Params: map[string]map[string]any{"number-mismatch": {"tolerance": 0.3}},
	})
	if got := hearsayCues(t, set); !cmp.Equal(got, []string{"Word on the street is"}) {
		t.Errorf("hearsay cues = %q", got)
	}
	params := set.Data["credcheck"].(map[string]any)["config"].(map[string]any)["params"].(map[string]any)
	if v := params["ai-vocabulary"].(map[string]any)["min_distinct"]; v != jsonNumber("7") {
		t.Errorf("ai-vocabulary.min_distinct = %v, want 7 from the data file", v)
	}
	if v := params["number-mismatch"].(map[string]any)["tolerance"]; v != jsonNumber("0.3") {
		t.Errorf("number-mismatch.tolerance = %v, want 0.3 from the configuration", v)
	}
}

func TestUserDataErrorsAreLocated(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		files map[string]string
		dir   bool // a policy directory rather than a data file
		want  string
	}{
		"remove a word the lexicon lacks": {
			files: map[string]string{"house.yaml": "lexicons:\n  hearsay_hedges:\n    remove: [aparently]\n"},
			want:  `house.yaml:3:14: lexicon hearsay_hedges: remove: "aparently" is not an entry of the lexicon`,
		},
		"unknown parameter": {
			files: map[string]string{"house.yaml": "params:\n  ai-vocabulary:\n    min_distnct: 4\n"},
			want:  `house.yaml:3:5: params: rule ai-vocabulary has no parameter "min_distnct"`,
		},
		"unknown rule": {
			files: map[string]string{"house.yaml": "params:\n  no-such-rule: {x: 1}\n"},
			want:  `house.yaml:2:3: params: unknown rule "no-such-rule"`,
		},
		"unknown section": {
			files: map[string]string{"house.yaml": "lexicon: {}\n"},
			want:  `house.yaml:1:1: unknown section "lexicon"`,
		},
		"malformed YAML": {
			files: map[string]string{"house.yaml": "lexicons:\n  hearsay_hedges: [x\n"},
			// The YAML parser places an unclosed list at the mapping
			// that holds it.
			want: "house.yaml:1:1: invalid YAML: did not find expected ',' or ']'",
		},
		"misspelt scoring key": {
			files: map[string]string{"house.yaml": "scoring:\n  wieghts: {loaded-language: 2}\n"},
			want:  `house.yaml:2:3: scoring: unknown key "wieghts"`,
		},
		"negative weight": {
			files: map[string]string{"house.yaml": "scoring:\n  weights: {loaded-language: -2}\n"},
			want:  `house.yaml:2:13: scoring: weights.loaded-language must be a number from 0 to 100, not -2`,
		},
		"infinite weight": {
			files: map[string]string{"house.yaml": "scoring:\n  weights:\n    hearsay-hedge: 2\n    loaded-language: .inf\n"},
			want:  `house.yaml:4:5: scoring: weights.loaded-language must be a number from 0 to 100, not +Inf`,
		},
		"weight out of range": {
			files: map[string]string{"house.yaml": "scoring:\n  weights: {loaded-language: 1e300}\n"},
			want:  `house.yaml:2:13: scoring: weights.loaded-language must be a number from 0 to 100, not 1e+300`,
		},
		"base not a number": {
			files: map[string]string{"house.yaml": "scoring:\n  base: .nan\n"},
			want:  `house.yaml:2:3: scoring: base must be a number from 0 to 100, not NaN`,
		},
		"floor infinite": {
			files: map[string]string{"house.yaml": "scoring:\n  floor: -.inf\n"},
			want:  `house.yaml:2:3: scoring: floor must be a number from 1 to 1000000, not -Inf`,
		},
		"cap not a number": {
			files: map[string]string{"house.yaml": "scoring:\n  caps:\n    hedge: .NaN\n"},
			want:  `house.yaml:3:5: scoring: caps.hedge must be a number from 0 to 100, not NaN`,
		},
		"band infinite": {
			files: map[string]string{"house.yaml": "scoring:\n  bands: {A: .inf, F: 0}\n"},
			want:  `house.yaml:2:11: scoring: bands.A must be a number from 0 to 100, not +Inf`,
		},
		"bands out of order": {
			files: map[string]string{"house.yaml": "scoring:\n  bands: {A: 50, B: 50, F: 0}\n"},
			want:  `house.yaml:1:1: scoring: grade bands must go from the highest minimum score to the lowest`,
		},
		"lexicon that is not an object": {
			files: map[string]string{"house.yaml": "lexicons:\n  hearsay_hedges: [x]\n"},
			want:  "house.yaml:2:3: lexicon hearsay_hedges must be an object",
		},
		"bad pattern added in a policy directory": {
			files: map[string]string{"credcheck/lexicons/boilerplate_lines/data.yaml": "# house residue\nadd:\n  - Sponsored\n  - \"(unclosed\"\n"},
			dir:   true,
			want:  `credcheck/lexicons/boilerplate_lines/data.yaml:4:6: lexicon boilerplate_lines: entry "(unclosed" is not a valid RE2 pattern`,
		},
		"malformed lexicon file in a policy directory": {
			files: map[string]string{"credcheck/lexicons/hearsay_hedges/data.yaml": "add:\n  hearsay: [x\n"},
			dir:   true,
			want:  "credcheck/lexicons/hearsay_hedges/data.yaml:1:1: invalid YAML",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			root := writeTree(t, c.files)
			opts := policy.Options{}
			if c.dir {
				opts.Dirs = []string{root}
			} else {
				opts.DataFiles = []string{filepath.Join(root, "house.yaml")}
			}
			_, err := policy.Load(context.Background(), opts)
			if err == nil || !strings.Contains(err.Error(), filepath.Join(root, c.want)) {
				t.Errorf("error = %v\nwant it to contain %s", err, filepath.Join(root, c.want))
			}
		})
	}
	_, err := policy.Load(context.Background(), policy.Options{DataFiles: []string{"no/such/file.yaml"}})
	if err == nil || err.Error() != "no/such/file.yaml: data file does not exist" {
		t.Errorf("missing data file: %v", err)
	}
}

// jsonNumber is how parameters reach the policy data: as JSON numbers.
func jsonNumber(s string) json.Number { return json.Number(s) }

func TestDataFilesSetScoringWeights(t *testing.T) {
	path := filepath.Join(writeTree(t, map[string]string{"weights.yaml": "scoring:\n  base: 60\n  weights: {loaded-language: 9}\n"}), "weights.yaml")
	set := loadBuiltIn(t, policy.Options{DataFiles: []string{path}})
	if set.Scoring.Settings.Base != 60 || set.Scoring.Weights["loaded-language"] != 9 {
		t.Errorf("base %g, loaded-language weight %g; want the data file's 60 and 9", set.Scoring.Settings.Base, set.Scoring.Weights["loaded-language"])
	}
	// The file is merged over the built-in scoring data: other weights stay.
	builtin := loadBuiltIn(t, policy.Options{})
	if got, want := set.Scoring.Weights["hearsay-hedge"], builtin.Scoring.Weights["hearsay-hedge"]; got != want || want == 0 {
		t.Errorf("hearsay-hedge weight %g, want the built-in %g", got, want)
	}
}

func TestParametersMergeMappingsAndKeepTheirTypes(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{Params: map[string]map[string]any{"stylometry": {"evenness": map[string]any{"typical": 0.4}}}})
	params := set.Data["credcheck"].(map[string]any)["config"].(map[string]any)["params"].(map[string]any)["stylometry"].(map[string]any)
	evenness := params["evenness"].(map[string]any)
	if evenness["typical"] != jsonNumber("0.4") || evenness["generated"] != jsonNumber("0.25") {
		t.Errorf("evenness = %v: want the configured typical and the default generated", evenness)
	}
	for name, p := range map[string]map[string]any{
		`min_strength must be a number, like its default 0.5; got 0.9`: {"min_strength": "0.9"},
		`evenness has no key "typicl"`:                                 {"evenness": map[string]any{"typicl": 0.4}},
		`evenness.typical must be a number`:                            {"evenness": map[string]any{"typical": true}},
	} {
		_, err := policy.Load(context.Background(), policy.Options{Params: map[string]map[string]any{"stylometry": p}})
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("params %v: error %v, want %q", p, err, name)
		}
	}
	dir := writeTree(t, map[string]string{"house.yaml": "params:\n  stylometry:\n    min_words: many\n"})
	_, err := policy.Load(context.Background(), policy.Options{DataFiles: []string{filepath.Join(dir, "house.yaml")}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "house.yaml")+":3:5: params: rule stylometry: min_words must be a number") {
		t.Errorf("data file with a text parameter: %v", err)
	}
}
