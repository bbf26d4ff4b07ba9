package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document/documenttest"
)

// TestHostileShapesEnd runs the real binary on articles shaped to make the
// engine do super-linear work. Most once took minutes and gigabytes (a
// 210 KB run-on line went past 10 GB, 20,000 one-word lines past 8 GB and
// 120 s, 50 KB of announcements and silences past 60 s, a 2 MB list
// nested ever deeper 37 s); now each must end well inside a generous bound,
// with bounded memory and output.
func TestHostileShapesEnd(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs the binary on large inputs")
	}
	dir := t.TempDir()
	cases := []struct {
		name, file, text string
		args             []string
	}{
		{"run-on line", "runon.txt", documenttest.RunOn(210 << 10), []string{"check", "--format", "json"}},
		{"one-word lines", "words.txt", documenttest.OneWordLines(20000), []string{"check", "--format", "json"}},
		{"announcements and silences", "silent.txt", documenttest.AnnouncedSilent(50 << 10), []string{"check", "--format", "json"}},
		{"nested list", "list.md", documenttest.NestedList(1 << 20), []string{"check", "--format", "json"}},
		{"parse one long line", "line.txt", documenttest.LongLine(1 << 20), []string{"parse"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			write(t, path, tc.text)
			out, rss := runBounded(t, 60*time.Second, append(tc.args, path)...)
			if rss > 1<<30 {
				t.Errorf("peak memory %d MB, want under 1 GB", rss>>20)
			}
			// Excerpts are windows of the sentence, so a report grows with
			// the findings, not with findings × sentence length.
			if limit := 100 * len(tc.text); len(out) > limit {
				t.Errorf("%d bytes of output for %d bytes of input, want at most %d", len(out), len(tc.text), limit)
			}
			if tc.args[0] != "check" {
				return
			}
			var rep struct {
				Articles []struct {
					Findings []struct {
						Rule    string `json:"rule"`
						Excerpt string `json:"excerpt"`
						Problem string `json:"problem"`
						Start   int    `json:"start"`
					} `json:"findings"`
				} `json:"articles"`
			}
			if err := json.Unmarshal(out, &rep); err != nil || len(rep.Articles) != 1 {
				t.Fatalf("report: %v (%d articles)", err, len(rep.Articles))
			}
			findings := rep.Articles[0].Findings
			if len(findings) == 0 {
				t.Fatal("no findings; the input no longer exercises the rules")
			}
			type place struct {
				rule  string
				start int
			}
			seen := map[place]bool{}
			for _, f := range findings {
				if n := utf8.RuneCountInString(f.Excerpt); n > max(checker.MaxExcerpt, checker.MaxWindow) {
					t.Fatalf("%s: excerpt of %d characters, want a window of at most %d", f.Rule, n, checker.MaxWindow)
				}
				if f.Rule == "announced-vs-no-comment" {
					// One finding per cue, whatever else contradicts it.
					p := place{f.Rule, f.Start}
					if seen[p] {
						t.Fatalf("announced-vs-no-comment reported offset %d twice", f.Start)
					}
					seen[p] = true
				}
			}
		})
	}
}

// runBounded runs the binary and fails the test when it does not exit 0
// within limit; it returns standard output and the peak resident memory.
func runBounded(t *testing.T, limit time.Duration, args ...string) ([]byte, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("credcheck %v did not finish within %v", args[:len(args)-1], limit)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	// Exit 1 is a failing score, which hostile text may well earn.
	if code := cmd.ProcessState.ExitCode(); code > 1 {
		t.Fatalf("credcheck %v: exit %d\n%s", args[:len(args)-1], code, errOut.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // kilobytes on Linux
	}
	t.Logf("%v: %v, %d MB, %d bytes out", args[:len(args)-1], time.Since(start).Round(time.Millisecond), rss>>20, out.Len())
	return out.Bytes(), rss
}
