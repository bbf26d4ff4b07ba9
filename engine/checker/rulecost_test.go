package checker

import (
	"context"
	"os"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
)

func TestRuleCost(t *testing.T) {
	ctx := context.Background()
	c, _ := New(ctx, config.Config{})
	corpus := generateCorpus(200)
	if dir := os.Getenv("COST_DIR"); dir != "" {
		corpus, _ = article.Load([]string{dir}, article.LoadOptions{})
	}
	var vals []ast.Value
	for _, a := range corpus {
		d, _ := document.Build(a, c.Policies.Lexicons)
		vals = append(vals, d.Value())
	}
	store := inmem.NewFromObjectWithOpts(c.Policies.Data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	type res struct {
		name string
		d    time.Duration
	}
	queries := []string{"report := data.credcheck.rules[category][name].report", "data.credcheck.main.findings", "data.credcheck.lib.attributed", "true"}
	for _, r := range c.Policies.Rules {
		queries = append(queries, fmt.Sprintf("data.credcheck.rules.%s[%q].report", r.Category, r.ID))
	}
	prepared := make([]rego.PreparedEvalQuery, len(queries))
	for i, q := range queries {
		pq, err := rego.New(rego.Query(q), rego.Compiler(c.Policies.Compiler), rego.Store(store)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		prepared[i] = pq
	}
	best := make([]time.Duration, len(queries))
	for round := 0; round < 7; round++ {
		for i, pq := range prepared {
			start := time.Now()
			for _, v := range vals {
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(v)); err != nil {
					t.Fatal(err)
				}
			}
			d := time.Since(start) / time.Duration(len(vals))
			if round == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	var out []res
	for i, q := range queries {
		out = append(out, res{q, best[i]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, r := range out {
		fmt.Printf("%8.0fµs %s\n", float64(r.d.Microseconds()), r.name)
	}
}
