package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
)

const hedged = "Officials reportedly plan to close the harbour, sources say.\n\nThe council is said to be weighing the move.\n"

// The answer is the report check writes: the same pipeline run in
// process on the same article gives the same bytes.
func TestCheckAnswersCheckReport(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged, "path": "desk/harbour.txt"}))
	if a.status != http.StatusOK {
		t.Fatalf("status %d: %s", a.status, a.body)
	}
	set := sharedSet(t)
	c := set.session()
	opts := set.load
	opts.Stdin, opts.StdinName = strings.NewReader(hedged), "desk/harbour.txt"
	r := c.Run(context.Background(), []string{article.Stdin}, opts)
	var want bytes.Buffer
	if err := report.Write(&want, "json", r, set.report); err != nil {
		t.Fatal(err)
	}
	if a.body != want.String() {
		t.Errorf("answer differs from the report check writes:\n got %s\nwant %s", a.body, want.String())
	}
	var rep struct {
		Articles []struct {
			Path     string
			Findings []struct{ Rule string }
		}
	}
	if err := json.Unmarshal([]byte(a.body), &rep); err != nil || len(rep.Articles) != 1 || rep.Articles[0].Path != "desk/harbour.txt" || len(rep.Articles[0].Findings) == 0 {
		t.Fatalf("report %s: %v", a.body, err)
	}
}

func TestCheckMetadataAndBatch(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged, "title": "Harbour to close", "author": "A. Writer", "outlet": "The Ledger", "date": "2026-01-02"}))
	if a.status != http.StatusOK || !strings.Contains(a.body, `"metadata":{"title":"Harbour to close","author":"A. Writer","date":"2026-01-02","outlet":"The Ledger"}`) {
		t.Errorf("metadata not in the report (%d): %s", a.status, a.body)
	}
	lines := `{"id":"one","text":"The mayor said the budget grew by 4 percent."}` + "\n" + `{"id":"two","text":` + mustJSON(hedged) + "}\n"
	a = do(t, "POST", ts.URL+"/v1/check?path=feed.jsonl", "application/x-ndjson", lines)
	if a.status != http.StatusOK || strings.Count(a.body, `"path":"feed.jsonl"`) != 2 || !strings.Contains(a.body, `"id":"two"`) {
		t.Errorf("batch (%d): %s", a.status, a.body)
	}
	// A record that cannot be read is reported as check reports it, and
	// the status says an input failed, as check's exit status 2 does.
	a = do(t, "POST", ts.URL+"/v1/check", "application/x-ndjson", lines+`{"id":"three"}`+"\n")
	if a.status != http.StatusUnprocessableEntity || !strings.Contains(a.body, `"message":"record has no \"text\" field"`) || strings.Count(a.body, `"words"`) != 2 {
		t.Errorf("batch with a bad record (%d): %s", a.status, a.body)
	}
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBadRequestsAreOneLine(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, tc := range []struct{ body, reason string }{
		{`{"text": "x"`, "request body is not an article in JSON: unexpected EOF"},
		{`{"txt": "x"}`, `request body is not an article in JSON: json: unknown field "txt"`},
		{`{"text": "x", "url": "https://example.org/"}`, `give exactly one of "text", "html" and "url"`},
		{`{"text": "x", "format": "jsonl"}`, `"format" must be text, markdown or html, not "jsonl"`},
		{`{"url": "file:///etc/passwd"}`, `"url" must be an http:// or https:// address`},
		{``, "empty request body"},
	} {
		a := do(t, "POST", ts.URL+"/v1/check", "application/json", tc.body)
		if a.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tc.body, a.status)
			continue
		}
		if reason := oneLineError(t, a); !strings.HasPrefix(reason, tc.reason) {
			t.Errorf("%s: reason %q, want %q", tc.body, reason, tc.reason)
		}
	}
	// An article that cannot be checked is the report's error, 422.
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", `{"text": "   "}`)
	if a.status != http.StatusUnprocessableEntity || !strings.Contains(a.body, `"errors":[{"path":"-","message":"empty article"}]`) {
		t.Errorf("empty article (%d): %s", a.status, a.body)
	}
	// Fetching is off in the shared set, as with --offline.
	a = do(t, "POST", ts.URL+"/v1/check", "application/json", `{"url": "https://example.org/story"}`)
	if a.status != http.StatusUnprocessableEntity || !strings.Contains(a.body, "fetching pages is off (--offline)") {
		t.Errorf("offline url (%d): %s", a.status, a.body)
	}
}

