package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report/reporttest"
)

// The sample newsroom repository the CI tests run against: clean and flawed
// news, an opinion column held to looser thresholds, an article that
// switches a finding off, and a wire feed.
var newsroom = map[string]string{
	"news/port-strike.md": cleanArticle,
	"news/port-sale.md": `# Port of Ardmore reportedly sold

The Port of Ardmore has reportedly been sold to a group of investors.

Harbour fees rose 14% last year. People familiar with the matter said the
buyers plan to double them.
`,
	"opinion/column.md": `# The harbour deserves better

The sale of the port is a disgraceful betrayal of the town. Fees will
apparently double, and the council has said nothing.
`,
	"news/quoted.md": `# Council votes on harbour fees

The council voted 7-2 on Tuesday to cap harbour fees, the clerk said.

<!-- credcheck-disable-next-line hearsay-hedge -- the buyer's own word, checked with the clerk -->
The buyer has reportedly accepted the cap.

<!-- credcheck-disable vague-source -->
`,
	"wire/feed.jsonl": `{"id": "w1", "text": "The ferry company said on Monday it would add two sailings a day."}
{"id": "w2", "text": "The ferry operator is reportedly in talks to buy a second vessel."}
`,
}

const newsroomConfig = `fail-level: warning
overrides:
  - paths: ["opinion/**"]
    fail-level: none
    fail-under: 30
ignore:
  - rules: [editorial]
    paths: ["opinion/**"]
    reason: columns take sides
  - rules: [machine]
    paths: ["letters/**"]
  - rules: [boilerplate]
    paths: ["news/**"]
`

func newsroomRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range newsroom {
		write(t, filepath.Join(dir, name), text)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), newsroomConfig)
	return dir
}

// fullReport is the part of the JSON report these tests read.
type fullReport struct {
	Articles []struct {
		ID        string  `json:"id"`
		Path      string  `json:"path"`
		Score     int     `json:"score"`
		Deduction float64 `json:"deduction"`
		Findings  []struct {
			Rule        string  `json:"rule"`
			Category    string  `json:"category"`
			Line        int     `json:"line"`
			Column      int     `json:"column"`
			EndLine     int     `json:"end_line"`
			Cue         string  `json:"cue"`
			Points      float64 `json:"points"`
			Fingerprint string  `json:"fingerprint"`
			Suppressed  *struct {
				Kind   string `json:"kind"`
				Reason string `json:"reason"`
			} `json:"suppressed"`
		} `json:"findings"`
		Stale []struct {
			Line   int    `json:"line"`
			Reason string `json:"reason"`
		} `json:"stale_suppressions"`
	} `json:"articles"`
	Notices []string `json:"notices"`
	Summary struct {
		Articles   int  `json:"articles"`
		Findings   int  `json:"findings"`
		Suppressed int  `json:"suppressed"`
		Failed     bool `json:"failed"`
	} `json:"summary"`
}

