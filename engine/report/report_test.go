package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/report"
)

func sev(s finding.Severity) *finding.Finding { return &finding.Finding{Severity: s} }

// gateReport has a text article at 80 with a warning and an info, a JSON
// Lines record at 55 with an error, and a clean Markdown article at 100.
func gateReport() *report.Report {
	return &report.Report{Articles: []*report.Article{
		{ID: "a.txt", Path: "a.txt", Format: article.Text, Scorecard: card(80, "B", 20), Findings: []*finding.Finding{sev(finding.Warning), sev(finding.Info)}},
		{ID: "r2", Path: "b.jsonl", Line: 2, Format: article.JSONLines, Scorecard: card(55, "D", 45), Findings: []*finding.Finding{sev(finding.Error)}},
		{ID: "c.md", Path: "c.md", Format: article.Markdown, Scorecard: card(100, "A", 0)},
	}}
}

func TestGateFailuresAndExitCode(t *testing.T) {
	inputErr := []*article.InputError{{Path: "gone.txt", Reason: "no such file or directory"}}
	cases := []struct {
		name   string
		gate   report.Gate
		errors []*article.InputError
		want   []string
		exit   int
	}{
		{name: "no gate", gate: report.Gate{}, exit: report.ExitClean},
		{name: "fail on errors", gate: report.Gate{FailRank: finding.Error.Rank()},
			want: []string{"b.jsonl#r2: 1 finding(s) at or above error"}, exit: report.ExitFailed},
		{name: "fail on warnings", gate: report.Gate{FailRank: finding.Warning.Rank()},
			want: []string{"a.txt: 1 finding(s) at or above warning", "b.jsonl#r2: 1 finding(s) at or above warning"}, exit: report.ExitFailed},
		{name: "fail on info", gate: report.Gate{FailRank: finding.Info.Rank()},
			want: []string{"a.txt: 2 finding(s) at or above info", "b.jsonl#r2: 1 finding(s) at or above info"}, exit: report.ExitFailed},
		{name: "fail under 60", gate: report.Gate{FailUnder: 60},
			want: []string{"b.jsonl#r2: score 55 is below 60"}, exit: report.ExitFailed},
		{name: "fail under the lowest score exactly passes", gate: report.Gate{FailUnder: 55}, exit: report.ExitClean},
		{name: "fail under a fraction", gate: report.Gate{FailUnder: 80.5},
			want: []string{"a.txt: score 80 is below 80.5", "b.jsonl#r2: score 55 is below 80.5"}, exit: report.ExitFailed},
		{name: "both reasons on one line", gate: report.Gate{FailRank: finding.Error.Rank(), FailUnder: 60},
			want: []string{"b.jsonl#r2: 1 finding(s) at or above error; score 55 is below 60"}, exit: report.ExitFailed},
		{name: "input error with a passing gate", gate: report.Gate{}, errors: inputErr, exit: report.ExitError},
		{name: "input error wins over a failing gate", gate: report.Gate{FailRank: finding.Info.Rank(), FailUnder: 99}, errors: inputErr,
			want: []string{"a.txt: 2 finding(s) at or above info; score 80 is below 99", "b.jsonl#r2: 1 finding(s) at or above info; score 55 is below 99"},
			exit: report.ExitError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := gateReport()
			r.Errors = c.errors
			if diff := cmp.Diff(c.want, c.gate.Failures(r)); diff != "" {
				t.Errorf("Failures (-want +got):\n%s", diff)
			}
			if got := c.gate.ExitCode(r); got != c.exit {
				t.Errorf("ExitCode = %d, want %d", got, c.exit)
			}
		})
	}
}

func TestExitCodeValues(t *testing.T) {
	// The README documents 0, 1 and 2; scripts depend on the numbers.
	if report.ExitClean != 0 || report.ExitFailed != 1 || report.ExitError != 2 {
		t.Errorf("exit codes %d %d %d, want 0 1 2", report.ExitClean, report.ExitFailed, report.ExitError)
	}
	if got := (report.Gate{FailRank: 3, FailUnder: 50}).ExitCode(&report.Report{}); got != report.ExitClean {
		t.Errorf("empty report exits %d, want 0", got)
	}
}