func TestOversizedBodyIs413(t *testing.T) {
	_, ts := newTestServer(t, Options{MaxBody: 64})
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged}))
	if a.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413: %s", a.status, a.body)
	}
	if reason := oneLineError(t, a); !strings.Contains(reason, "larger than 64 bytes") {
		t.Errorf("reason %q", reason)
	}
	// The same limit holds for a batch and for a story.
	lines := `{"id":"a","text":` + mustJSON(hedged) + `,"story":"s"}` + "\n"
	for _, path := range []string{"/v1/check", "/v1/story"} {
		if a := do(t, "POST", ts.URL+path, "application/x-ndjson", lines); a.status != http.StatusRequestEntityTooLarge || !strings.Contains(oneLineError(t, a), "(--max-body)") {
			t.Errorf("JSON Lines to %s past the limit: %d %s", path, a.status, a.body)
		}
	}
}

func TestSaturationIs429(t *testing.T) {
	s, ts := newTestServer(t, Options{Concurrency: 1})
	// The first request holds the only slot while its body is still
	// being sent.
	pr, pw := io.Pipe()
	first := make(chan answer, 1)
	go func() {
		resp, err := http.Post(ts.URL+"/v1/check", "application/json", pr)
		if err != nil {
			first <- answer{status: -1, body: err.Error()}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		first <- answer{status: resp.StatusCode, body: string(b)}
	}()
	if _, err := pw.Write([]byte(`{"text": `)); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); len(s.slots) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the first request never took its slot")
		}
		time.Sleep(5 * time.Millisecond)
	}
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged}))
	if a.status != http.StatusTooManyRequests || a.header.Get("Retry-After") == "" {
		t.Errorf("second request: status %d (Retry-After %q), want 429", a.status, a.header.Get("Retry-After"))
	}
	oneLineError(t, a)
	// Story requests share the slots; the rules, probes and metrics
	// evaluate nothing and are not limited.
	if a := do(t, "POST", ts.URL+"/v1/story", "application/x-ndjson", `{"id":"a","text":"x"}`+"\n"); a.status != http.StatusTooManyRequests {
		t.Errorf("story while saturated: %d, want 429", a.status)
	}
	for _, path := range []string{"/readyz", "/healthz", "/v1/rules", "/v1/rules/hearsay-hedge"} {
		if a := do(t, "GET", ts.URL+path, "", ""); a.status != http.StatusOK {
			t.Errorf("%s while saturated: %d", path, a.status)
		}
	}
	m := do(t, "GET", ts.URL+"/metrics", "", "").body
	for _, want := range []string{"credcheck_requests_rejected_total 2", `credcheck_http_requests_total{code="429",handler="story"} 1`, "credcheck_http_requests_in_flight 1"} {
		if !strings.Contains(m, want+"\n") {
			t.Errorf("metrics while saturated lack %s", want)
		}
	}
	_, _ = pw.Write([]byte(mustJSON(hedged) + "}"))
	pw.Close()
	if a := <-first; a.status != http.StatusOK {
		t.Errorf("first request: %d %s", a.status, a.body)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged})); a.status != http.StatusOK {
		t.Errorf("after the slot is free: %d", a.status)
	}
}

