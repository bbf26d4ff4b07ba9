package checker

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/config"
)

// BenchmarkWorkers checks 400 generated articles with one worker per CPU
// and reports, besides wall time, the process's CPU time per article
// (user and system, GC included), which the load of a shared machine does
// not distort: with two workers it should stay what it is with one, and
// what it grows by is what the second core spends on contention.
//
//	go test ./engine/checker -run NONE -bench Workers -cpu 1,2 -benchtime 3x
func BenchmarkWorkers(b *testing.B) {
	ctx := context.Background()
	c, err := New(ctx, config.Config{})
	if err != nil {
		b.Fatal(err)
	}
	corpus := generateCorpus(400)
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start, startCPU := time.Now(), cpu()
	for b.Loop() {
		if res, errs := c.Check(ctx, corpus); len(errs) > 0 || len(res) != len(corpus) {
			b.Fatalf("checked %d of %d articles, %d errors", len(res), len(corpus), len(errs))
		}
	}
	n := float64(b.N * len(corpus))
	b.ReportMetric(float64(time.Since(start).Microseconds())/n, "wall-µs/article")
	b.ReportMetric(float64((cpu()-startCPU).Microseconds())/n, "cpu-µs/article")
}
