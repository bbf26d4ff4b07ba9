package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/config"
)

// Loading the policies takes a while; the tests share one Set, which
// requests do not change.
var (
	sharedOnce sync.Once
	shared     *Set
	sharedErr  error
)

func sharedSet(t *testing.T) *Set {
	t.Helper()
	sharedOnce.Do(func() {
		shared, sharedErr = NewSet(context.Background(), config.Config{FailLevel: "error", Offline: true}, SetOptions{Version: "test"})
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// newTestServer is a Server on the shared Set with opts, behind httptest.
func newTestServer(t *testing.T, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	set := sharedSet(t)
	if opts.Load == nil {
		opts.Load = func(context.Context) (*Set, error) { return set, nil }
	}
	s, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

type answer struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, url, contentType, body string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func articleJSON(t *testing.T, fields map[string]string) string {
	t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// oneLineError checks that an answer is {"error": …} on one line and
// returns the reason.
func oneLineError(t *testing.T, a answer) string {
	t.Helper()
	if strings.Count(a.body, "\n") != 1 || !strings.HasSuffix(a.body, "\n") {
		t.Errorf("error answer is not one line: %q", a.body)
	}
	var e struct{ Error string }
	if err := json.NewDecoder(bytes.NewReader([]byte(a.body))).Decode(&e); err != nil || e.Error == "" {
		t.Fatalf("error answer %q is not {\"error\": reason}: %v", a.body, err)
	}
	return e.Error
}

// logBuffer collects a server's log lines and wakes whoever waits for one.
type logBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	wrote chan struct{}
}

func newLogBuffer() *logBuffer { return &logBuffer{wrote: make(chan struct{})} }

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.wrote)
	b.wrote = make(chan struct{})
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitLine waits for a log line holding all of parts and returns it.
func (b *logBuffer) waitLine(t *testing.T, parts ...string) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		b.mu.Lock()
		lines, wrote := strings.Split(b.buf.String(), "\n"), b.wrote
		b.mu.Unlock()
	next:
		for _, line := range lines {
			for _, p := range parts {
				if !strings.Contains(line, p) {
					continue next
				}
			}
			return line
		}
		select {
		case <-wrote:
		case <-timeout:
			t.Fatalf("no log line with %q; the log:\n%s", parts, b.String())
		}
	}
}

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
