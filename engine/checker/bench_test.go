package checker

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
)

// BenchmarkCheckCorpus checks a generated corpus of 2,000 news-length
// articles with the whole built-in catalog, concurrently, and reports
// throughput in articles per second.
func BenchmarkCheckCorpus(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	corpus := generateCorpus(2000)
	words := 0
	for _, a := range corpus {
		words += len(a.Source) / 6
	}
	b.ResetTimer()
	checkCorpus(b, c, corpus)
}

// checkCorpus checks corpus b.N times and reports articles per second and
// time per article.
func checkCorpus(b *testing.B, c *Checker, corpus []*article.Article) {
	ctx := context.Background()
	start := time.Now()
	for b.Loop() {
		res, errs := c.Check(ctx, corpus)
		if len(errs) > 0 || len(res) != len(corpus) {
			b.Fatalf("checked %d of %d articles, %d errors", len(res), len(corpus), len(errs))
		}
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(b.N*len(corpus))/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(elapsed.Microseconds())/float64(b.N*len(corpus)), "µs/article")
}

// BenchmarkStages splits the cost of one article into building the document,
// building the policy input and evaluating the policies.
func BenchmarkStages(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	corpus := generateCorpus(200)
	b.Run("document", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := document.Build(corpus[i%len(corpus)], c.Policies.Lexicons); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	docs := make([]*document.Document, len(corpus))
	for i, a := range corpus {
		docs[i], _ = document.Build(a, c.Policies.Lexicons)
	}
	b.Run("input", func(b *testing.B) {
		i := 0
		for b.Loop() {
			_ = docs[i%len(docs)].Value()
			i++
		}
	})
	b.Run("evaluate", func(b *testing.B) {
		values := make([]ast.Value, len(docs))
		for i, d := range docs {
			values[i] = d.Value()
		}
		i := 0
		for b.Loop() {
			if _, err := c.Policies.Evaluate(ctx, values[i%len(values)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkRules times each rule on its own over the generated corpus, so a
// policy author can see which rule an edit made slow, and "empty", the cost
// of an evaluation that does nothing. The template corpus by default, 200
// dense articles with CREDCHECK_CORPUS=dense:
//
//	go test ./engine/checker -run NONE -bench '^BenchmarkRules$'
//	CREDCHECK_CORPUS=dense go test ./engine/checker -run NONE -bench '^BenchmarkRules$'
//	CREDCHECK_BENCH_QUERY='data.credcheck.lib.attributed' go test ./engine/checker -run NONE -bench '^BenchmarkRules$/query'
func BenchmarkRules(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	values := policyInputs(b, c, chosenCorpus(b, 200, false))
	store := dataStore(c)
	queries := map[string]string{"all": "report := data.credcheck.rules[category][name].report", "empty": "true"}
	names := []string{"all", "empty"}
	if q := os.Getenv("CREDCHECK_BENCH_QUERY"); q != "" {
		// Any other query, to time a helper rule on its own.
		queries["query"] = q
		names = append(names, "query")
	}
	for _, r := range c.Policies.Rules {
		queries[r.ID] = fmt.Sprintf("data.credcheck.rules.%s[%q].report", r.Category, r.ID)
		names = append(names, r.ID)
	}
	for _, name := range names {
		pq, err := rego.New(rego.Query(queries[name]), rego.Compiler(c.Policies.Compiler), rego.Store(store)).PrepareForEval(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(values[i%len(values)])); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// policyInputs builds the policy input of every article of corpus.
func policyInputs(tb testing.TB, c *Checker, corpus []*article.Article) []ast.Value {
	tb.Helper()
	values := make([]ast.Value, len(corpus))
	for i, a := range corpus {
		d, err := document.Build(a, c.Policies.Lexicons)
		if err != nil {
			tb.Fatal(err)
		}
		values[i] = d.Value()
	}
	return values
}

// dataStore holds the loaded data for queries prepared outside the
// policy set, as the set's own store does.
func dataStore(c *Checker) storage.Store {
	return inmem.NewFromObjectWithOpts(c.Policies.Data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
}

// TestWriteCorpus writes the dense benchmark corpus (or, with
// CREDCHECK_CORPUS=template, the template one) as files, to time the command
// line on it: CREDCHECK_WRITE_CORPUS=/tmp/corpus go test ./engine/checker
// -run TestWriteCorpus, then time `credcheck check /tmp/corpus`.
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("CREDCHECK_WRITE_CORPUS")
	if dir == "" {
		t.Skip("set CREDCHECK_WRITE_CORPUS to a directory to write the corpus")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	corpus := chosenCorpus(t, 2000, true)
	for _, a := range corpus {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(a.Path)), []byte(a.Source), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
