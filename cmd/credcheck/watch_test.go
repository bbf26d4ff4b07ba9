package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/finding"
)

// watchPatience bounds every wait for the watching process, generously:
// the tests check what it does, never how fast, and the first run compiles
// every policy.
const watchPatience = 20 * time.Second

// watchReport is the part of the JSON report the watch tests look at.
type watchReport struct {
	Articles []struct {
		Path     string `json:"path"`
		Findings []struct {
			Rule     string `json:"rule"`
			Category string `json:"category"`
			Message  string `json:"message"`
		} `json:"findings"`
	} `json:"articles"`
}

// messages lists the problem findings of a report as "rule: message",
// sorted; credits for good sourcing are left out.
func (r watchReport) messages() []string {
	var out []string
	for _, a := range r.Articles {
		for _, f := range a.Findings {
			if f.Category == finding.CreditCategory {
				continue
			}
			out = append(out, f.Rule+": "+f.Message)
		}
	}
	slices.Sort(out)
	return out
}

// watchSession is a running `credcheck check --watch`, its standard output
// decoded report by report and its standard error read line by line as
// they come.
type watchSession struct {
	cmd     *exec.Cmd
	reports chan watchReport
	lines   chan string
	// readers ends when both streams are closed; only then may Wait run.
	readers sync.WaitGroup
	// exited is set once Wait has returned, so that clean-up does not
	// kill and wait again.
	exited bool
	mu     sync.Mutex
	stderr strings.Builder
	decode error
}

func startWatch(t *testing.T, dir string, args ...string) *watchSession {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("a session is ended by a signal, which Windows cannot send to a process")
	}
	s := &watchSession{cmd: exec.Command(binary, args...), reports: make(chan watchReport, 16), lines: make(chan string, 256)}
	s.cmd.Dir = dir
	s.cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !s.exited {
			s.cmd.Process.Kill()
			s.drain()
			s.cmd.Wait()
		}
	})
	s.readers.Add(2)
	go func() {
		defer s.readers.Done()
		defer close(s.reports)
		dec := json.NewDecoder(stdout)
		for {
			var r watchReport
			if err := dec.Decode(&r); err != nil {
				if !errors.Is(err, io.EOF) {
					s.mu.Lock()
					s.decode = err
					s.mu.Unlock()
				}
				io.Copy(io.Discard, stdout)
				return
			}
			s.reports <- r
		}
	}()
	go func() {
		defer s.readers.Done()
		defer close(s.lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.stderr.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
			s.lines <- sc.Text()
		}
	}()
	return s
}

// transcript is what the process wrote to standard error so far, for
// failure messages.
func (s *watchSession) transcript() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.stderr.String()
	if s.decode != nil {
		out += "(standard output is not a stream of JSON reports: " + s.decode.Error() + ")\n"
	}
	return out
}

// report waits for the next report on standard output.
func (s *watchSession) report(t *testing.T, what string) watchReport {
	t.Helper()
	select {
	case r, ok := <-s.reports:
		if !ok {
			t.Fatalf("%s: standard output closed; standard error:\n%s", what, s.transcript())
		}
		return r
	case <-time.After(watchPatience):
		t.Fatalf("%s: no report after %v; standard error:\n%s", what, watchPatience, s.transcript())
	}
	return watchReport{}
}

// line waits for a line of standard error that matches pattern.
func (s *watchSession) line(t *testing.T, pattern string) string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	timeout := time.After(watchPatience)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				t.Fatalf("standard error closed without a line matching %s:\n%s", pattern, s.transcript())
			}
			if re.MatchString(l) {
				return l
			}
		case <-timeout:
			t.Fatalf("no line matching %s on standard error after %v:\n%s", pattern, watchPatience, s.transcript())
		}
	}
}

// drain reads what is left of both streams until they close, so that the
// readers, blocked on a full channel perhaps, end and Wait may run.
func (s *watchSession) drain() {
	go func() {
		for range s.reports {
		}
	}()
	go func() {
		for range s.lines {
		}
	}()
	s.readers.Wait()
}

// stop sends sig and returns the exit code.
func (s *watchSession) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() {
		s.drain()
		exited <- s.cmd.Wait()
	}()
	select {
	case err := <-exited:
		s.exited = true
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(watchPatience):
		t.Fatalf("still running %v after %v; standard error:\n%s", sig, watchPatience, s.transcript())
	}
	return -1
}

// houseHedge is a user rule; message is what its findings say, so that a
// report tells which version of the policy file made it.
func houseHedge(message string) string {
	return `# METADATA
# title: House hedges
# description: House style names the source instead of hedging.
# custom:
#   category: hedge
#   severity: warning
#   weight: 1
package credcheck.rules.hedge["house-hedge"]

report contains finding if {
	some m in input.matches.hearsay_hedges
	finding := {"sentence": m.sentence, "start": m.start, "end": m.end, "message": "` + message + `"}
}
`
}