func decodeFull(t *testing.T, data string) fullReport {
	t.Helper()
	var r fullReport
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		t.Fatalf("not the JSON report: %v\n%.300s", err, data)
	}
	return r
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSeveralFormatsInOneRun(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	// The output's directory is created; the other format goes to stdout.
	r := credcheck(t, dir, nil, "", "check", "--format", "json", "--output", "out/report.json", "--format", "text", "news/")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	rep := decodeFull(t, readFile(t, filepath.Join(dir, "out/report.json")))
	if rep.Summary.Articles != 3 || !strings.Contains(r.stdout, "3 articles checked") {
		t.Errorf("json file has %d articles; text on stdout:\n%s", rep.Summary.Articles, tail(r.stdout))
	}
	if strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Error("standard output holds JSON, not the text format")
	}

	// A file that cannot be written is an error (exit 2) naming it; the
	// other format is still written.
	write(t, filepath.Join(dir, "blocked"), "a file where a directory should be")
	r = credcheck(t, dir, nil, "", "check", "--format", "json", "--output", "blocked/report.json", "--format", "text", "news/")
	if r.code != 2 || !strings.Contains(r.stderr, "blocked") || !strings.Contains(r.stdout, "3 articles checked") {
		t.Errorf("unwritable output: exit %d, want 2 naming it with the text report written\n%s\n%s", r.code, r.stderr, tail(r.stdout))
	}

	// Formats given on the command line are not paired with the outputs
	// of the configuration file.
	write(t, filepath.Join(dir, "paired/.credcheck.yaml"), "format: [text, sarif]\noutput: [-, reports/credcheck.sarif]\n")
	write(t, filepath.Join(dir, "paired/a.md"), hedgedArticle)
	r = credcheck(t, filepath.Join(dir, "paired"), nil, "", "check", "--format", "json", "a.md")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("--format json with configured outputs: exit %d, stdout %.80q\n%s", r.code, r.stdout, r.stderr)
	}
	r = credcheck(t, filepath.Join(dir, "paired"), nil, "", "check", "a.md")
	if r.code != 1 || !strings.Contains(r.stdout, "1 article checked") || !strings.Contains(readFile(t, filepath.Join(dir, "paired/reports/credcheck.sarif")), `"version":"2.1.0"`) {
		t.Errorf("configured formats and outputs: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	for _, bad := range [][]string{
		{"--format", "json", "--format", "text"},                                   // both to stdout
		{"--format", "json", "--output", "a", "--output", "b"},                     // more outputs than formats
		{"--format", "json", "--output", "a", "--format", "text", "--output", "a"}, // one file twice
	} {
		args := append(append([]string{"check"}, bad...), "news/")
		if r := credcheck(t, dir, nil, "", args...); r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("credcheck %s: exit %d, want 2 with one error line\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

func TestSuppressionsInArticlesAndConfiguration(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	r := credcheck(t, dir, nil, "", "check", "--format", "json", ".")
	rep := decodeFull(t, r.stdout)
	byPath := map[string]int{}
	for i, a := range rep.Articles {
		byPath[a.ID] = i
	}

	quoted := rep.Articles[byPath["news/quoted.md"]]
	var inline, counted int
	for _, f := range quoted.Findings {
		switch {
		case f.Suppressed != nil && f.Suppressed.Kind == "inline":
			inline++
			if f.Rule != "hearsay-hedge" || f.Line != 6 || f.Points != 0 || !strings.Contains(f.Suppressed.Reason, "the buyer's own word") {
				t.Errorf("inline suppression = %+v", f)
			}
		case f.Suppressed == nil && f.Category != finding.CreditCategory:
			counted++
		}
	}
	// Nothing costs points: the score is the base plus what credits earn.
	if inline != 1 || quoted.Deduction > 0 || counted != 0 {
		t.Errorf("news/quoted.md: %d inline suppressions, %d counting findings, deduction %v; want 1, 0, at most 0", inline, counted, quoted.Deduction)
	}
	if len(quoted.Stale) != 1 || quoted.Stale[0].Line != 8 || !strings.Contains(quoted.Stale[0].Reason, "suppresses no finding") {
		t.Errorf("stale suppressions = %+v, want the unused comment on line 8", quoted.Stale)
	}

	column := rep.Articles[byPath["opinion/column.md"]]
	var configured int
	for _, f := range column.Findings {
		if f.Suppressed != nil && f.Suppressed.Kind == "config" && f.Suppressed.Reason == "ignore[0]: columns take sides" {
			configured++
		} else if f.Rule == "loaded-language" {
			t.Errorf("editorial finding in opinion/ not ignored: %+v", f)
		}
	}
	if configured == 0 {
		t.Error("the ignore entry suppressed nothing in opinion/column.md")
	}
	// ignore[1] covers letters/, which this run did not reach: not judged.
	// ignore[2] covered the news articles and suppressed nothing.
	if !cmp.Equal(rep.Notices, []string{"configuration ignore[2] (boilerplate in news/**) suppressed no finding; remove it"}) {
		t.Errorf("notices = %q, want only the entry that covered articles and suppressed nothing", rep.Notices)
	}
	if rep.Summary.Suppressed != inline+configured {
		t.Errorf("summary suppressed = %d, want %d", rep.Summary.Suppressed, inline+configured)
	}

	text := credcheck(t, dir, nil, "", "check", "news/quoted.md")
	if !strings.Contains(text.stdout, "news/quoted.md:8: warning: suppresses no finding; remove it <!-- credcheck-disable vague-source -->") {
		t.Errorf("text report lacks the stale comment:\n%s", text.stdout)
	}
	if strings.Contains(text.stdout, "[hearsay-hedge]") || !strings.Contains(text.stdout, "(1 suppressed)") {
		t.Errorf("text report shows the suppressed finding or hides the count:\n%s", text.stdout)
	}
}

func TestPerPathThresholds(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	// The column has findings and a low score, but opinion/ fails on
	// neither unless it drops under 30.
	if r := credcheck(t, dir, nil, "", "check", "opinion/"); r.code != 0 {
		t.Errorf("opinion/: exit %d, want 0\n%s", r.code, tail(r.stdout))
	}
	r := credcheck(t, dir, nil, "", "check", "opinion/", "news/port-sale.md")
	if r.code != 1 || !strings.Contains(r.stdout, "FAIL news/port-sale.md") || strings.Contains(r.stdout, "FAIL opinion/") {
		t.Errorf("exit %d; want 1 for the news article only:\n%s", r.code, tail(r.stdout))
	}
	// The overrides are relative to the configuration file, not to the
	// working directory.
	if r := credcheck(t, filepath.Join(dir, "opinion"), nil, "", "check", "column.md"); r.code != 0 {
		t.Errorf("from inside opinion/: exit %d, want 0\n%s", r.code, tail(r.stdout))
	}
}

func fingerprints(t *testing.T, rep fullReport, suppressed bool) []string {
	var out []string
	for _, a := range rep.Articles {
		for _, f := range a.Findings {
			if f.Category == finding.CreditCategory {
				continue // credits for good sourcing are not problems to baseline
			}
			if (f.Suppressed != nil && f.Suppressed.Kind == "baseline") == suppressed && (suppressed || f.Suppressed == nil) {
				out = append(out, a.ID+" "+f.Rule+" "+f.Fingerprint)
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestBaselineSuppressesExactlyTheOldFindings(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	// The baseline's directory is created, and the run is judged against
	// what it recorded: nothing fails, not even a score threshold.
	w := credcheck(t, dir, nil, "", "check", "--format", "json", "--fail-under", "50", "--write-baseline", "ci/baseline.json", "news/", "wire/")
	if w.code != 0 {
		t.Fatalf("--write-baseline: exit %d, want 0 (every finding is now known)\n%s", w.code, w.stderr)
	}
	before := decodeFull(t, w.stdout)
	for _, a := range before.Articles {
		if a.Deduction > 0 {
			t.Errorf("%s loses %v points after --write-baseline, want none: known findings cost nothing", a.ID, a.Deduction)
		}
	}
	old := fingerprints(t, before, true)
	if len(old) < 4 {
		t.Fatalf("baseline holds only %v", old)
	}

	// Unrelated paragraphs inserted above the old findings, lines
	// re-wrapped, and one new problem.
	sale := readFile(t, filepath.Join(dir, "news/port-sale.md"))
	sale = strings.Replace(sale, "The Port of Ardmore has", "The harbour master opened the port to visitors on Sunday, she said.\n\nThe  Port of Ardmore has", 1)
	sale = strings.Replace(sale, "People familiar with the matter said the\nbuyers", "People familiar with the matter said the buyers", 1)
	sale += "\nThe buyers allegedly hid the deal from the council.\n"
	write(t, filepath.Join(dir, "news/port-sale.md"), sale)
	write(t, filepath.Join(dir, "wire/feed.jsonl"), `{"id": "w0", "text": "The harbour reopened on Sunday, the port authority said."}
`+newsroom["wire/feed.jsonl"])

	r := credcheck(t, dir, nil, "", "check", "--format", "json", "--baseline", "ci/baseline.json", "news/", "wire/")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 for the new finding\n%s", r.code, r.stderr)
	}
	after := decodeFull(t, r.stdout)
	if diff := cmp.Diff(old, fingerprints(t, after, true)); diff != "" {
		t.Errorf("baselined findings after the edit (-before +after):\n%s", diff)
	}
	fresh := fingerprints(t, after, false)
	if len(fresh) != 1 || !strings.Contains(fresh[0], "news/port-sale.md hearsay-hedge") {
		t.Errorf("counting findings = %v, want only the new allegation", fresh)
	}

	// The baseline is found relative to the configuration file too, and
	// a run from another directory uses it the same way.
	write(t, filepath.Join(dir, ".credcheck.yaml"), newsroomConfig+"baseline: ci/baseline.json\n")
	again := credcheck(t, filepath.Join(dir, "news"), nil, "", "check", "--format", "json", ".")
	if got := fingerprints(t, decodeFull(t, again.stdout), false); len(got) != 1 {
		t.Errorf("from news/ with the configured baseline: counting findings %v, want 1", got)
	}

	if r := credcheck(t, dir, nil, "", "check", "--baseline", "ci/none.json", "news/"); r.code != 2 || !strings.Contains(r.stderr, "ci/none.json") {
		t.Errorf("missing baseline: exit %d, want 2 naming it\n%s", r.code, r.stderr)
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestChangedSince(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "articles")

	r := credcheck(t, dir, nil, "", "check", "--changed-since", "HEAD", "news/", "opinion/")
	if r.code != 0 || !strings.Contains(r.stderr, "no articles changed since HEAD") || !strings.Contains(r.stdout, "0 articles checked") {
		t.Errorf("nothing changed: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}

	write(t, filepath.Join(dir, "news/port-strike.md"), cleanArticle+"\nThe union said talks would resume in May.\n")
	write(t, filepath.Join(dir, "news/new.md"), hedgedArticle)
	r = credcheck(t, dir, nil, "", "check", "--format", "json", "--changed-since", "HEAD", "news/", "opinion/")
	var ids []string
	for _, a := range decodeFull(t, r.stdout).Articles {
		ids = append(ids, a.ID)
	}
	if !cmp.Equal(ids, []string{"news/new.md", "news/port-strike.md"}) {
		t.Errorf("checked %v, want the modified and the new article only", ids)
	}
	if r := credcheck(t, dir, nil, "", "check", "--changed-since", "no-such-branch", "news/"); r.code != 2 || !strings.Contains(r.stderr, `"no-such-branch" is not a revision`) {
		t.Errorf("unknown revision: exit %d\n%s", r.code, r.stderr)
	}
}

func TestMachineReportsForCI(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	summary := filepath.Join(dir, "summary.md")
	write(t, summary, "# Earlier step\n")
	r := credcheck(t, dir, []string{"GITHUB_STEP_SUMMARY=" + summary}, "", "check",
		"--format", "github",
		"--format", "sarif", "--format", "junit", "--format", "markdown", "--format", "json",
		"--output", "-", "--output", "out.sarif", "--output", "out.xml", "--output", "out.md", "--output", "out.json",
		"news/", "opinion/", "wire/", "missing.md")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 for the missing article\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "credcheck: missing.md: no such file or directory") {
		t.Errorf("stderr lacks the one-line error:\n%s", r.stderr)
	}
	rep := decodeFull(t, readFile(t, filepath.Join(dir, "out.json")))
	type loc struct {
		path              string
		line, col, toLine int
		suppressed        bool
	}
	var want []loc
	var wantCounting, credits, suppressedCredits int
	for _, a := range rep.Articles {
		for _, f := range a.Findings {
			want = append(want, loc{path: a.Path, line: f.Line, col: f.Column, toLine: f.EndLine, suppressed: f.Suppressed != nil})
			if f.Suppressed == nil {
				wantCounting++
			}
			if f.Category == "sourcing" {
				credits++
				if f.Suppressed != nil {
					suppressedCredits++
				}
			}
		}
	}
	if credits == 0 {
		t.Fatal("no credits in the sample repository: SARIF's leaving them out is not exercised")
	}
	if len(want) < 8 {
		t.Fatalf("only %d findings in the sample repository", len(want))
	}

	// SARIF: valid against the official schema, one result per finding
	// that counts and is not a credit, the missing article a notification;
	// with --include-suppressed, the suppressed findings too, marked so;
	// with --include-credits, the credits too.
	sarifLog := readFile(t, filepath.Join(dir, "out.sarif"))
	if err := reporttest.ValidateSARIF([]byte(sarifLog)); err != nil {
		t.Fatalf("out.sarif: %v", err)
	}
	sarifResults(t, sarifLog, wantCounting-(credits-suppressedCredits), 0)
	if r := credcheck(t, dir, nil, "", "check", "--format", "sarif", "--output", "all.sarif", "--include-suppressed", "--include-credits", "news/", "opinion/", "wire/"); r.code != 1 {
		t.Fatalf("--include-suppressed: exit %d\n%s", r.code, r.stderr)
	}
	all := readFile(t, filepath.Join(dir, "all.sarif"))
	if err := reporttest.ValidateSARIF([]byte(all)); err != nil {
		t.Fatalf("all.sarif: %v", err)
	}
	sarifResults(t, all, len(want), len(want)-wantCounting)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind string `json:"kind"`
				} `json:"suppressions"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarifLog), &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || !strings.Contains(fmt.Sprint(inv.Notifications), "missing.md") {
		t.Errorf("SARIF invocation = %+v, want a failed execution naming missing.md", inv)
	}

	// JUnit: well-formed XML, a suite per article and one for the input.
	var junit struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name     string `xml:"name,attr"`
				Failures []struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, filepath.Join(dir, "out.xml"))), &junit); err != nil {
		t.Fatalf("out.xml is not XML: %v", err)
	}
	if len(junit.Suites) != len(rep.Articles)+1 || junit.Errors != 1 {
		t.Errorf("JUnit: %d suites, %d errors; want %d and 1", len(junit.Suites), junit.Errors, len(rep.Articles)+1)
	}
	failing := 0
	for _, s := range junit.Suites {
		for _, c := range s.Cases {
			if len(c.Failures) > 0 {
				failing++
			}
		}
		if strings.HasPrefix(s.Name, "opinion/") && s.Failures != 0 {
			t.Errorf("the opinion column fails in JUnit although opinion/ has fail-level none: %+v", s)
		}
	}
	if failing != junit.Failures || failing == 0 {
		t.Errorf("JUnit failures attribute %d, failing test cases %d", junit.Failures, failing)
	}

	// GitHub: one annotation per counting finding, at its file, line and
	// column; the scorecard appended to the job summary.
	annotation := regexp.MustCompile(`(?m)^::(error|warning|notice) file=([^,]+),line=(\d+)(?:,col=(\d+))?[^:]*::`)
	got := map[string]int{}
	for _, m := range annotation.FindAllStringSubmatch(r.stdout, -1) {
		got[m[2]+":"+m[3]+":"+m[4]]++
	}
	annotated := 0
	for _, w := range want {
		if w.suppressed || strings.HasSuffix(w.path, ".jsonl") {
			continue
		}
		// Spans over several lines lose their columns (GitHub drops such
		// annotations otherwise).
		key := fmt.Sprintf("%s:%d:%d", w.path, w.line, w.col)
		if w.toLine != w.line {
			key = fmt.Sprintf("%s:%d:", w.path, w.line)
		}
		if got[key] == 0 {
			t.Errorf("no annotation at %s:\n%s", key, r.stdout)
		}
		annotated++
	}
	if n := len(annotation.FindAllString(r.stdout, -1)); n < annotated {
		t.Errorf("%d annotations for %d counting findings", n, annotated)
	}
	if !strings.Contains(r.stdout, "::error file=missing.md::") {
		t.Errorf("no annotation for the missing article:\n%s", r.stdout)
	}
	if s := readFile(t, summary); !strings.HasPrefix(s, "# Earlier step\n") || !strings.Contains(s, "## credcheck") {
		t.Errorf("job summary was replaced or not written:\n%s", s)
	}
	if md := readFile(t, filepath.Join(dir, "out.md")); !strings.Contains(md, "| `news/port-sale.md` |") || !strings.Contains(md, "missing.md") {
		t.Errorf("markdown scorecard lacks the article row or the missing input:\n%s", md)
	}
}

// sarifResults checks that a SARIF log holds results results, suppressed
// of them marked suppressed, each with its fingerprint.
func sarifResults(t *testing.T, sarifLog string, results, suppressed int) {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind string `json:"kind"`
				} `json:"suppressions"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(sarifLog), &log); err != nil {
		t.Fatal(err)
	}
	got := log.Runs[0].Results
	marked := 0
	for _, res := range got {
		if len(res.Suppressions) > 0 {
			marked++
		}
		if len(res.PartialFingerprints["credcheck/v1"]) != 16 {
			t.Errorf("result of %s has no fingerprint: %v", res.RuleID, res.PartialFingerprints)
		}
	}
	if len(got) != results || marked != suppressed {
		t.Errorf("SARIF has %d results (%d suppressed), want %d (%d suppressed)", len(got), marked, results, suppressed)
	}
}

func TestBadInputInEveryFormat(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	write(t, filepath.Join(dir, "news/binary.md"), "PK\x03\x04\x00\x00binary")
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "markdown"} {
		r := credcheck(t, dir, nil, "", "check", "--format", format, "news/port-sale.md", "news/binary.md")
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2", format, r.code)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "news/binary.md") {
			t.Errorf("%s: stderr = %q, want one line naming the file", format, r.stderr)
		}
		if !strings.Contains(r.stdout, "port-sale.md") {
			t.Errorf("%s: the readable article's results are missing:\n%.400s", format, r.stdout)
		}
	}
}

func TestBaselineConfiguredBeforeItExistsAndPartialRefresh(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	write(t, filepath.Join(dir, ".credcheck.yaml"), newsroomConfig+"baseline: .credcheck-baseline.json\n")
	// The configured baseline does not exist yet: writing it is how it
	// comes to exist.
	if r := credcheck(t, dir, nil, "", "check", "--write-baseline", ".credcheck-baseline.json", "news/", "wire/"); r.code != 0 {
		t.Fatalf("first --write-baseline with baseline: configured: exit %d\n%s", r.code, r.stderr)
	}
	count := func() map[string]int {
		var file struct {
			Findings []struct{ Article string }
		}
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, ".credcheck-baseline.json"))), &file); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, f := range file.Findings {
			out[f.Article]++
		}
		return out
	}
	full := count()
	if full["news/port-sale.md"] == 0 || full["wire/feed.jsonl#w2"] == 0 {
		t.Fatalf("baseline entries by article: %v", full)
	}
	// Refreshing from a run over one article keeps the others' entries.
	write(t, filepath.Join(dir, "news/port-sale.md"), newsroom["news/port-sale.md"]+"\nThe buyers allegedly hid the deal.\n")
	if r := credcheck(t, dir, nil, "", "check", "--write-baseline", ".credcheck-baseline.json", "news/port-sale.md"); r.code != 0 {
		t.Fatalf("partial refresh: exit %d\n%s", r.code, r.stderr)
	}
	partial := count()
	if partial["wire/feed.jsonl#w2"] != full["wire/feed.jsonl#w2"] || partial["news/port-sale.md"] != full["news/port-sale.md"]+1 {
		t.Errorf("after refreshing one article: %v, before: %v", partial, full)
	}
	// An article that is gone loses its entries at the next refresh.
	os.Remove(filepath.Join(dir, "wire/feed.jsonl"))
	if r := credcheck(t, dir, nil, "", "check", "--write-baseline", ".credcheck-baseline.json", "news/port-sale.md"); r.code != 0 {
		t.Fatalf("refresh after a deletion: exit %d\n%s", r.code, r.stderr)
	}
	if n := count()["wire/feed.jsonl#w2"]; n != 0 {
		t.Errorf("entries of a deleted file kept: %d", n)
	}
}

