package report_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

// glIssue is an issue as GitLab reads it: every key the Code Quality
// report must hold, and no other.
type glIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func decodeGitLab(t *testing.T, out string) []glIssue {
	t.Helper()
	var strict []map[string]any
	if err := json.Unmarshal([]byte(out), &strict); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	for _, issue := range strict {
		var keys []string
		for k := range issue {
			keys = append(keys, k)
		}
		if len(keys) != 5 {
			t.Errorf("issue has keys %v, want description, check_name, fingerprint, severity, location", keys)
		}
	}
	var issues []glIssue
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatal(err)
	}
	return issues
}

func TestGitLabCodeQuality(t *testing.T) {
	r := sampleReport()
	credit := marked("primary-source", finding.CreditCategory, finding.Info, "The figures were published by the regulator.", "published by the regulator", 13, 18, "cites a primary source")
	r.Articles[0].Findings = append(r.Articles[0].Findings, credit)
	out := write(t, "gitlab", r, report.Options{})
	issues := decodeGitLab(t, out)

	type row struct {
		Check, Severity, Path string
		Line                  int
	}
	var got []row
	fingerprints := map[string]bool{}
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, is := range issues {
		got = append(got, row{is.CheckName, is.Severity, is.Location.Path, is.Location.Lines.Begin})
		if !hex32.MatchString(is.Fingerprint) || fingerprints[is.Fingerprint] {
			t.Errorf("fingerprint %q is not 32 hex digits or not unique", is.Fingerprint)
		}
		fingerprints[is.Fingerprint] = true
		if is.Description == "" {
			t.Errorf("%s has no description", is.CheckName)
		}
	}
	// Suppressed findings and credits are left out; the JSON Lines record's findings
	// point at the record's line; inputs that could not be read rank
	// above every finding; an error without a line points at line 1.
	want := []row{
		{"credcheck/hearsay-hedge", "major", "fixtures/deal.txt", 1},
		{"credcheck/vague-source", "minor", "fixtures/deal.txt", 5},
		{"credcheck/loaded-language", "info", "fixtures/deal.txt", 7},
		{"credcheck/stale-suppression", "minor", "fixtures/deal.txt", 11},
		{"credcheck/number-mismatch", "minor", "wire.jsonl", 2},
		{"credcheck/number-mismatch", "minor", "wire.jsonl", 2},
		{"credcheck/input-error", "critical", "wire.jsonl", 5},
		{"credcheck/input-error", "critical", "missing.md", 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	if issues[4].Description != "record r2, line 3, column 5: gives the deal as $2.4 billion, but line 4 gives $3.1 billion" {
		t.Errorf("a record's finding does not say where in the record it is: %q", issues[4].Description)
	}

	// Same input, same bytes; moving a finding to another line keeps its
	// fingerprint, so GitLab does not take it for a new issue.
	if again := write(t, "gitlab", sampleReport(), report.Options{}); again != out {
		t.Error("two runs differ")
	}
	moved := sampleReport()
	moved.Articles[0].Findings[0].Line += 10
	if got := decodeGitLab(t, write(t, "gitlab", moved, report.Options{})); got[0].Fingerprint != issues[0].Fingerprint || got[0].Location.Lines.Begin != 11 {
		t.Errorf("moved finding: fingerprint %s line %d, want %s line 11", got[0].Fingerprint, got[0].Location.Lines.Begin, issues[0].Fingerprint)
	}

	// The same sentence twice gives two issues, which GitLab shows only
	// if their fingerprints differ.
	twice := sampleReport()
	dup := *twice.Articles[0].Findings[1]
	dup.Line = 20
	twice.Articles[0].Findings = append(twice.Articles[0].Findings, &dup)
	seen := map[string]bool{}
	for _, is := range decodeGitLab(t, write(t, "gitlab", twice, report.Options{})) {
		if seen[is.Fingerprint] {
			t.Errorf("repeated finding shares fingerprint %s", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
}

func TestGitLabEmptyAndUnscored(t *testing.T) {
	if out := write(t, "gitlab", &report.Report{}, report.Options{}); out != "[]\n" {
		t.Errorf("empty report = %q, want an empty array", out)
	}
	issues := decodeGitLab(t, write(t, "gitlab", unscoredReport(), report.Options{}))
	last := issues[len(issues)-3] // before the two input errors
	if last.CheckName != "credcheck/not-scored" || last.Severity != "info" || last.Location.Path != "news/de.md" {
		t.Errorf("unscored article: %+v", last)
	}
}
