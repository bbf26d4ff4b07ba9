package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The headline article of docs/writing-policies.md: "sources say" in a
// headline, which the house rule below forbids.
const sourcesSayArticle = `# Sources say the harbour board will resign

The harbour board met on Tuesday to discuss the audit, the clerk said.

"We will answer every question," the chair, Mara Holt, told reporters.
`

// TestPolicyAuthoringWorkflow follows a standards editor: scaffold a rule,
// test it, see it in the catalog and in check output, keep it formatted,
// and ship it to an OPA server as a bundle that finds what check finds.
func TestPolicyAuthoringWorkflow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := credcheck(t, dir, nil, "", "policy", "new", "hedge/sources-say-headline", "--dir", "house")
	if r.code != 0 || !strings.Contains(r.stdout, "created house/credcheck/rules/hedge/sources-say-headline/sources_say_headline.rego") {
		t.Fatalf("policy new: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = credcheck(t, dir, nil, "", "policy", "test", "-v", "house")
	if r.code != 0 || !strings.Contains(r.stdout, "test_fires_on_the_cue") || !regexp.MustCompile(`\d+ tests: \d+ passed, 0 failed`).MatchString(r.stdout) {
		t.Fatalf("policy test on the scaffold: exit %d\n%s%s", r.code, tail(r.stdout), r.stderr)
	}
	if !strings.Contains(r.stdout, "PASS  house/credcheck/rules/hedge/sources-say-headline/sources_say_headline_test.rego:") {
		t.Errorf("passing test not listed with file:line:\n%s", r.stdout)
	}

	r = credcheck(t, dir, nil, "", "rules", "--policy", "house", "--format", "json")
	var rules []struct {
		ID, Category, Source string
		Enabled              bool
	}
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rule := range rules {
		if rule.ID == "sources-say-headline" {
			found = rule.Category == "hedge" && rule.Source == "house" && rule.Enabled
		}
	}
	if !found {
		t.Errorf("the new rule is not listed as an enabled hedge rule from house:\n%s", r.stdout)
	}
	text := credcheck(t, dir, nil, "", "rules", "--policy", "house")
	if !regexp.MustCompile(`(?m)^sources-say-headline\s+hedge\s+warning\s+2\s+enabled\s+house$`).MatchString(text.stdout) {
		t.Errorf("rules table lacks the new rule:\n%s", text.stdout)
	}

	example := "house/credcheck/rules/hedge/sources-say-headline/testdata/example.md"
	r = credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", example)
	if !strings.Contains(r.stdout, `"rule":"sources-say-headline"`) {
		t.Errorf("check does not report the new rule on its example:\n%s", r.stdout)
	}

	if r := credcheck(t, dir, nil, "", "policy", "fmt", "--check", "house"); r.code != 0 || r.stdout != "" {
		t.Errorf("fmt --check on the scaffold: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// The editor turns the scaffold into the house rule: "sources say" in
	// a headline.
	rule := filepath.Join(dir, "house/credcheck/rules/hedge/sources-say-headline/sources_say_headline.rego")
	src := readFile(t, rule)
	src = strings.Replace(src, "\tm.quoted == false\n", "\tm.quoted == false\n\tinput.sentences[m.sentence].zone == \"headline\"\n", 1)
	write(t, rule, src)
	write(t, filepath.Join(dir, "house/credcheck/lexicons/sources_say_headline/data.yaml"), "description: Unnamed sources in a headline.\nentries:\n  - sources say\n  - sources tell\n")
	write(t, filepath.Join(dir, "story.md"), sourcesSayArticle)

	checked := credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", "story.md")
	var rep struct {
		Articles []struct {
			Findings []struct {
				Rule    string `json:"rule"`
				Start   int    `json:"start"`
				End     int    `json:"end"`
				Message string `json:"message"`
			} `json:"findings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(checked.stdout), &rep); err != nil {
		t.Fatalf("check: %v\n%s", err, checked.stderr)
	}
	var fromCheck []string
	for _, f := range rep.Articles[0].Findings {
		fromCheck = append(fromCheck, jsonKey(f.Rule, f.Start, f.End, f.Message))
	}
	sort.Strings(fromCheck)
	if !strings.Contains(strings.Join(fromCheck, "\n"), "sources-say-headline") {
		t.Fatalf("the house rule does not fire on the headline:\n%s", checked.stdout)
	}

	// The bundle, read by OPA's own bundle reader and evaluated on the
	// document credcheck parse prints, finds exactly what check found.
	if r := credcheck(t, dir, nil, "", "policy", "bundle", "--policy", "house", "-o", "house.tar.gz"); r.code != 0 || !strings.Contains(r.stderr, "wrote house.tar.gz") {
		t.Fatalf("policy bundle: exit %d\n%s", r.code, r.stderr)
	}
	parsed := credcheck(t, dir, nil, "", "parse", "--policy", "house", "story.md")
	if parsed.code != 0 {
		t.Fatalf("parse: %s", parsed.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "house.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.NewReader(bytes.NewReader(data)).Read()
	if err != nil {
		t.Fatalf("OPA's bundle reader: %v", err)
	}
	// The whole catalog travels, the consistency rules that only compare
	// loads among it.
	consistency := false
	for _, m := range b.Modules {
		consistency = consistency || strings.Contains(m.Path, "consistency_rules/")
	}
	if !consistency {
		t.Error("the bundle has no consistency rule")
	}
	var input any
	if err := json.Unmarshal([]byte(parsed.stdout), &input); err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.credcheck.main.findings"), rego.ParsedBundle("house", &b), rego.Input(input)).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("evaluating the bundle: %v (%d results)", err, len(rs))
	}
	var fromBundle []string
	for _, item := range rs[0].Expressions[0].Value.([]any) {
		f := item.(map[string]any)
		start, _ := f["start"].(json.Number).Int64()
		end, _ := f["end"].(json.Number).Int64()
		fromBundle = append(fromBundle, jsonKey(f["rule"].(string), int(start), int(end), f["message"].(string)))
	}
	sort.Strings(fromBundle)
	if diff := cmp.Diff(fromCheck, fromBundle); diff != "" {
		t.Errorf("bundle findings differ from check (-check +bundle):\n%s", diff)
	}

	r = credcheck(t, dir, nil, "", "explain", "--policy", "house", "sources-say-headline")
	for _, want := range []string{"sources-say-headline — Sources say headline", "from house", "test_fires_on_the_cue", "test_quiet_inside_a_quote", "rules.sources-say-headline.weight: 2  (default)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, r.stdout)
		}
	}
}

func jsonKey(rule string, start, end int, message string) string {
	return rule + " " + itoa(start) + "-" + itoa(end) + " " + message
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestPolicyTestFailureIsLocatedAndExitsOne(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if r := credcheck(t, dir, nil, "", "policy", "new", "editorial/house-words", "--dir", "house"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	test := filepath.Join(dir, "house/credcheck/rules/editorial/house-words/house_words_test.rego")
	src := readFile(t, test)
	write(t, test, strings.Replace(src, "count(r) == 1", "count(r) == 3", 1))
	line := strings.Count(src[:strings.Index(src, "count(r) == 1")], "\n") + 1
	r := credcheck(t, dir, nil, "", "policy", "test", "house")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stdout)
	}
	want := "FAIL  house/credcheck/rules/editorial/house-words/house_words_test.rego:" + itoa(line) + "  credcheck.rules.editorial[\"house-words_test\"].test_fires_on_the_cue"
	if !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "1 failed") {
		t.Errorf("output lacks %q:\n%s", want, tail(r.stdout))
	}
	cov := credcheck(t, dir, nil, "", "policy", "test", "--coverage", "--run", "house-words", "house")
	if !regexp.MustCompile(`(?m)^\s+\d+\.\d%  house/credcheck/rules/editorial/house-words/house_words\.rego`).MatchString(cov.stdout) {
		t.Errorf("no coverage line for the rule file:\n%s", cov.stdout)
	}
}

func TestPolicyFmt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house/a.rego"), "package house.a\n\nx   :=   1\n")
	write(t, filepath.Join(dir, "house/b.rego"), "package house.b\n\ny := 2\n")
	r := credcheck(t, dir, nil, "", "policy", "fmt", "--check", "house")
	if r.code != 1 || strings.TrimSpace(r.stdout) != filepath.Join("house", "a.rego") {
		t.Errorf("--check: exit %d, stdout %q; want 1 and the unformatted file", r.code, r.stdout)
	}
	if got := readFile(t, filepath.Join(dir, "house/a.rego")); got != "package house.a\n\nx   :=   1\n" {
		t.Error("--check wrote the file")
	}
	if r := credcheck(t, dir, nil, "", "policy", "fmt", "house"); r.code != 0 {
		t.Errorf("fmt: exit %d\n%s", r.code, r.stderr)
	}
	if r := credcheck(t, dir, nil, "", "policy", "fmt", "--check", "house"); r.code != 0 {
		t.Errorf("--check after fmt: exit %d\n%s", r.code, r.stdout)
	}
	write(t, filepath.Join(dir, "broken/c.rego"), "package c\n\nx := {\n")
	if r := credcheck(t, dir, nil, "", "policy", "fmt", "--check", "broken"); r.code != 2 || !strings.Contains(r.stderr, "broken/c.rego:") {
		t.Errorf("unparsable file: exit %d\n%s", r.code, r.stderr)
	}
	if r := credcheck(t, "", nil, "", "policy", "fmt", "--check", "policies"); r.code != 0 {
		t.Errorf("the built-in policies are not formatted:\n%s", r.stdout)
	}
}

// TestEditorErrorsAreLocated: every mistake an editor makes in a policy
// directory names file:line:col and exits 2, in check and in policy test.
func TestEditorErrorsAreLocated(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		file, text string
		want       *regexp.Regexp
	}{
		"broken policy": {
			"house/credcheck/rules/hedge/x/x.rego",
			"# METADATA\n# title: X\n# description: x\n# custom:\n#   category: hedge\n#   severity: warning\n#   weight: 1\npackage credcheck.rules.hedge[\"x\"]\n\nreport contains f if {\n\tf := \n}\n",
			regexp.MustCompile(`house/credcheck/rules/hedge/x/x\.rego:1[12]:\d+: rego_parse_error`),
		},
		"missing METADATA": {
			"house/credcheck/rules/hedge/x/x.rego",
			"package credcheck.rules.hedge[\"x\"]\n\nreport contains {\"sentence\": 0, \"message\": \"m\"}\n",
			regexp.MustCompile(`house/credcheck/rules/hedge/x/x\.rego:1:1: rule x has no METADATA block`),
		},
		"unknown category": {
			"house/credcheck/rules/gossip/x/x.rego",
			"# METADATA\n# title: X\n# description: x\n# custom:\n#   category: gossip\n#   severity: warning\n#   weight: 1\npackage credcheck.rules.gossip[\"x\"]\n\nreport contains {\"sentence\": 0, \"message\": \"m\"}\n",
			regexp.MustCompile(`house/credcheck/rules/gossip/x/x\.rego:\d+:\d+: rule x: unknown category "gossip"`),
		},
		"malformed lexicon": {
			"house/credcheck/lexicons/hearsay_hedges/data.yaml",
			"add:\n  hearsay: [word on the street\n",
			regexp.MustCompile(`house/credcheck/lexicons/hearsay_hedges/data\.yaml:\d+:\d+: invalid YAML`),
		},
		"lexicon entry that is not a pattern": {
			"house/credcheck/lexicons/boilerplate_lines/data.yaml",
			"add:\n  - \"(unclosed\"\n",
			regexp.MustCompile(`house/credcheck/lexicons/boilerplate_lines/data\.yaml:2:6: lexicon boilerplate_lines: entry "\(unclosed" is not a valid RE2 pattern`),
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, c.file), c.text)
			write(t, filepath.Join(dir, "story.md"), sourcesSayArticle)
			for _, args := range [][]string{{"check", "--policy", "house", "story.md"}, {"policy", "test", "house"}, {"rules", "--policy", "house"}} {
				r := credcheck(t, dir, nil, "", args...)
				if r.code != 2 || !c.want.MatchString(r.stderr) {
					t.Errorf("credcheck %s: exit %d, stderr:\n%s\nwant exit 2 matching %s", strings.Join(args, " "), r.code, r.stderr, c.want)
				}
			}
		})
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "explain", "vague-source")
	for _, want := range []string{
		"vague-source — ", "attribution · warning", "Why it matters", "Examples\n  fires: ",
		"Tests\n  test_fires_", "rules.vague-source.enabled: true  (default)", "References\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain vague-source lacks %q:\n%s", want, r.stdout)
		}
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".credcheck.yaml"), "rules:\n  ai-vocabulary:\n    weight: 5\n    params:\n      min_distinct: 4\n")
	j := credcheck(t, dir, nil, "", "explain", "--format", "json", "ai-vocabulary")
	var e struct {
		ID       string `json:"id"`
		Settings []struct{ Key, Default, Value string }
		Checked  []struct {
			Kind       string `json:"kind"`
			AsExpected bool   `json:"as_expected"`
		} `json:"examples_checked"`
		Tests []struct{ Name, Kind string }
	}
	if err := json.Unmarshal([]byte(j.stdout), &e); err != nil {
		t.Fatalf("%v\n%s", err, j.stdout)
	}
	settings := map[string][2]string{}
	for _, s := range e.Settings {
		settings[s.Key] = [2]string{s.Default, s.Value}
	}
	if settings["rules.ai-vocabulary.weight"][1] != "5" || settings["rules.ai-vocabulary.params.min_distinct"][1] != "4" || settings["rules.ai-vocabulary.params.min_distinct"][0] == "4" {
		t.Errorf("settings do not show the configuration over the defaults: %+v", e.Settings)
	}
	if len(e.Tests) == 0 || len(e.Checked) == 0 {
		t.Errorf("explain json lacks tests or checked examples:\n%s", j.stdout)
	}
	if r := credcheck(t, "", nil, "", "explain", "no-such-rule"); r.code != 2 || !strings.Contains(r.stderr, `no rule "no-such-rule"`) {
		t.Errorf("unknown rule: exit %d\n%s", r.code, r.stderr)
	}
}
