package main

import (
	"context"
	"net"
	"os"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/server"
)

// A few hundred milliseconds of the load test against the server in this
// process, with more requests in flight than it takes at once: every
// request is answered 200 or 429, and every 200 is the same bytes. How
// fast is for scripts/load-serve.sh to say, never for a test.
func TestShortLoadFailsOnlyBy429(t *testing.T) {
	load := func(ctx context.Context) (*server.Set, error) {
		return server.NewSet(ctx, config.Config{FailLevel: "error", Offline: true}, server.SetOptions{Version: "test"})
	}
	srv, err := server.New(context.Background(), server.Options{Load: load, Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	text, err := os.ReadFile("../../fixtures/testdata/load/port-merger-wire.md")
	if err != nil {
		t.Fatal(err)
	}
	plan := Plan{URL: "http://" + ln.Addr().String(), PID: os.Getpid(), Article: text, Path: "fixtures/testdata/load/port-merger-wire.md",
		Workers: 3, Duration: 300 * time.Millisecond, Sample: 100 * time.Millisecond}
	res, err := Run(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems() {
		t.Error(p)
	}
	if res.Metrics.StatusCodes["200"] == 0 || len(res.Samples) < 2 {
		t.Errorf("status codes %v, %d memory samples", res.Metrics.StatusCodes, len(res.Samples))
	}
	t.Logf("\n%s", res.Markdown(plan, 1))
}
