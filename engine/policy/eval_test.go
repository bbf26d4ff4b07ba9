package policy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/policy"
)

func TestTestArticlesFireTheirRules(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	covered := map[string]bool{}
	for _, a := range articles {
		got := rulesOf(evaluate(t, set, a))
		for _, r := range a.fires {
			if got[r] == 0 {
				t.Errorf("%s: rule %s does not fire; fired: %v", a.name, r, got)
			}
		}
		for r := range got {
			covered[r] = true
		}
	}
	// The comparison with the stock-OPA entrypoint is only worth as much
	// as the rules the articles exercise.
	for _, r := range set.Rules {
		if !covered[r.ID] {
			t.Errorf("no test article makes %s fire", r.ID)
		}
	}
}

// stockFinding is the part of a finding both evaluation paths give.
type stockFinding struct {
	Rule, Category    string
	Sentence          int
	Start, End        int
	Message, Severity string
	Problem           string
}

// entrypointFindings evaluates data.credcheck.main.findings the way stock
// OPA would, with the set's compiled modules and data.
func entrypointFindings(t *testing.T, set *policy.Set, input ast.Value) []stockFinding {
	t.Helper()
	ctx := context.Background()
	rs, err := rego.New(
		rego.Query(policy.Entrypoint),
		rego.Compiler(set.Compiler),
		rego.Store(inmem.NewFromObject(set.Data)),
		rego.ParsedInput(input),
	).Eval(ctx)
	if err != nil {
		t.Fatalf("eval %s: %v", policy.Entrypoint, err)
	}
	return stockFindings(t, rs)
}

// stockFindings decodes the result of evaluating the entry point.
func stockFindings(t *testing.T, rs rego.ResultSet) []stockFinding {
	t.Helper()
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		t.Fatalf("eval %s: %d results, want 1", policy.Entrypoint, len(rs))
	}
	items, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		t.Fatalf("%s is %T, want a set", policy.Entrypoint, rs[0].Expressions[0].Value)
	}
	num := func(v any) int {
		if v == nil {
			return -1
		}
		n, err := v.(json.Number).Int64()
		if err != nil {
			t.Fatalf("finding field %v is not an integer", v)
		}
		return int(n)
	}
	var out []stockFinding
	for _, it := range items {
		m := it.(map[string]any)
		str := func(k string) string { s, _ := m[k].(string); return s }
		out = append(out, stockFinding{
			Rule: str("rule"), Category: str("category"), Sentence: num(m["sentence"]),
			Start: num(m["start"]), End: num(m["end"]), Message: str("message"), Severity: str("severity"), Problem: str("problem"),
		})
	}
	sortStock(out)
	return out
}

func stockOf(hits []policy.Hit) []stockFinding {
	var out []stockFinding
	for _, h := range hits {
		out = append(out, stockFinding{h.Rule, h.Category, h.Sentence, h.Start, h.End, h.Message, h.Severity, h.Problem})
	}
	sortStock(out)
	return out
}

func sortStock(fs []stockFinding) {
	sort.Slice(fs, func(i, j int) bool {
		return fmt.Sprint(fs[i]) < fmt.Sprint(fs[j])
	})
}

func TestEvaluateMatchesStockOPAEntrypoint(t *testing.T) {
	t.Parallel()
	userDir := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule, "credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon})
	configs := []struct {
		name string
		opts policy.Options
	}{
		{"defaults", policy.Options{}},
		{"disabled and params", policy.Options{
			Disabled: []string{"hearsay-hedge", "stock-opener"},
			Params: map[string]map[string]any{
				"number-mismatch": {"tolerance": 0.25},
				"ai-vocabulary":   {"min_distinct": 2, "warning_distinct": 7},
			},
		}},
		{"user rule", policy.Options{Dirs: []string{userDir}}},
	}
	for _, c := range configs {
		set := loadBuiltIn(t, c.opts)
		for _, a := range append(append([]testArticle(nil), articles...), portArticle) {
			t.Run(c.name+"/"+a.name, func(t *testing.T) {
				input := buildInput(t, set, a)
				hits, err := set.Evaluate(context.Background(), input)
				if err != nil {
					t.Fatal(err)
				}
				want := entrypointFindings(t, set, input)
				if diff := cmp.Diff(want, stockOf(hits)); diff != "" {
					t.Errorf("Evaluate differs from %s (-entrypoint +Evaluate):\n%s", policy.Entrypoint, diff)
				}
				if len(hits) == 0 && a.name != portArticle.name {
					t.Error("no hits: the comparison proves nothing")
				}
			})
		}
	}
}