func TestSummarize(t *testing.T) {
	r := gateReport()
	r.Errors = []*article.InputError{{Path: "x", Reason: "r"}, {Path: "y", Line: 3, Reason: "r"}}
	want := report.Summary{
		Articles: 3, Findings: 3, Errors: 1, Warnings: 1, Infos: 1, InputErrors: 2,
		MeanScore:   78.3, // (80 + 55 + 100) / 3 = 78.33…
		LowestScore: 55, LowestArticle: "b.jsonl#r2",
		Grades: map[string]int{"A": 1, "B": 1, "D": 1},
	}
	if diff := cmp.Diff(want, r.Summarize()); diff != "" {
		t.Errorf("Summarize (-want +got):\n%s", diff)
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	cases := []struct {
		name string
		r    *report.Report
		want report.Summary
	}{
		{
			name: "empty report",
			r:    &report.Report{Errors: []*article.InputError{{Path: "x", Reason: "r"}}},
			want: report.Summary{InputErrors: 1, Grades: map[string]int{}},
		},
		{
			name: "the first of equally low articles is the lowest",
			r: &report.Report{Articles: []*report.Article{
				{ID: "one.txt", Path: "one.txt", Scorecard: card(70, "C", 30)},
				{ID: "two.txt", Path: "two.txt", Scorecard: card(70, "C", 30)},
			}},
			want: report.Summary{Articles: 2, MeanScore: 70, LowestScore: 70, LowestArticle: "one.txt", Grades: map[string]int{"C": 2}},
		},
		{
			name: "a perfect article is still the lowest of one",
			r:    &report.Report{Articles: []*report.Article{{ID: "p.md", Path: "p.md", Scorecard: card(100, "A", 0)}}},
			want: report.Summary{Articles: 1, MeanScore: 100, LowestScore: 100, LowestArticle: "p.md", Grades: map[string]int{"A": 1}},
		},
		{
			name: "mean rounds to one decimal",
			r: &report.Report{Articles: []*report.Article{
				{Path: "a", Scorecard: card(90, "A", 10)}, {Path: "b", Scorecard: card(91, "A", 9)}, {Path: "c", Scorecard: card(91, "A", 9)},
				{Path: "d", Scorecard: card(91, "A", 9)}, {Path: "e", Scorecard: card(91, "A", 9)}, {Path: "f", Scorecard: card(91, "A", 9)},
			}},
			// 545 / 6 = 90.833…
			want: report.Summary{Articles: 6, MeanScore: 90.8, LowestScore: 90, LowestArticle: "a", Grades: map[string]int{"A": 6}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, c.r.Summarize()); diff != "" {
				t.Errorf("Summarize (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLocation(t *testing.T) {
	cases := []struct {
		a    report.Article
		want string
	}{
		{report.Article{ID: "a.txt", Path: "a.txt", Format: article.Text}, "a.txt"},
		{report.Article{ID: "a.md", Path: "a.md", Format: article.Markdown}, "a.md"},
		{report.Article{ID: "story-7", Path: "feeds/wire.jsonl", Line: 7, Format: article.JSONLines}, "feeds/wire.jsonl#story-7"},
		{report.Article{ID: "-", Path: "-", Format: article.Text}, "-"},
	}
	for _, c := range cases {
		if got := c.a.Location(); got != c.want {
			t.Errorf("Location(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	formats := report.Formats()
	for _, f := range []string{"json", "text"} {
		if indexOf(formats, f) < 0 {
			t.Errorf("Formats() = %v, missing %q", formats, f)
		}
		if err := report.CheckFormat(f); err != nil {
			t.Errorf("CheckFormat(%q) = %v", f, err)
		}
	}
	if !sortedStrings(formats) {
		t.Errorf("Formats() = %v, not sorted", formats)
	}
	want := `unknown format "xml" (formats: ` + strings.Join(formats, ", ") + ")"
	if err := report.CheckFormat("xml"); err == nil || err.Error() != want {
		t.Errorf("CheckFormat(xml) = %v, want %q", err, want)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, "JSON", sampleReport(), report.Options{}); err == nil || !strings.Contains(err.Error(), "(formats: ") {
		t.Errorf("Write with format JSON = %v, want an unknown-format error listing formats", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write with an unknown format wrote %q", buf.String())
	}
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func sortedStrings(xs []string) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i-1] > xs[i] {
			return false
		}
	}
	return true
}

func TestGatePerPathThresholdsAndSuppressedFindings(t *testing.T) {
	dir := t.TempDir()
	opinion, err := pathglob.New(dir, []string{"opinion/**"})
	if err != nil {
		t.Fatal(err)
	}
	column, err := pathglob.New(dir, []string{"opinion/column.md"})
	if err != nil {
		t.Fatal(err)
	}
	none, warning := 0, finding.Warning.Rank()
	forty, seventy := 40.0, 70.0
	gate := report.Gate{FailRank: finding.Warning.Rank(), FailUnder: 60, Paths: []report.PathGate{
		{Paths: opinion, FailRank: &none, FailUnder: &forty},
		{Paths: column, FailUnder: &seventy}, // later entries win, and keep what they do not set
	}}
	news := &report.Article{ID: "n", Path: dir + "/news/a.md", Scorecard: card(55, "D", 45), Findings: []*finding.Finding{sev(finding.Warning)}}
	essay := &report.Article{ID: "e", Path: dir + "/opinion/essay.md", Scorecard: card(55, "D", 45), Findings: []*finding.Finding{sev(finding.Error)}}
	col := &report.Article{ID: "c", Path: dir + "/opinion/column.md", Scorecard: card(65, "C", 35), Findings: []*finding.Finding{sev(finding.Error)}}
	quiet := sev(finding.Error)
	quiet.Suppressed = &finding.Suppression{Kind: finding.SuppressedBaseline}
	known := &report.Article{ID: "k", Path: dir + "/news/known.md", Scorecard: card(100, "A", 0), Findings: []*finding.Finding{quiet}}

	for _, c := range []struct {
		a          *report.Article
		rank       int
		under      float64
		firstFails bool
	}{
		{news, warning, 60, true},
		{essay, none, 40, false},
		{col, none, 70, false},
		{known, warning, 60, false},
	} {
		rank, under := gate.For(c.a)
		if rank != c.rank || under != c.under {
			t.Errorf("%s: For = (%d, %g), want (%d, %g)", c.a.Path, rank, under, c.rank, c.under)
		}
		if got := gate.Fails(c.a, c.a.Findings[0]); got != c.firstFails {
			t.Errorf("%s: Fails = %v, want %v", c.a.Path, got, c.firstFails)
		}
	}
	r := &report.Report{Articles: []*report.Article{news, essay, col, known}}
	want := []string{
		news.Path + ": 1 finding(s) at or above warning; score 55 is below 60",
		col.Path + ": score 65 is below 70",
	}
	if diff := cmp.Diff(want, gate.Failures(r)); diff != "" {
		t.Errorf("Failures (-want +got):\n%s", diff)
	}
	if s := r.Summarize(); s.Findings != 3 || s.Errors != 2 || s.Suppressed != 1 {
		t.Errorf("Summarize = %+v: want 3 counting findings (2 errors) and 1 suppressed", s)
	}
}