func TestDeadlineIs503(t *testing.T) {
	_, ts := newTestServer(t, Options{Deadline: time.Nanosecond})
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged}))
	if a.status != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", a.status, a.body)
	}
	if reason := oneLineError(t, a); !strings.Contains(reason, "deadline") || a.header.Get("Retry-After") == "" {
		t.Errorf("reason %q, Retry-After %q", reason, a.header.Get("Retry-After"))
	}
	a = do(t, "POST", ts.URL+"/v1/story", "application/x-ndjson", `{"id":"a","text":`+mustJSON(hedged)+`,"story":"s"}`+"\n")
	if a.status != http.StatusServiceUnavailable || !strings.Contains(oneLineError(t, a), "deadline") {
		t.Errorf("story past the deadline: %d %s", a.status, a.body)
	}
	if m := do(t, "GET", ts.URL+"/metrics", "", "").body; !strings.Contains(m, "credcheck_deadline_exceeded_total 2\n") {
		t.Error("metrics do not count the two requests past the deadline")
	}
}

func TestToken(t *testing.T) {
	_, ts := newTestServer(t, Options{Token: "s3cret"})
	body := articleJSON(t, map[string]string{"text": hedged})
	if a := do(t, "POST", ts.URL+"/v1/check", "application/json", body); a.status != http.StatusUnauthorized || a.header.Get("WWW-Authenticate") == "" {
		t.Errorf("no token: status %d, want 401", a.status)
	}
	if a := do(t, "GET", ts.URL+"/v1/rules", "", "", "Authorization", "Bearer wrong"); a.status != http.StatusUnauthorized {
		t.Errorf("wrong token: status %d, want 401", a.status)
	}
	if a := do(t, "POST", ts.URL+"/v1/check", "application/json", body, "Authorization", "Bearer s3cret"); a.status != http.StatusOK {
		t.Errorf("right token: status %d", a.status)
	}
	// Every /v1/ endpoint asks for it, in the bearer scheme only (whose
	// name is case-insensitive, RFC 9110 section 11.1).
	story := `{"id":"a","text":` + mustJSON(hedged) + `,"story":"s"}` + "\n"
	for _, tc := range []struct{ method, path, contentType, body string }{
		{"POST", "/v1/story", "application/x-ndjson", story},
		{"GET", "/v1/rules", "", ""},
		{"GET", "/v1/rules/hearsay-hedge", "", ""},
	} {
		for _, auth := range []string{"", "Basic czNjcmV0", "Bearer s3cret2", "Bearers3cret", "Bearer "} {
			if a := do(t, tc.method, ts.URL+tc.path, tc.contentType, tc.body, "Authorization", auth); a.status != http.StatusUnauthorized {
				t.Errorf("%s %s with Authorization %q: status %d, want 401", tc.method, tc.path, auth, a.status)
			} else {
				oneLineError(t, a)
			}
		}
		if a := do(t, tc.method, ts.URL+tc.path, tc.contentType, tc.body, "Authorization", "bearer  s3cret"); a.status != http.StatusOK {
			t.Errorf("%s %s with the token: status %d: %.200s", tc.method, tc.path, a.status, a.body)
		}
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if a := do(t, "GET", ts.URL+path, "", ""); a.status != http.StatusOK {
			t.Errorf("%s without a token: %d", path, a.status)
		}
	}
}

func TestCORSOffByDefault(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	a := do(t, "GET", ts.URL+"/v1/rules", "", "", "Origin", "https://cms.example.org")
	if got := a.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS header %q with no origin allowed", got)
	}
	_, ts = newTestServer(t, Options{CORSOrigins: []string{"https://cms.example.org"}})
	a = do(t, "OPTIONS", ts.URL+"/v1/check", "", "", "Origin", "https://cms.example.org", "Access-Control-Request-Method", "POST")
	if got := a.header.Get("Access-Control-Allow-Origin"); got != "https://cms.example.org" {
		t.Errorf("preflight from an allowed origin: Allow-Origin %q (status %d)", got, a.status)
	}
	a = do(t, "GET", ts.URL+"/v1/rules", "", "", "Origin", "https://elsewhere.example")
	if got := a.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS header %q for an origin not allowed", got)
	}
}