func TestEvaluateSortsHitsByRuleThenPosition(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	for _, a := range articles {
		hits := evaluate(t, set, a)
		sorted := sort.SliceIsSorted(hits, func(i, j int) bool {
			if hits[i].Rule != hits[j].Rule {
				return hits[i].Rule < hits[j].Rule
			}
			if hits[i].Start != hits[j].Start {
				return hits[i].Start < hits[j].Start
			}
			return hits[i].Message < hits[j].Message
		})
		if !sorted {
			t.Errorf("%s: hits are not sorted by rule, start, message", a.name)
		}
	}
}

func TestEvaluateHitFieldsOnKnownArticle(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{})
	a := articles[0]
	hits := evaluate(t, set, a)
	at := func(s string) (int, int) {
		i := strings.Index(a.text, s)
		if i < 0 {
			t.Fatalf("%q not in the article", s)
		}
		return i, i + len(s)
	}
	ps, pe := at("People familiar with the matter")
	n1s, n1e := at("$2.4 billion")
	n2s, n2e := at("$3.1 billion")
	got := append(hitsOf(hits, "vague-source"), hitsOf(hits, "number-mismatch")...)
	want := []policy.Hit{
		{Rule: "vague-source", Category: "attribution", Sentence: 3, Start: ps, End: pe, Severity: "warning", Strength: 1,
			Message: `"People familiar with the matter": an anonymous source; say why they cannot be named, or describe them precisely`},
		{Rule: "number-mismatch", Category: "contradiction", Sentence: 2, Start: n1s, End: n1e, Problem: "0-1", Strength: 1,
			Message: "gives the deal as $2.4 billion, but line 7 gives $3.1 billion"},
		{Rule: "number-mismatch", Category: "contradiction", Sentence: 6, Start: n2s, End: n2e, Problem: "0-1", Strength: 1,
			Message: "gives the deal as $3.1 billion, but line 3 gives $2.4 billion"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hits (-want +got):\n%s", diff)
	}
}

func TestDisabledRulesProduceNoHits(t *testing.T) {
	t.Parallel()
	disabled := []string{"hearsay-hedge", "number-mismatch", "chatbot-artefact"}
	all := loadBuiltIn(t, policy.Options{})
	some := loadBuiltIn(t, policy.Options{Disabled: disabled})
	for _, a := range articles {
		want := []policy.Hit{}
		for _, h := range evaluate(t, all, a) {
			if indexOf(disabled, h.Rule) < 0 {
				want = append(want, h)
			}
		}
		got := append([]policy.Hit{}, evaluate(t, some, a)...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: hits with %v disabled (-all but disabled +got):\n%s", a.name, disabled, diff)
		}
	}
}

