package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A request still running when the shutdown's grace ends does not hold
// the server open: Serve returns, saying the grace ran out, so that
// credcheck serve exits non-zero rather than hanging past a platform's
// own kill deadline.
func TestShutdownGraceRunsOut(t *testing.T) {
	set := sharedSet(t)
	logs := newLogBuffer()
	s, err := New(context.Background(), Options{Load: func(context.Context) (*Set, error) { return set, nil },
		ShutdownTimeout: 100 * time.Millisecond, Logger: slogTo(logs)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/v1/check", "application/json", pr)
		if err == nil {
			resp.Body.Close()
		}
	}()
	_, _ = pw.Write([]byte(`{"text": `))
	for deadline := time.Now().Add(30 * time.Second); len(s.slots) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the request never took its slot")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	logs.waitLine(t, "msg=\"shutting down\"", "grace=100ms")
	select {
	case err := <-served:
		if !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(err.Error(), "shutting down: ") {
			t.Errorf("Serve after the grace ran out: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve waited for the request past its grace")
	}
}