func TestRulesAndExplain(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	set := sharedSet(t)
	a := do(t, "GET", ts.URL+"/v1/rules", "", "")
	var want bytes.Buffer
	if err := report.WriteRules(&want, "json", set.checker.Catalog()); err != nil {
		t.Fatal(err)
	}
	if a.status != http.StatusOK || a.body != want.String() {
		t.Errorf("/v1/rules (%d) is not credcheck rules --format json", a.status)
	}
	a = do(t, "GET", ts.URL+"/v1/rules/hearsay-hedge", "", "")
	var e struct {
		ID       string          `json:"id"`
		Examples json.RawMessage `json:"examples"`
	}
	if err := json.Unmarshal([]byte(a.body), &e); err != nil || a.status != http.StatusOK || e.ID != "hearsay-hedge" || len(e.Examples) == 0 {
		t.Errorf("/v1/rules/hearsay-hedge (%d): %v: %.300s", a.status, err, a.body)
	}
	a = do(t, "GET", ts.URL+"/v1/rules/no-such-rule", "", "")
	if a.status != http.StatusNotFound {
		t.Errorf("unknown rule: %d", a.status)
	}
	oneLineError(t, a)
}

func TestStory(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	var lines strings.Builder
	files, _ := filepath.Glob("../../fixtures/testdata/stories/one-report/*.md")
	if len(files) < 2 {
		t.Fatal("no story fixtures")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts, _ := article.Parse(f, article.Markdown, data)
		b, _ := json.Marshal(map[string]string{"id": filepath.Base(f), "text": arts[0].Source, "title": arts[0].Title, "date": arts[0].Date, "outlet": arts[0].Outlet, "story": "harbour"})
		lines.Write(append(b, '\n'))
	}
	a := do(t, "POST", ts.URL+"/v1/story", "application/x-ndjson", lines.String())
	var rep struct {
		Stories []struct {
			ID       string
			Articles []struct{ ID string }
		}
	}
	if err := json.Unmarshal([]byte(a.body), &rep); err != nil || a.status != http.StatusOK || len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != len(files) {
		t.Errorf("/v1/story (%d): %v: %.400s", a.status, err, a.body)
	}
	if a := do(t, "POST", ts.URL+"/v1/story", "application/json", `{"text":"x"}`); a.status != http.StatusUnsupportedMediaType {
		t.Errorf("story as JSON: %d", a.status)
	}
}

