package main

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// binary is the credcheck executable built once for these tests, so that
// they exercise the real command line: flags, exit codes, streams.
var binary string

func TestMain(m *testing.M) {
	if v, ok := os.LookupEnv(runnerEnv); ok {
		os.Exit(serveRuns(v))
	}
	dir, err := os.MkdirTemp("", "credcheck-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "credcheck")
	if err := buildBinary(binary); err != nil {
		fmt.Fprintln(os.Stderr, "building credcheck:", err)
		os.Exit(1)
	}
	info, err := buildinfo.ReadFile(binary)
	startRunners(buildVersion("", info, err == nil))
	code := m.Run()
	stopRunners()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// credcheck runs the command line in dir (the repository root when empty)
// with a clean environment, so that no CREDCHECK_* variable of the caller
// leaks in, in a runner (runner_test.go).
func credcheck(t *testing.T, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	if dir == "" {
		dir = "../.."
	}
	return runInRunner(t, dir, append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}, env...), stdin, 0, args...)
}

// credcheckBinary is credcheck run by the built binary, for what a process
// of its own shows: its version, its behaviour at a terminal.
func credcheckBinary(t *testing.T, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	if dir == "" {
		dir = "../.."
	}
	cmd.Dir = dir
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const cleanArticle = `# Port of Ardmore ends strike, union says

Dock workers at the Port of Ardmore returned to work on Tuesday after a
three-day strike, the dockers' union said in a statement.

"Our members voted to accept the offer," said union secretary Lena Fors.
`

const hedgedArticle = `Ardmore Port Reportedly Sold to Investors

The Port of Ardmore has reportedly been sold to a group of investors.
`

type jsonReport struct {
	Version  int `json:"version"`
	Articles []struct {
		ID       string         `json:"id"`
		Path     string         `json:"path"`
		Score    int            `json:"score"`
		Grade    string         `json:"grade"`
		Subs     map[string]int `json:"subscores"`
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			Cue      string `json:"cue"`
		} `json:"findings"`
	} `json:"articles"`
	Errors []struct {
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"errors"`
	Summary struct {
		Articles    int  `json:"articles"`
		InputErrors int  `json:"input_errors"`
		Failed      bool `json:"failed"`
	} `json:"summary"`
}

func decode(t *testing.T, s string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("output is not the JSON report: %v\n%s", err, s)
	}
	return r
}

func TestCheckCleanArticleExitsZero(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "clean.md"), cleanArticle)
	r := credcheck(t, dir, nil, "", "check", "clean.md")
	if r.code != 0 {
		t.Fatalf("exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The only findings are credits for its sourcing.
	if !regexp.MustCompile(`clean\.md  score \d+/100  grade [A-F]  \d+ findings  \(base [\d.]+, \+`).MatchString(r.stdout) || !strings.Contains(r.stdout, "(0 errors, 0 warnings, ") {
		t.Errorf("unexpected scorecard:\n%s", r.stdout)
	}
}

func TestCheckFixturesFailsAtErrorLevel(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "check", "fixtures/")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (flawed fixtures have errors)\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "FAIL fixtures/announced-then-silent.txt") {
		t.Errorf("no FAIL line for the contradictory fixture:\n%s", tail(r.stdout))
	}
	loc := regexp.MustCompile(`(?m)^fixtures/[a-z-]+\.(txt|md):\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$`)
	if !loc.MatchString(r.stdout) {
		t.Errorf("findings are not file:line:col: severity: message [rule]:\n%s", r.stdout[:min(len(r.stdout), 600)])
	}
	if strings.Contains(r.stdout, "fixtures/README.md") {
		t.Errorf("README.md in an article directory was checked as an article")
	}
}

func TestFailLevelAndFailUnder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "hedged.txt"), hedgedArticle)
	write(t, filepath.Join(dir, "clean.md"), cleanArticle)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"check", "clean.md"}, 0},
		{[]string{"check", "hedged.txt"}, 1},
		{[]string{"check", "--fail-level", "none", "hedged.txt"}, 0},
		{[]string{"check", "--fail-level", "none", "--fail-under", "60", "hedged.txt"}, 1},
		{[]string{"check", "--fail-level", "none", "--fail-under", "60", "clean.md"}, 0},
		{[]string{"check", "--fail-level", "info", "clean.md"}, 0},
		{[]string{"check", "--fail-level", "bogus", "clean.md"}, 2},
		{[]string{"check", "--format", "yaml", "clean.md"}, 2},
		{[]string{"check", "--no-such-flag", "clean.md"}, 2},
	}
	for _, c := range cases {
		if r := credcheck(t, dir, nil, "", c.args...); r.code != c.want {
			t.Errorf("credcheck %s: exit %d, want %d\n%s", strings.Join(c.args, " "), r.code, c.want, r.stderr)
		}
	}
}

func TestBadInputsAreReportedAndOthersStillChecked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.md"), cleanArticle)
	write(t, filepath.Join(dir, "empty.txt"), "  \n\n")
	write(t, filepath.Join(dir, "latin1.txt"), "Caf\xe9 owners said prices rose.\n")
	write(t, filepath.Join(dir, "binary.txt"), "PK\x03\x04\x00\x00\x14\x00binary")
	write(t, filepath.Join(dir, "feed.jsonl"), `{"id": "a1", "text": "The council said the budget passed."}
{"id": "a2", "text": 
{"id": "a3", "text": "The mayor said she would sign it."}
`)
	os.Mkdir(filepath.Join(dir, "nothing-here"), 0o755)

	r := credcheck(t, dir, nil, "", "check", "--format", "json", "good.md", "missing.md", "empty.txt", "latin1.txt", "binary.txt", "feed.jsonl", "nothing-here")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	want := []string{
		"credcheck: missing.md: no such file or directory",
		"credcheck: empty.txt: empty article",
		"credcheck: latin1.txt: invalid UTF-8 at byte 3",
		"credcheck: binary.txt: binary data, not text",
		"credcheck: feed.jsonl:2: invalid JSON",
		"credcheck: nothing-here: no articles in directory",
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != len(want) {
		t.Errorf("want one stderr line per bad input, got:\n%s", r.stderr)
	}
	for i, w := range want {
		if i >= len(lines) || !strings.HasPrefix(lines[i], w) {
			t.Errorf("stderr line %d = %q, want it to start with %q", i+1, at(lines, i), w)
		}
	}
	rep := decode(t, r.stdout)
	var ids []string
	for _, a := range rep.Articles {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{"good.md", "a1", "a3"}, ids); diff != "" {
		t.Errorf("checked articles (-want +got):\n%s", diff)
	}
	if len(rep.Errors) != 6 || rep.Summary.InputErrors != 6 || !rep.Summary.Failed {
		t.Errorf("JSON report lists %d errors (summary %d, failed %v), want 6", len(rep.Errors), rep.Summary.InputErrors, rep.Summary.Failed)
	}
}

func TestJSONReportIsStableAndLocated(t *testing.T) {
	t.Parallel()
	a := credcheck(t, "", nil, "", "check", "--format", "json", "fixtures/")
	b := credcheck(t, "", nil, "", "check", "--format", "json", "--workers", "1", "fixtures/")
	if a.stdout != b.stdout {
		t.Fatal("JSON report differs between runs")
	}
	rep := decode(t, a.stdout)
	if rep.Version != 3 || rep.Summary.Articles != len(rep.Articles) || len(rep.Articles) < 12 {
		t.Fatalf("unexpected report header: version %d, %d articles", rep.Version, len(rep.Articles))
	}
	for _, art := range rep.Articles {
		// One per category, sourcing included.
		if len(art.Subs) != 7 {
			t.Errorf("%s: %d sub-scores, want 7", art.ID, len(art.Subs))
		}
		src, err := os.ReadFile(filepath.Join("../..", art.Path))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(art.Path, ".html") {
			// A page's positions point into the text extracted from it.
			var doc struct {
				Article struct {
					Text string `json:"extracted_text"`
				}
			}
			if err := json.Unmarshal([]byte(credcheck(t, "", nil, "", "parse", art.Path).stdout), &doc); err != nil {
				t.Fatal(err)
			}
			src = []byte(doc.Article.Text)
		}
		for _, f := range art.Findings {
			if f.Start < 0 || f.End > len(src) || f.Start > f.End {
				t.Errorf("%s: %s offsets %d-%d out of range", art.ID, f.Rule, f.Start, f.End)
				continue
			}
			line := 1 + bytes.Count(src[:f.Start], []byte("\n"))
			if !strings.HasSuffix(art.Path, ".jsonl") && line != f.Line {
				t.Errorf("%s: %s at byte %d is on line %d, report says %d", art.ID, f.Rule, f.Start, line, f.Line)
			}
		}
	}
}

func TestStdin(t *testing.T) {
	t.Parallel()
	r := credcheck(t, t.TempDir(), nil, hedgedArticle, "check", "--format", "json", "--stdin-name", "desk/story.txt", "-")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	rep := decode(t, r.stdout)
	if len(rep.Articles) != 1 || rep.Articles[0].Path != "desk/story.txt" {
		t.Fatalf("stdin article not reported under its name: %+v", rep.Articles)
	}
	if f := rep.Articles[0].Findings; len(f) == 0 || f[0].Rule != "hearsay-hedge" || f[0].Line != 1 {
		t.Errorf("want the headline hedge first, got %+v", f)
	}
}

func TestConfigurationFileEnvironmentAndFlags(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, ".credcheck.yaml"), "rules:\n  hearsay-hedge:\n    enabled: false\n")
	write(t, filepath.Join(root, "desk", "story.txt"), hedgedArticle+"\nIt is clearly a turning point for the town.\n")
	desk := filepath.Join(root, "desk")

	// The file is found by walking up from the working directory.
	r := credcheck(t, desk, nil, "", "check", "--format", "json", "story.txt")
	for _, f := range decode(t, r.stdout).Articles[0].Findings {
		if f.Rule == "hearsay-hedge" {
			t.Errorf("rule disabled in .credcheck.yaml still reported")
		}
	}
	// The environment overrides the file; flags override the environment.
	if r := credcheck(t, desk, nil, "", "check", "story.txt"); r.code != 0 {
		t.Errorf("with the hedge rule disabled: exit %d, want 0", r.code)
	}
	if r := credcheck(t, desk, []string{"CREDCHECK_FAIL_LEVEL=info"}, "", "check", "story.txt"); r.code != 1 {
		t.Errorf("CREDCHECK_FAIL_LEVEL=info: exit %d, want 1 (the story has info findings)", r.code)
	}
	if r := credcheck(t, desk, []string{"CREDCHECK_FAIL_LEVEL=info"}, "", "check", "--fail-level", "error", "story.txt"); r.code != 0 {
		t.Errorf("--fail-level error over CREDCHECK_FAIL_LEVEL=info: exit %d, want 0\n%s", r.code, r.stderr)
	}
	if r := credcheck(t, desk, []string{"CREDCHECK_FORMAT=json"}, "", "check", "story.txt"); !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("CREDCHECK_FORMAT=json ignored:\n%s", r.stdout)
	}

	// Typos are errors with their place in the file.
	write(t, filepath.Join(root, ".credcheck.yaml"), "fail_level: warning\nrules:\n  hearsay-hedge:\n    enable: false\n")
	r = credcheck(t, desk, nil, "", "check", "story.txt")
	if r.code != 2 || !strings.Contains(r.stderr, ".credcheck.yaml:1:1: unknown setting \"fail_level\"") || !strings.Contains(r.stderr, ".credcheck.yaml:4:5: rule hearsay-hedge: unknown setting \"enable\"") {
		t.Errorf("misspelt settings: exit %d\n%s", r.code, r.stderr)
	}
	write(t, filepath.Join(root, ".credcheck.yaml"), "rules:\n  no-such-rule:\n    enabled: false\n")
	if r := credcheck(t, desk, nil, "", "check", "story.txt"); r.code != 2 || !strings.Contains(r.stderr, `unknown rule "no-such-rule"`) {
		t.Errorf("unknown rule in configuration: exit %d\n%s", r.code, r.stderr)
	}
}

const userRule = `# METADATA
# title: Sources say, in the headline
# description: The headline rests on unnamed "sources".
# custom:
#   category: attribution
#   severity: error
#   weight: 5
package credcheck.rules.attribution["sources-say-headline"]

report contains finding if {
	some m in input.matches.vague_sources
	m.sentence == input.headline
	finding := {"sentence": m.sentence, "start": m.start, "end": m.end, "message": "the headline rests on unnamed sources"}
}
`

func TestUserPolicyDirectoryAddsRuleWithoutRebuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "sources_say.rego"), userRule)
	write(t, filepath.Join(dir, "story.txt"), "Sources Say Ardmore Port Is Sold\n\nThe Port of Ardmore was sold on Monday, its owner said.\n")

	r := credcheck(t, dir, nil, "", "rules", "--policy", "house")
	if !regexp.MustCompile(`(?m)^sources-say-headline\s+attribution\s+error\s+5\s+enabled\s+house$`).MatchString(r.stdout) {
		t.Errorf("user rule missing from `rules`:\n%s%s", r.stdout, r.stderr)
	}
	r = credcheck(t, dir, nil, "", "check", "--policy", "house", "story.txt")
	if r.code != 1 || !strings.Contains(r.stdout, "story.txt:1:1: error: the headline rests on unnamed sources [sources-say-headline]") {
		t.Errorf("user rule not applied: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The same directory given in the configuration file, relative to it.
	write(t, filepath.Join(dir, ".credcheck.yaml"), "policies: [house]\n")
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	if r := credcheck(t, sub, nil, "", "check", "../story.txt"); !strings.Contains(r.stdout, "[sources-say-headline]") {
		t.Errorf("policies: in .credcheck.yaml not applied:\n%s%s", r.stdout, r.stderr)
	}
}

func TestBrokenUserPolicyIsLocated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "story.txt"), hedgedArticle)
	write(t, filepath.Join(dir, "broken", "bad.rego"), "package credcheck.rules.hedge[\"bad\"]\n\nreport contains x if {\n\tx := \n}\n")
	r := credcheck(t, dir, nil, "", "check", "--policy", "broken", "story.txt")
	if r.code != 2 || !regexp.MustCompile(`broken/bad\.rego:\d+:\d+: rego_parse_error`).MatchString(r.stderr) {
		t.Errorf("broken policy: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	write(t, filepath.Join(dir, "nometa", "rule.rego"), "package credcheck.rules.hedge[\"no-meta\"]\n\nreport contains 1 if false\n")
	r = credcheck(t, dir, nil, "", "check", "--policy", "nometa", "story.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "nometa/rule.rego:1:1: rule no-meta has no METADATA") {
		t.Errorf("rule without METADATA: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r := credcheck(t, dir, nil, "", "check", "--policy", "no-such-dir", "story.txt"); r.code != 2 || !strings.Contains(r.stderr, "no-such-dir: policy directory does not exist") {
		t.Errorf("missing policy directory: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

func TestParsePrintsTheInputDocument(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "parse", "fixtures/hedged-scoop.txt")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		Version   int                         `json:"version"`
		Headline  int                         `json:"headline"`
		Sentences []map[string]any            `json:"sentences"`
		Matches   map[string][]map[string]any `json:"matches"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || doc.Headline != 0 || len(doc.Sentences) < 10 || len(doc.Matches["hearsay_hedges"]) == 0 {
		t.Errorf("unexpected document: version %d, headline %d, %d sentences, %d hedges", doc.Version, doc.Headline, len(doc.Sentences), len(doc.Matches["hearsay_hedges"]))
	}
	if r := credcheck(t, "", nil, "", "parse", "fixtures/missing.md"); r.code != 2 {
		t.Errorf("parse of a missing file: exit %d, want 2", r.code)
	}
}

func tail(s string) string {
	if len(s) > 800 {
		return s[len(s)-800:]
	}
	return s
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// TestRulesCatalogDocIsCurrent keeps docs/rules.md equal to what the rules'
// METADATA says; regenerate it with
// `go run ./cmd/credcheck rules --format markdown > docs/rules.md`.
func TestRulesCatalogDocIsCurrent(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "rules", "--format", "markdown")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(doc), r.stdout); diff != "" {
		t.Errorf("docs/rules.md is out of date (-file +generated):\n%s", diff)
	}
}