func TestNumberMismatchToleranceParam(t *testing.T) {
	t.Parallel()
	// The battery article gives the deal as $2.4 and $3.1 billion (23%
	// apart); the stadium article gives the loan as $150 and $210 million
	// (29% apart).
	cases := []struct {
		tolerance any
		want      map[string]int
	}{
		{nil, map[string]int{"battery-deal.txt": 2, "stadium.txt": 2}},
		{0.2, map[string]int{"battery-deal.txt": 2, "stadium.txt": 2}},
		{0.25, map[string]int{"battery-deal.txt": 0, "stadium.txt": 2}},
		{0.3, map[string]int{"battery-deal.txt": 0, "stadium.txt": 0}},
		{1, map[string]int{"battery-deal.txt": 0, "stadium.txt": 0}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.tolerance), func(t *testing.T) {
			opts := policy.Options{}
			if c.tolerance != nil {
				opts.Params = map[string]map[string]any{"number-mismatch": {"tolerance": c.tolerance}}
			}
			set := loadBuiltIn(t, opts)
			got := map[string]int{}
			for _, a := range []testArticle{articles[0], articles[3]} {
				got[a.name] = len(hitsOf(evaluate(t, set, a), "number-mismatch"))
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("number-mismatch hits per article (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAIVocabularyParams(t *testing.T) {
	t.Parallel()
	twoWords := testArticle{name: "budget.txt", format: article.Text, text: `Council Passes Budget

The council passed the budget on Monday, the clerk said. The pivotal vote underscores how close the result was, said councillor Ana Ruiz.
`}
	library := articles[1] // six distinct headwords, densely
	cases := []struct {
		name    string
		params  map[string]any
		article testArticle
		want    []string // severities of the hits
	}{
		{"two words stay quiet by default", nil, twoWords, nil},
		{"two words fire at min_distinct 2", map[string]any{"min_distinct": 2}, twoWords, []string{"info"}},
		{"six dense words are an error by default", nil, library, []string{"error"}},
		{"six words fire at min_distinct 6", map[string]any{"min_distinct": 6}, library, []string{"error"}},
		{"six words stay quiet at min_distinct 7", map[string]any{"min_distinct": 7}, library, nil},
		{"warning_distinct above the count keeps info", map[string]any{"warning_distinct": 7}, library, []string{"info"}},
		{"error_per_1000 above the density gives warning", map[string]any{"error_per_1000": 100}, library, []string{"warning"}},
		{"min_per_1000 above the density stays quiet", map[string]any{"min_per_1000": 80.5}, library, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := policy.Options{}
			if c.params != nil {
				opts.Params = map[string]map[string]any{"ai-vocabulary": c.params}
			}
			set := loadBuiltIn(t, opts)
			var got []string
			for _, h := range hitsOf(evaluate(t, set, c.article), "ai-vocabulary") {
				got = append(got, h.Severity)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("ai-vocabulary severities (-want +got):\n%s", diff)
			}
		})
	}
}

// brokenRule is a user rule whose report is given by body.
func brokenRule(body string) map[string]string {
	return map[string]string{
		"broken.rego": regoModule(ruleMeta("hedge", "warning", "1"), `credcheck.rules.hedge["broken-rule"]`, body),
	}
}

func TestInvalidFindingsNameTheRule(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body, want string
	}{
		{"missing message", `report contains {"sentence": 0, "start": 0, "end": 4}`,
			`rule broken-rule reported an invalid finding: "message" must be non-empty text`},
		{"empty message", `report contains {"sentence": 0, "message": ""}`,
			`rule broken-rule reported an invalid finding: "message" must be non-empty text`},
		{"message that is not text", `report contains {"sentence": 0, "message": 42}`,
			`rule broken-rule reported an invalid finding: "message" must be non-empty text`},
		{"start that is text", `report contains {"start": "3", "end": 4, "message": "m"}`,
			`rule broken-rule reported an invalid finding: "start" must be an integer, got 3`},
		{"start that is fractional", `report contains {"start": 1.5, "end": 4, "message": "m"}`,
			`rule broken-rule reported an invalid finding: "start" must be an integer, got 1.5`},
		{"sentence that is an array", `report contains {"sentence": [0], "message": "m"}`,
			`rule broken-rule reported an invalid finding: "sentence" must be an integer, got [0]`},
		{"no sentence and no start", `report contains {"end": 4, "message": "m"}`,
			`rule broken-rule reported an invalid finding: a finding needs "sentence" or "start" to say where it is`},
		{"severity that is not text", `report contains {"sentence": 0, "message": "m", "severity": 2}`,
			`rule broken-rule reported an invalid finding: "severity" must be text`},
		{"problem that is not text", `report contains {"sentence": 0, "message": "m", "problem": 7}`,
			`rule broken-rule reported an invalid finding: "problem" must be text`},
		{"strength above one", `report contains {"sentence": 0, "message": "m", "strength": 1.5}`,
			`rule broken-rule reported an invalid finding: "strength" must be a number above 0 and at most 1, got 1.5`},
		{"strength of zero", `report contains {"sentence": 0, "message": "m", "strength": 0}`,
			`rule broken-rule reported an invalid finding: "strength" must be a number above 0 and at most 1, got 0`},
		{"finding that is not an object", `report contains "oops"`,
			`rule broken-rule reported oops, which is not an object`},
		{"report that is not a set", `report := {"sentence": 0, "message": "m"}`,
			`rule broken-rule: report must be a set of findings, not map[string]interface {}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set := loadBuiltIn(t, policy.Options{Dirs: []string{writeTree(t, brokenRule(c.body+"\n"))}})
			_, err := set.Evaluate(context.Background(), buildInput(t, set, articles[2]))
			if err == nil {
				t.Fatal("Evaluate accepted the invalid finding")
			}
			if err.Error() != c.want {
				t.Errorf("error = %q\nwant    %q", err.Error(), c.want)
			}
		})
	}
}

func TestInvalidFindingErrorIsDeterministic(t *testing.T) {
	// Two bad location fields: the error must name the same one every time.
	set := loadBuiltIn(t, policy.Options{Dirs: []string{writeTree(t, brokenRule(
		`report contains {"sentence": "one", "start": "two", "end": "three", "message": "m"}`+"\n"))}})
	input := buildInput(t, set, articles[2])
	seen := map[string]bool{}
	for range 30 {
		_, err := set.Evaluate(context.Background(), input)
		if err == nil {
			t.Fatal("Evaluate accepted the invalid finding")
		}
		seen[err.Error()] = true
	}
	if len(seen) != 1 {
		t.Errorf("the same invalid finding gave %d different errors: %v", len(seen), seen)
	}
}

func TestValidUserFindingsWithOptionalFields(t *testing.T) {
	set := loadBuiltIn(t, policy.Options{Dirs: []string{writeTree(t, brokenRule(`
report contains {"sentence": 1, "message": "whole sentence"}
report contains {"start": 3, "end": 9, "message": "by offset", "severity": "error", "cue": "the cue", "problem": "p1", "strength": 0.25}
`))}})
	got := hitsOf(evaluate(t, set, articles[2]), "broken-rule")
	want := []policy.Hit{
		{Rule: "broken-rule", Category: "hedge", Sentence: 1, Start: -1, End: -1, Message: "whole sentence", Strength: 1},
		{Rule: "broken-rule", Category: "hedge", Sentence: -1, Start: 3, End: 9, Message: "by offset", Severity: "error", Cue: "the cue", Problem: "p1", Strength: 0.25},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hits (-want +got):\n%s", diff)
	}
}

func TestEvaluateConcurrentMatchesSequential(t *testing.T) {
	t.Parallel()
	set := loadBuiltIn(t, policy.Options{Params: map[string]map[string]any{"ai-vocabulary": {"min_distinct": 2}}})
	inputs := append(append([]testArticle(nil), articles...), portArticle)
	want := make([][]policy.Hit, len(inputs))
	for i, a := range inputs {
		want[i] = evaluate(t, set, a)
	}
	const goroutines = 8
	// Each goroutine has its own inputs and walks them from a different
	// starting point, so different articles are evaluated at once.
	own := make([][]ast.Value, goroutines)
	for g := range own {
		for _, a := range inputs {
			own[g] = append(own[g], buildInput(t, set, a))
		}
	}
	type result struct {
		g, i int
		hits []policy.Hit
		err  error
	}
	results := make(chan result, goroutines*len(inputs)*3)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for round := range 3 {
				for k := range inputs {
					i := (g + k + round) % len(inputs)
					hits, err := set.Evaluate(context.Background(), own[g][i])
					results <- result{g, i, hits, err}
				}
			}
		})
	}
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		n++
		if r.err != nil {
			t.Errorf("goroutine %d, %s: %v", r.g, inputs[r.i].name, r.err)
			continue
		}
		if diff := cmp.Diff(want[r.i], r.hits); diff != "" {
			t.Errorf("goroutine %d, %s: concurrent hits differ (-sequential +concurrent):\n%s", r.g, inputs[r.i].name, diff)
		}
	}
	if n != goroutines*len(inputs)*3 {
		t.Errorf("got %d results, want %d", n, goroutines*len(inputs)*3)
	}
}
