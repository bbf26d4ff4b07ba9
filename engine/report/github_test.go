package report_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

const sampleGitHub = `::notice title=credcheck::house/hedge.rego replaces the built-in rule hearsay-hedge
::error file=fixtures/deal.txt,line=1,col=16,endLine=1,endColumn=26,title=credcheck hearsay-hedge::the headline rests on "Reportedly": say who reported or claimed it, or verify it
::warning file=fixtures/deal.txt,line=5,col=1,endLine=5,endColumn=32,title=credcheck vague-source::"People familiar with the matter": an anonymous source; say why they cannot be named, or describe them precisely
::notice file=fixtures/deal.txt,line=7,col=10,endLine=7,endColumn=17,title=credcheck loaded-language::"clearly" tells the reader what to think
::warning file=fixtures/deal.txt,line=11,title=credcheck stale suppression::suppresses no finding; remove it: <!-- credcheck-disable vague-source -->
::warning file=wire.jsonl,line=2,title=credcheck number-mismatch::record r2, line 3, column 5: gives the deal as $2.4 billion, but line 4 gives $3.1 billion
::warning file=wire.jsonl,line=2,title=credcheck number-mismatch::record r2, line 4, column 23: gives the deal as $3.1 billion, but line 3 gives $2.4 billion
::error file=wire.jsonl,line=5::record has no "text"
::error file=missing.md::no such file or directory
credcheck: 2 articles checked, 5 findings (1 error, 3 warnings, 1 info), 1 suppressed; mean score 91; 2 inputs could not be checked; failed (2 articles)
`

// The suppressed "disaster" finding gets no annotation: suppressing it was
// the point.
func TestGitHubReport(t *testing.T) {
	if diff := cmp.Diff(sampleGitHub, write(t, "github", sampleReport(), sampleOptions)); diff != "" {
		t.Errorf("github report (-want +got):\n%s", diff)
	}
}

func TestGitHubSummaryLine(t *testing.T) {
	r := sampleReport()
	r.Errors, r.Notices = nil, nil
	lines := strings.Split(strings.TrimSuffix(write(t, "github", r, report.Options{}), "\n"), "\n")
	want := "credcheck: 2 articles checked, 5 findings (1 error, 3 warnings, 1 info), 1 suppressed; mean score 91; passed"
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("summary line = %q, want %q", got, want)
	}
}

func ghArticle(path string, f *finding.Finding) *report.Report {
	return &report.Report{Articles: []*report.Article{{ID: path, Path: path, Format: article.Text, Scorecard: card(90, "A", 10), Findings: []*finding.Finding{f}}}}
}

// Escaping follows @actions/core: the message escapes %, CR and LF; a
// property value escapes ':' and ',' too.
func TestGitHubEscaping(t *testing.T) {
	f := marked("hearsay-hedge", "hedge", finding.Warning, "Sources say 50% agree.", "Sources say", 3, 1,
		"100% sure:\r\nno, really, a\nnew line ::error::injected")
	f.Rule = "house:rule,x"
	out := write(t, "github", ghArticle("news/a:b,c%d.md", f), report.Options{})
	want := "::warning file=news/a%3Ab%2Cc%25d.md,line=3,col=1,endLine=3,endColumn=12,title=credcheck house%3Arule%2Cx::100%25 sure:%0D%0Ano, really, a%0Anew line ::error::injected\n"
	if got := strings.SplitAfter(out, "\n")[0]; got != want {
		t.Errorf("escaped command\n got %q\nwant %q", got, want)
	}
	// However hostile the article, it adds no line of its own: one command
	// and the summary.
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("output has %d lines, want 2:\n%s", n, out)
	}
}

func TestGitHubColumnsOnlyOnOneLine(t *testing.T) {
	cases := []struct {
		name                       string
		line, col, endLine, endCol int
		want                       string
	}{
		{"one line", 4, 2, 4, 9, "file=a.txt,line=4,col=2,endLine=4,endColumn=9"},
		// The runner drops an annotation with columns over several lines.
		{"several lines", 4, 20, 5, 3, "file=a.txt,line=4,endLine=5"},
		{"no end", 4, 2, 0, 0, "file=a.txt,line=4,col=2"},
		// And one whose end column is before its start.
		{"end column before start", 4, 9, 4, 2, "file=a.txt,line=4,col=9,endLine=4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &finding.Finding{Rule: "r", Severity: finding.Error, Message: "m", Line: c.line, Column: c.col, EndLine: c.endLine, EndColumn: c.endCol}
			out := write(t, "github", ghArticle("a.txt", f), report.Options{})
			if want := "::error " + c.want + ",title=credcheck r::m\n"; !strings.HasPrefix(out, want) {
				t.Errorf("got %q, want it to start %q", out, want)
			}
		})
	}
}

func TestGitHubStepSummaryAppends(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.md")
	earlier := "## Build\n\nall green" // another step's summary, no final newline
	if err := os.WriteFile(path, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := sampleOptions
	opts.StepSummary = path
	stdout := write(t, "github", sampleReport(), opts)
	if stdout != sampleGitHub {
		t.Errorf("with a step summary, standard output changed (-want +got):\n%s", cmp.Diff(sampleGitHub, stdout))
	}
	scorecard := write(t, "markdown", sampleReport(), sampleOptions)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(earlier+"\n"+scorecard, string(got)); diff != "" {
		t.Errorf("step summary after one run (-want +got):\n%s", diff)
	}
	write(t, "github", sampleReport(), opts)
	got, _ = os.ReadFile(path)
	if diff := cmp.Diff(earlier+"\n"+scorecard+"\n"+scorecard, string(got)); diff != "" {
		t.Errorf("step summary after two runs (-want +got):\n%s", diff)
	}
}

func TestGitHubStepSummaryCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.md")
	opts := sampleOptions
	opts.StepSummary = path
	write(t, "github", sampleReport(), opts)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("step summary not created: %v", err)
	}
	if want := write(t, "markdown", sampleReport(), sampleOptions); string(got) != want {
		t.Errorf("new step summary (-want +got):\n%s", cmp.Diff(want, string(got)))
	}
}

func TestGitHubStepSummaryError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "summary.md")
	var out strings.Builder
	err := report.Write(&out, "github", sampleReport(), report.Options{StepSummary: path})
	if err == nil || strings.Count(err.Error(), path) != 1 || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error = %v, want a missing-file error naming %s once", err, path)
	}
	// The annotations were already written; only the summary is missing.
	if !strings.Contains(out.String(), "::error file=fixtures/deal.txt,line=1") {
		t.Errorf("annotations missing after a summary error:\n%s", out.String())
	}
}
