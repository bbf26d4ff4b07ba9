package checker

import (
	"context"
	"testing"
	"time"

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
		values := make([]any, len(docs))
		for i, d := range docs {
			values[i] = d.Value()
		}
		i := 0
		for b.Loop() {
			if _, err := c.Policies.Evaluate(ctx, docs[i%len(docs)].Value()); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