func TestWatchChecksAgainOnEachChange(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	story := filepath.Join(dir, "articles", "story.md")
	rule := filepath.Join(dir, "house", "hedges.rego")
	write(t, story, cleanArticle)
	write(t, rule, houseHedge("house style: name the source"))
	s := startWatch(t, dir, "check", "--watch", "--watch-interval", "20ms", "--format", "json", "--policy", "house", "articles")

	if got := s.report(t, "first run").messages(); len(got) != 0 {
		t.Errorf("clean article: findings %q", got)
	}
	s.line(t, `^credcheck: watching \d+ paths; press Ctrl-C to stop$`)

	write(t, story, cleanArticle+"\nThe port has reportedly been sold to investors.\n")
	s.line(t, `^credcheck: articles/story\.md modified; checking again$`)
	got := s.report(t, "after adding a hedge").messages()
	if len(got) != 2 || !strings.HasPrefix(got[0], "hearsay-hedge: ") || got[1] != "house-hedge: house style: name the source" {
		t.Errorf("after adding a hedge: findings %q, want the built-in hearsay-hedge finding and the house rule's", got)
	}

	write(t, rule, "package credcheck.rules.hedge[\"house-hedge\"]\n\nreport contains x if {\n\tx := \n}\n")
	s.line(t, `^credcheck: house/hedges\.rego:\d+:\d+: rego_parse_error`)

	// The fixed rule says something new, so that the next report shows it
	// comes from a run after the fix, not from the broken policy's turn.
	write(t, rule, houseHedge("house style: name the source or cut the claim"))
	got = s.report(t, "after fixing the policy").messages()
	if len(got) != 2 || got[1] != "house-hedge: house style: name the source or cut the claim" {
		t.Errorf("after fixing the policy: findings %q, want the fixed rule's message", got)
	}

	if code := s.stop(t, os.Interrupt); code != 0 {
		t.Errorf("exit %d after Ctrl-C, want 0; standard error:\n%s", code, s.transcript())
	}
}

// TestWatchIgnoresItsOwnReports writes a Markdown report among the
// articles: were it watched, every run would set off the next.
func TestWatchIgnoresItsOwnReports(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	story := filepath.Join(dir, "articles", "story.md")
	write(t, story, cleanArticle)
	s := startWatch(t, dir, "check", "--watch", "--watch-interval", "20ms", "--format", "json", "--format", "markdown", "--output", "-", "--output", "articles/summary.md", "articles")
	s.report(t, "first run")
	s.line(t, `^credcheck: watching 1 path; press Ctrl-C to stop$`)

	write(t, story, cleanArticle+"\nThe port has reportedly been sold to investors.\n")
	// The report was written before the edit, so a run it set off would be
	// announced first.
	if got := s.line(t, `checking again$`); got != "credcheck: articles/story.md modified; checking again" {
		t.Errorf("first change seen: %q, want the article only", got)
	}
	s.report(t, "after the edit")
	if code := s.stop(t, os.Interrupt); code != 0 {
		t.Errorf("exit %d after Ctrl-C, want 0; standard error:\n%s", code, s.transcript())
	}
}

// TestWatchSessionEndsCleanlyOnSIGTERM stops a session whose checks fail:
// their status does not become the session's.
func TestWatchSessionEndsCleanlyOnSIGTERM(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "hedged.txt"), hedgedArticle)
	s := startWatch(t, dir, "check", "--watch", "--watch-interval", "20ms", "--format", "json", "hedged.txt")
	if got := s.report(t, "first run").messages(); len(got) == 0 {
		t.Errorf("hedged article: no findings")
	}
	s.line(t, `^credcheck: watching 1 path; press Ctrl-C to stop$`)
	if code := s.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit %d after SIGTERM, want 0; standard error:\n%s", code, s.transcript())
	}
}

// TestWatchUsageErrors runs each case with a deadline: a usage error that
// went unnoticed would start a session that never ends by itself.
func TestWatchUsageErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "clean.md"), cleanArticle)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--watch", "-"}, "credcheck: --watch cannot watch standard input (-)"},
		{[]string{"check", "--watch", "clean.md", "-"}, "credcheck: --watch cannot watch standard input (-)"},
		{[]string{"check", "--watch", "--write-baseline", "b.json", "clean.md"}, "credcheck: --watch cannot be combined with --write-baseline"},
		{[]string{"check", "--watch", "--format", "yaml", "clean.md"}, "credcheck: "},
		{[]string{"check", "--watch", "--fail-level", "bogus", "clean.md"}, "credcheck: "},
	}
	for _, c := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), watchPatience)
		cmd := exec.CommandContext(ctx, binary, c.args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		var exit *exec.ExitError
		code := -1
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
		if code != 2 || len(lines) != 1 || !strings.HasPrefix(lines[0], c.want) || stdout.Len() != 0 {
			t.Errorf("credcheck %s: exit %d (%v), want 2 and one line starting %q; stdout %q, stderr:\n%s", strings.Join(c.args, " "), code, err, c.want, stdout.String(), stderr.String())
		}
	}
}
