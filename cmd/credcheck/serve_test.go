package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// served is a credcheck serve process these tests started.
type served struct {
	cmd  *exec.Cmd
	url  string
	mu   sync.Mutex
	logs strings.Builder
	// logged is closed, and replaced, each time a log line comes.
	logged chan struct{}
	done   chan error
}

// waitLog waits for a log line holding all of parts and returns it.
func (s *served) waitLog(t *testing.T, parts ...string) string {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		s.mu.Lock()
		lines, logged := strings.Split(s.logs.String(), "\n"), s.logged
		s.mu.Unlock()
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
		case <-logged:
		case err := <-s.done:
			t.Fatalf("credcheck serve exited (%v) before logging %q:\n%s", err, parts, s.stderr())
		case <-timeout:
			t.Fatalf("credcheck serve logged no line with %q:\n%s", parts, s.stderr())
		}
	}
}

func (s *served) stderr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

var servingLine = regexp.MustCompile(`^credcheck: serving on (http://127\.0\.0\.1:\d+)$`)

// startServe runs the binary's serve command on a free loopback port, in
// the repository, and waits for the address it prints.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = "../.."
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &served{cmd: cmd, done: make(chan error, 1), logged: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			s.mu.Lock()
			s.logs.WriteString(sc.Text() + "\n")
			close(s.logged)
			s.logged = make(chan struct{})
			s.mu.Unlock()
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	select {
	case s.url = <-addr:
	case err := <-s.done:
		t.Fatalf("credcheck serve exited (%v) before serving:\n%s", err, s.stderr())
	case <-time.After(60 * time.Second):
		t.Fatalf("credcheck serve printed no address:\n%s", s.stderr())
	}
	return s
}

func post(t *testing.T, url, contentType string, body io.Reader, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
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
	return resp.StatusCode, string(b)
}

// POST /v1/check answers, for every fixture, the bytes check --format
// json writes for it.
func TestServeAnswersCheckBytes(t *testing.T) {
	t.Parallel()
	token := filepath.Join(t.TempDir(), "token")
	write(t, token, "fixture-token\n")
	s := startServe(t, "--token-file", token)
	auth := []string{"Authorization", "Bearer fixture-token"}
	files, err := filepath.Glob("../../fixtures/*.*")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		name := "fixtures/" + filepath.Base(f)
		if name == "fixtures/README.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var status int
		var got string
		switch filepath.Ext(f) {
		case ".jsonl":
			status, got = post(t, s.url+"/v1/check?path="+name, "application/x-ndjson", strings.NewReader(string(data)), auth...)
		case ".html":
			status, got = post(t, s.url+"/v1/check", "application/json", strings.NewReader(jsonOf(t, map[string]string{"html": string(data), "path": name})), auth...)
		case ".md", ".txt":
			format := map[string]string{".md": "markdown", ".txt": "text"}[filepath.Ext(f)]
			status, got = post(t, s.url+"/v1/check", "application/json", strings.NewReader(jsonOf(t, map[string]string{"text": string(data), "format": format, "path": name})), auth...)
		default:
			continue
		}
		want := credcheck(t, "", nil, "", "check", "--format", "json", name)
		if status != http.StatusOK || want.code > 1 {
			t.Errorf("%s: status %d, check exits %d: %.300s", name, status, want.code, got)
			continue
		}
		if got != want.stdout {
			t.Errorf("%s: POST /v1/check differs from check --format json:\n got %.400s\nwant %.400s", name, got, want.stdout)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d fixtures compared", checked)
	}
	// The other endpoints answer as their commands do.
	storyFile := "fixtures/testdata/stories/ferries.jsonl"
	data, err := os.ReadFile("../../" + storyFile)
	if err != nil {
		t.Fatal(err)
	}
	status, got := post(t, s.url+"/v1/story?path="+storyFile, "application/x-ndjson", strings.NewReader(string(data)), auth...)
	if want := credcheck(t, "", nil, "", "story", "--format", "json", storyFile); status != http.StatusOK || got != want.stdout {
		t.Errorf("POST /v1/story (%d) differs from story --format json:\n got %.400s\nwant %.400s", status, got, want.stdout)
	}
	for path, args := range map[string][]string{
		"/v1/rules":                    {"rules", "--format", "json"},
		"/v1/rules/hearsay-hedge":      {"explain", "--format", "json", "hearsay-hedge"},
		"/v1/rules/story-measure-swap": {"explain", "--format", "json", "story-measure-swap"},
	} {
		req, _ := http.NewRequest("GET", s.url+path, nil)
		req.Header.Set("Authorization", "Bearer fixture-token")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if want := credcheck(t, "", nil, "", args...); resp.StatusCode != http.StatusOK || string(b) != want.stdout {
			t.Errorf("GET %s (%d) differs from credcheck %s:\n got %.300s\nwant %.300s", path, resp.StatusCode, strings.Join(args, " "), b, want.stdout)
		}
	}
	status, body := post(t, s.url+"/v1/check", "application/json", strings.NewReader(`{"text":"x"}`))
	if status != http.StatusUnauthorized || !strings.Contains(body, "bearer token") {
		t.Errorf("without the token: %d %s", status, body)
	}
	if strings.Contains(s.stderr(), "Officials") || !strings.Contains(s.stderr(), "path=/v1/check status=200") {
		t.Errorf("log lines should name requests and leave out article text:\n%s", s.stderr())
	}
}

// SIGTERM lets a request in flight finish, then the process exits 0.
func TestServeShutsDownGracefully(t *testing.T) {
	t.Parallel()
	s := startServe(t)
	pr, pw := io.Pipe()
	answered := make(chan string, 1)
	go func() {
		status, body := post(t, s.url+"/v1/check", "application/json", pr)
		answered <- strings.TrimSpace(http.StatusText(status)) + " " + body
	}()
	if _, err := pw.Write([]byte(`{"path": "slow.txt", "text": `)); err != nil {
		t.Fatal(err)
	}
	// The request is in flight once the server has its headers.
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(get(t, s.url+"/metrics"), "credcheck_http_requests_in_flight 1"); {
		if time.Now().After(deadline) {
			t.Fatal("the request never reached the server")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s.waitLog(t, "shutting down")
	b, _ := json.Marshal("Officials reportedly plan to close the harbour.\n")
	_, _ = pw.Write(append(b, '}'))
	pw.Close()
	if got := <-answered; !strings.HasPrefix(got, "OK ") || !strings.Contains(got, `"path":"slow.txt"`) {
		t.Errorf("request in flight at SIGTERM: %.300s", got)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("credcheck serve after SIGTERM: %v\n%s", err, s.stderr())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("credcheck serve did not exit after SIGTERM")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// The server loads user policies through check's path, sandbox included:
// one that reaches the network stops it before it listens.
func TestServeSandboxesUserPolicies(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "leak.rego"), houseRule("leak", `report contains f if {
	some s in input.sentences
	r := http.send({"method": "POST", "url": "http://127.0.0.1:1/", "body": s.text})
	f := {"sentence": s.index, "message": sprintf("%v", [r])}
}
`))
	r := credcheck(t, dir, nil, "", "serve", "--addr", "127.0.0.1:0", "--policy", "house")
	if r.code != 2 || !regexp.MustCompile(`house/leak.rego:12:7: built-in http.send is not allowed in policies .*--allow-builtin http.send`).MatchString(r.stderr) ||
		strings.Contains(r.stderr, "serving on") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