func TestOneFileNamedTwiceIsCheckedOnce(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	r := credcheck(t, dir, nil, "", "check", "--format", "json", "news/port-sale.md", "./news/port-sale.md", filepath.Join(dir, "news/port-sale.md"))
	if rep := decodeFull(t, r.stdout); len(rep.Articles) != 1 {
		t.Errorf("%d articles checked, want 1", len(rep.Articles))
	}
}

func TestChangedSinceFromAnotherDirectory(t *testing.T) {
	t.Parallel()
	dir := newsroomRepo(t)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "articles")
	write(t, filepath.Join(dir, "news/new.md"), hedgedArticle)
	elsewhere := t.TempDir()
	r := credcheck(t, elsewhere, nil, "", "check", "--format", "json", "--changed-since", "HEAD", filepath.Join(dir, "news"))
	rep := decodeFull(t, r.stdout)
	if len(rep.Articles) != 1 || !strings.HasSuffix(rep.Articles[0].ID, "news/new.md") {
		t.Errorf("from outside the repository: exit %d, articles %+v\n%s", r.code, rep.Articles, r.stderr)
	}
	if r := credcheck(t, elsewhere, nil, "", "check", "--changed-since", "HEAD", elsewhere); r.code != 2 || !strings.Contains(r.stderr, elsewhere+" is not in a git repository") {
		t.Errorf("outside any repository: exit %d\n%s", r.code, r.stderr)
	}
}

func TestPolicyDirectoriesAreNotCheckedAsArticles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if r := credcheck(t, dir, nil, "", "policy", "new", "hedge/house-hedge", "--dir", "house"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	write(t, filepath.Join(dir, "story.md"), cleanArticle)
	write(t, filepath.Join(dir, ".credcheck.yaml"), "policies: [house]\n")
	r := credcheck(t, dir, nil, "", "check", "--format", "json", ".")
	rep := decodeFull(t, r.stdout)
	if len(rep.Articles) != 1 || rep.Articles[0].ID != "story.md" {
		t.Errorf("walking . checked %+v; the policy directory's example article must be left out", rep.Articles)
	}
}

func TestUnknownStdinFormat(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "The port reportedly closed.\n", "check", "--stdin-format", "xml", "-")
	if r.code != 2 || !strings.Contains(r.stderr, `--stdin-format: unknown format "xml"`) {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
}
