package main

import (
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitMetric waits until the server's /metrics has a line. The server is
// another process and says nothing when a request reaches it, so this
// asks.
func waitMetric(t *testing.T, s *served, line string) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(get(t, s.url+"/metrics"), line+"\n"); {
		if time.Now().After(deadline) {
			t.Fatalf("/metrics never showed %s", line)
		}
		select {
		case err := <-s.done:
			t.Fatalf("credcheck serve exited (%v):\n%s", err, s.stderr())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// The limit flags reach the server: a body past --max-body is 413, a
// request past --concurrency is 429, an evaluation past --deadline is 503,
// each a one-line JSON error, counted in the metrics.
func TestServeLimitFlags(t *testing.T) {
	t.Parallel()
	s := startServe(t, "--max-body", "300", "--concurrency", "1", "--deadline", "1ns")
	status, body := post(t, s.url+"/v1/check", "application/json", strings.NewReader(jsonOf(t, map[string]string{"text": strings.Repeat("The council met. ", 30)})))
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, `larger than 300 bytes, the server's limit (--max-body)`) {
		t.Errorf("body past --max-body: %d %s", status, body)
	}
	// The first request holds the only slot while its body comes.
	pr, pw := io.Pipe()
	held := make(chan string, 1)
	go func() {
		status, body := post(t, s.url+"/v1/check", "application/json", pr)
		held <- http.StatusText(status) + " " + body
	}()
	if _, err := pw.Write([]byte(`{"text": `)); err != nil {
		t.Fatal(err)
	}
	waitMetric(t, s, "credcheck_http_requests_in_flight 1")
	status, body = post(t, s.url+"/v1/check", "application/json", strings.NewReader(`{"text": "The council met on Tuesday."}`))
	if status != http.StatusTooManyRequests || !strings.Contains(body, "(--concurrency)") {
		t.Errorf("request past --concurrency: %d %s", status, body)
	}
	b, _ := json.Marshal("The council met on Tuesday.")
	_, _ = pw.Write(append(b, '}'))
	pw.Close()
	if got := <-held; !strings.HasPrefix(got, "Service Unavailable ") || !strings.Contains(got, "(--deadline)") {
		t.Errorf("evaluation past --deadline: %s", got)
	}
	m := get(t, s.url+"/metrics")
	for _, want := range []string{
		`credcheck_http_requests_total{code="413",handler="check"} 1`,
		`credcheck_http_requests_total{code="429",handler="check"} 1`,
		`credcheck_http_requests_total{code="503",handler="check"} 1`,
		"credcheck_requests_rejected_total 1",
		"credcheck_deadline_exceeded_total 1",
	} {
		if !strings.Contains(m, want+"\n") {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	for _, bad := range [][]string{{"--max-body", "0"}, {"--concurrency", "-1"}, {"--deadline", "0s"}} {
		r := credcheck(t, "", nil, "", append([]string{"serve", "--addr", "127.0.0.1:0"}, bad...)...)
		if r.code != 2 || !strings.Contains(r.stderr, bad[0]+" must be positive") || strings.Contains(r.stderr, "serving on") {
			t.Errorf("serve %s: exit %d, stderr %s", strings.Join(bad, " "), r.code, r.stderr)
		}
	}
}

// With --watch, a house rule that no longer compiles leaves the last good
// rules serving, and /readyz and the log say why; the fix is loaded.
func TestServeWatchReload(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rule := filepath.Join(dir, "house", "zeppelin.rego")
	good := houseRule("zeppelin", `report contains f if {
	some s in input.sentences
	contains(lower(s.text), "zeppelin")
	f := {"sentence": s.index, "message": "a zeppelin is mentioned"}
}
`)
	write(t, rule, good)
	s := startServe(t, "--policy", filepath.Dir(rule), "--watch", "--watch-interval", "50ms")
	article := jsonOf(t, map[string]string{"text": "A zeppelin flew over the harbour on Tuesday, the port authority said.\n"})
	check := func(when string, wantFinding bool) {
		t.Helper()
		status, body := post(t, s.url+"/v1/check", "application/json", strings.NewReader(article))
		if status != http.StatusOK || strings.Contains(body, `"rule":"zeppelin"`) != wantFinding {
			t.Errorf("%s: status %d, zeppelin finding %v wanted: %.400s", when, status, wantFinding, body)
		}
	}
	check("before the edit", true)
	write(t, rule, strings.Replace(good, "report contains f if {", "report contains f if {{", 1))
	line := s.waitLog(t, "level=ERROR", `msg="reload failed; still serving the policies loaded before"`)
	if !strings.Contains(line, "zeppelin.rego") {
		t.Errorf("the log line does not name the broken file: %s", line)
	}
	ready := get(t, s.url+"/readyz")
	var r struct {
		Ready       bool   `json:"ready"`
		ReloadError string `json:"reload_error"`
	}
	if err := json.Unmarshal([]byte(ready), &r); err != nil || !r.Ready || !strings.Contains(r.ReloadError, "zeppelin.rego") {
		t.Errorf("/readyz after a broken edit: %v: %s", err, ready)
	}
	check("after a broken edit", true)
	// The fix drops the rule's finding for another message, so the new
	// set is visibly the one answering.
	write(t, rule, strings.Replace(good, "a zeppelin is mentioned", "an airship is mentioned", 1))
	s.waitLog(t, "level=INFO", "msg=reloaded")
	if ready := get(t, s.url+"/readyz"); strings.Contains(ready, "reload_error") {
		t.Errorf("/readyz after the fix: %s", ready)
	}
	if _, body := post(t, s.url+"/v1/check", "application/json", strings.NewReader(article)); !strings.Contains(body, "an airship is mentioned") {
		t.Errorf("the fixed rule does not answer: %.400s", body)
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-s.done; err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}
