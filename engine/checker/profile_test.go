package checker

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credcheck/credcheck/engine/config"
)

// TestProfileRules prints where the built-in rules spend their evaluation
// time, file by file and line by line, over 100 articles of the dense corpus
// (the template corpus with CREDCHECK_CORPUS=template), as OPA's profiler
// sees it: what `opa eval --profile` gives, with the engine's data and
// input. A rule author reads it to find the line an edit made slow:
//
//	CREDCHECK_PROFILE_RULES=30 go test ./engine/checker -run TestProfileRules -v
//
// The profiler's own cost is in the times (about twice the real), so read
// them against each other, not as absolute costs.
func TestProfileRules(t *testing.T) {
	lines, _ := strconv.Atoi(os.Getenv("CREDCHECK_PROFILE_RULES"))
	if lines <= 0 {
		t.Skip("set CREDCHECK_PROFILE_RULES to the number of lines to print")
	}
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	corpus := chosenCorpus(t, 100, true)
	p := profiler.New()
	pq, err := rego.New(rego.Query("report := data.credcheck.rules[category][name].report"),
		rego.Compiler(c.Policies.Compiler), rego.Store(dataStore(c)), rego.QueryTracer(p)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Inputs first, so that collecting their garbage does not fall inside
	// the rules' times.
	for _, in := range policyInputs(t, c, corpus) {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(in), rego.EvalQueryTracer(p)); err != nil {
			t.Fatal(err)
		}
	}
	perArticle := func(ns int64) float64 { return float64(ns) / 1000 / float64(len(corpus)) }
	stats := p.ReportTopNResults(-1, []string{"total_time_ns"})
	byFile := map[string]int64{}
	var total int64
	for _, s := range stats {
		byFile[s.Location.File] += s.ExprTimeNs
		total += s.ExprTimeNs
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b string) int { return cmp.Compare(byFile[b], byFile[a]) })
	fmt.Printf("%.0f µs per article in all, by file:\n", perArticle(total))
	for _, f := range files {
		fmt.Printf("%8.1f µs  %s\n", perArticle(byFile[f]), fileName(f))
	}
	fmt.Printf("\nthe %d costliest lines (µs per article, evaluations, redos):\n", lines)
	for _, s := range stats[:min(lines, len(stats))] {
		fmt.Printf("%8.1f µs %7d %7d  %s\n", perArticle(s.ExprTimeNs), s.NumEval, s.NumRedo, location(s.Location))
	}
}

func location(l *ast.Location) string {
	if l == nil || l.File == "" {
		return fileName("")
	}
	return fmt.Sprintf("%s:%d", l.File, l.Row)
}

// fileName names a policy file in the profile; the query has none.
func fileName(f string) string {
	if f == "" {
		return "(the query)"
	}
	return f
}
