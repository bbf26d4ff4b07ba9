package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

func TestSARIFLeavesSuppressedFindingsOut(t *testing.T) {
	r := sarifSample()
	deal := r.Articles[0]
	deal.Findings[1].Suppressed = &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: ".credcheck-baseline.json"}
	counted, all := 0, 0
	for _, a := range r.Articles {
		for _, f := range a.Findings {
			all++
			if f.Counts() {
				counted++
			}
		}
	}
	_, run := writeSARIF(t, r, sampleOptions)
	if len(run.Results) != counted {
		t.Errorf("%d results, want the %d findings that count", len(run.Results), counted)
	}
	for _, res := range run.Results {
		if len(res.Suppressions) > 0 {
			t.Errorf("result %s carries suppressions %+v though suppressed findings are left out", res.RuleID, res.Suppressions)
		}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if last := notes[len(notes)-1]; last.Message.Text != "2 suppressed findings left out (--include-suppressed keeps them)" {
		t.Errorf("last notification %q, want the count of suppressed findings left out", last.Message.Text)
	}
	_, run = writeSARIF(t, r, withSuppressed)
	if len(run.Results) != all {
		t.Errorf("with IncludeSuppressed: %d results, want all %d findings", len(run.Results), all)
	}
}

func TestSARIFIsCompact(t *testing.T) {
	r := sarifSample()
	// A parameter that looks like a default is the user's value and stays.
	r.Rules[3].Params = map[string]any{"words": []any{}, "min": -1, "enabled": true}
	out, run := writeSARIF(t, r, withSuppressed)
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the log is not one line: %d newlines", strings.Count(out, "\n"))
	}
	for _, dflt := range []string{`[]`, `:-1`, `{}`, `"kind":"fail"`, `"enabled":true,"level"`, `"isComprehensive"`, `"newlineSequences"`, `"en-US"`} {
		without := strings.Replace(out, `"parameters":{"enabled":true,"min":-1,"words":[]}`, "", 1)
		if strings.Contains(without, dflt) {
			t.Errorf("the log writes the default %s", dflt)
		}
	}
	if !strings.Contains(out, `"parameters":{"enabled":true,"min":-1,"words":[]}`) {
		t.Errorf("rule parameters were changed:\n%s", out)
	}
	if got := run.Tool.Driver.Rules[3].DefaultConfiguration.Parameters; got["min"] != -1.0 {
		t.Errorf("parameters %v", got)
	}
	// An empty run keeps its empty results: GitHub requires them.
	if out := write(t, "sarif", &report.Report{}, report.Options{}); !strings.Contains(out, `"results":[]`) {
		t.Errorf("an empty run lost its results array:\n%s", out)
	}
}

func TestSARIFRefusesMoreResultsThanGitHubTakes(t *testing.T) {
	t.Parallel()
	var findings []*finding.Finding
	for i := range 25_001 {
		findings = append(findings, marked("loaded-language", "editorial", finding.Info, fmt.Sprintf("Sentence %d is clearly long.", i), "clearly", i+1, 13, "m"))
	}
	r := &report.Report{Articles: []*report.Article{{ID: "big.md", Path: "big.md", Findings: findings}}}
	var buf bytes.Buffer
	err := report.Write(&buf, "sarif", r, report.Options{})
	if err == nil || !strings.Contains(err.Error(), "25001 results, more than the 25000 GitHub code scanning accepts in one run") ||
		!strings.Contains(err.Error(), "--baseline") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v, want one line naming the limit and what to do", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before the error", buf.Len())
	}
	// Suppressed findings are left out, so a baseline brings the log back
	// under the limit.
	for _, f := range findings[:2] {
		f.Suppressed = &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: "b.json"}
	}
	if err := report.Write(&buf, "sarif", r, report.Options{}); err != nil {
		t.Errorf("with two findings baselined: %v", err)
	}
}

func TestSARIFLeavesCreditsOut(t *testing.T) {
	r := sarifSample()
	deal := r.Articles[0]
	credit := marked("named-source", finding.CreditCategory, finding.Info, "Mira Osei, the firm's chief engineer, said the cells passed.", "Mira Osei", 13, 1,
		"a named source with a role")
	deal.Findings = append(deal.Findings, credit)
	_, run := writeSARIF(t, r, sampleOptions)
	for _, res := range run.Results {
		if res.RuleID == "named-source" {
			t.Errorf("a credit is a result by default: %+v", res)
		}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if last := notes[len(notes)-1]; last.Message.Text != "1 credit left out (--include-credits keeps them)" {
		t.Errorf("last notification %q, want the count of credits left out", last.Message.Text)
	}
	with := sampleOptions
	with.IncludeCredits = true
	_, run = writeSARIF(t, r, with)
	kept := 0
	for _, res := range run.Results {
		if res.RuleID == "named-source" {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("with IncludeCredits: %d named-source results, want 1", kept)
	}
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		if strings.Contains(n.Message.Text, "credit") {
			t.Errorf("with IncludeCredits the log still says %q", n.Message.Text)
		}
	}
}
