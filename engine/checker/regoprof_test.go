package checker

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
)

func TestRegoProfile(t *testing.T) {
	ctx := context.Background()
	c, _ := New(ctx, config.Config{})
	corpus := generateCorpus(100)
	if dir := os.Getenv("COST_DIR"); dir != "" {
		corpus, _ = article.Load([]string{dir}, article.LoadOptions{})
	}
	var vals []ast.Value
	for _, a := range corpus {
		d, _ := document.Build(a, c.Policies.Lexicons)
		vals = append(vals, d.Value())
	}
	store := inmem.NewFromObjectWithOpts(c.Policies.Data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	prof := profiler.New()
	pq, err := rego.New(rego.Query("data.credcheck.main.findings"), rego.Compiler(c.Policies.Compiler), rego.Store(store)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vals {
		if _, err := pq.Eval(ctx, rego.EvalParsedInput(v), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	rep := prof.ReportTopNResults(40, []string{"total_time_ns"})
	for _, r := range rep {
		fmt.Fprintf(os.Stdout, "%8dµs %6d %s:%d\n", r.ExprTimeNs/int64(len(vals))/1000, r.NumEval/len(vals), r.Location.File, r.Location.Row)
	}
}

func TestRegoEvalCount(t *testing.T) {
	ctx := context.Background()
	c, _ := New(ctx, config.Config{})
	corpus := generateCorpus(100)
	if dir := os.Getenv("COST_DIR"); dir != "" {
		corpus, _ = article.Load([]string{dir}, article.LoadOptions{})
	}
	var vals []ast.Value
	for _, a := range corpus {
		d, _ := document.Build(a, c.Policies.Lexicons)
		vals = append(vals, d.Value())
	}
	store := inmem.NewFromObjectWithOpts(c.Policies.Data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	prof := profiler.New()
	pq, _ := rego.New(rego.Query("data.credcheck.main.findings"), rego.Compiler(c.Policies.Compiler), rego.Store(store)).PrepareForEval(ctx)
	for _, v := range vals {
		pq.Eval(ctx, rego.EvalParsedInput(v), rego.EvalQueryTracer(prof))
	}
	total := 0
	for _, r := range prof.ReportTopNResults(100000, []string{"num_eval"}) {
		total += r.NumEval
	}
	fmt.Printf("evals per doc: %d\n", total/len(vals))
}