func TestMetrics(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged}))
	a := do(t, "GET", ts.URL+"/metrics", "", "")
	for _, want := range []string{
		`credcheck_http_requests_total{code="200",handler="check"} 1`,
		`credcheck_http_request_duration_seconds_count{handler="check"} 1`,
		`credcheck_findings_total{rule="hearsay-hedge"}`,
		`credcheck_articles_checked_total 1`,
		`credcheck_config_last_reload_successful 1`,
	} {
		if !strings.Contains(a.body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// A reload that breaks keeps the last good set serving and says so; a
// fix reloads.
func TestBrokenReloadKeepsServing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data.json")
	if err := os.WriteFile(data, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(ctx context.Context) (*Set, error) {
		return NewSet(ctx, config.Config{FailLevel: "error", Data: []string{data}}, SetOptions{Version: "test"})
	}
	logs := newLogBuffer()
	s, err := New(context.Background(), Options{Load: load, Watch: true, WatchInterval: 20 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-served })
	url := "http://" + ln.Addr().String()
	first := s.set.Load()
	if err := os.WriteFile(data, []byte("{broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The log says the reload failed, why, and that the old set serves.
	if line := logs.waitLine(t, "level=ERROR", "reload failed; still serving the policies loaded before"); !strings.Contains(line, "data.json") {
		t.Errorf("the log line does not name the broken file: %s", line)
	}
	ready := waitFor(t, url+"/readyz", func(a answer) bool { return strings.Contains(a.body, "reload_error") })
	if ready.status != http.StatusOK || !strings.Contains(ready.body, `"ready":true`) || !strings.Contains(ready.body, "data.json") {
		t.Errorf("/readyz after a broken reload (%d): %s", ready.status, ready.body)
	}
	if s.set.Load() != first {
		t.Error("a broken reload replaced the set")
	}
	if a := do(t, "POST", url+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged})); a.status != http.StatusOK {
		t.Errorf("check after a broken reload: %d %s", a.status, a.body)
	}
	if a := do(t, "GET", url+"/metrics", "", ""); !strings.Contains(a.body, "credcheck_config_last_reload_successful 0") {
		t.Error("metrics do not say the reload failed")
	}
	if err := os.WriteFile(data, []byte("{}\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logs.waitLine(t, "level=INFO", "msg=reloaded")
	waitFor(t, url+"/readyz", func(a answer) bool { return !strings.Contains(a.body, "reload_error") })
	if a := do(t, "GET", url+"/metrics", "", ""); !strings.Contains(a.body, "credcheck_config_last_reload_successful 1") ||
		!strings.Contains(a.body, `credcheck_reloads_total{result="failure"} 1`) || !strings.Contains(a.body, `credcheck_reloads_total{result="success"} 1`) {
		t.Error("metrics do not count one failed and one good reload")
	}
	if s.set.Load() == first {
		t.Error("the fixed files were not reloaded")
	}
}

func waitFor(t *testing.T, url string, ok func(answer) bool) answer {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; {
		a := do(t, "GET", url, "", "")
		if ok(a) {
			return a
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never answered as expected; last: %d %s", url, a.status, a.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stopping lets a request in flight finish, refuses new connections and
// says not ready meanwhile.
func TestGracefulShutdown(t *testing.T) {
	set := sharedSet(t)
	s, err := New(context.Background(), Options{Load: func(context.Context) (*Set, error) { return set, nil }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	pr, pw := io.Pipe()
	inFlight := make(chan answer, 1)
	go func() {
		resp, err := http.Post(url+"/v1/check", "application/json", pr)
		if err != nil {
			inFlight <- answer{status: -1, body: err.Error()}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		inFlight <- answer{status: resp.StatusCode, body: string(b)}
	}()
	_, _ = pw.Write([]byte(`{"text": `))
	for len(s.slots) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	for !s.stop.Load() {
		time.Sleep(5 * time.Millisecond)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz while stopping: %d", rec.Code)
	}
	_, _ = pw.Write([]byte(mustJSON(hedged) + "}"))
	pw.Close()
	if a := <-inFlight; a.status != http.StatusOK || !strings.Contains(a.body, `"articles":[{`) {
		t.Errorf("request in flight at shutdown: %d %.200s", a.status, a.body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if resp, err := http.Get(url + "/healthz"); err == nil {
		resp.Body.Close()
		t.Error("a new request was answered after shutdown")
	}
}

// Each request is a run of its own: an ignore entry that suppressed a
// finding in one request is still reported stale in the next, as check
// would report it for that article alone.
func TestRequestsDoNotShareIgnoreCounts(t *testing.T) {
	cfg := config.Config{FailLevel: "error", Ignore: []config.Ignore{{Rules: []string{"hearsay-hedge"}, Paths: []string{"desk/**"}}}}
	set, err := NewSet(context.Background(), cfg, SetOptions{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Options{Load: func(context.Context) (*Set, error) { return set, nil }})
	const stale = "configuration ignore[0] (hearsay-hedge in desk/**) suppressed no finding; remove it"
	a := do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": hedged, "path": "desk/a.txt"}))
	if a.status != http.StatusOK || !strings.Contains(a.body, `"kind":"config"`) || strings.Contains(a.body, stale) {
		t.Fatalf("first request (%d) should have its hedge suppressed: %.600s", a.status, a.body)
	}
	a = do(t, "POST", ts.URL+"/v1/check", "application/json", articleJSON(t, map[string]string{"text": "The mayor said the budget grew.\n", "path": "desk/b.txt"}))
	if !strings.Contains(a.body, stale) {
		t.Errorf("second request should report the entry stale: %.600s", a.body)
	}
}
