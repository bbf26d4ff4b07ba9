package policy_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/policy"
)

func TestScaffoldPassesItsTestsAndFires(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	made, err := policy.Scaffold(dir, "hedge/sources-say-headline")
	if err != nil {
		t.Fatal(err)
	}
	want := &policy.Scaffolded{
		Rule:    filepath.Join(dir, "credcheck/rules/hedge/sources-say-headline/sources_say_headline.rego"),
		Test:    filepath.Join(dir, "credcheck/rules/hedge/sources-say-headline/sources_say_headline_test.rego"),
		Lexicon: filepath.Join(dir, "credcheck/lexicons/sources_say_headline/data.yaml"),
		Example: filepath.Join(dir, "credcheck/rules/hedge/sources-say-headline/testdata/example.md"),
	}
	if diff := cmp.Diff(want, made); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}, Tests: true})
	r := set.Rule("sources-say-headline")
	if r == nil || r.Category != "hedge" || r.Source != dir {
		t.Fatalf("scaffolded rule in the catalog = %+v", r)
	}
	run, err := set.Test(context.Background(), policy.TestOptions{Run: "sources-say-headline"})
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Tests) != 2 || run.Passed() != 2 {
		t.Errorf("scaffold tests: %+v, want 2 passing", run.Tests)
	}
	example, _ := os.ReadFile(made.Example)
	hits := hitsOf(evaluate(t, set, testArticle{name: "example.md", format: article.Markdown, text: string(example)}), "sources-say-headline")
	if len(hits) != 1 {
		t.Errorf("the example article gives %d findings of the new rule, want 1", len(hits))
	}
	results, err := policy.FormatFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Changed {
			t.Errorf("scaffolded %s is not formatted", r.File)
		}
	}

	// Scaffolding again writes nothing over the editor's work.
	os.WriteFile(made.Rule, []byte("# edited\n"), 0o644)
	if _, err := policy.Scaffold(dir, "hedge/sources-say-headline"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second scaffold: %v", err)
	}
	if data, _ := os.ReadFile(made.Rule); string(data) != "# edited\n" {
		t.Error("the second scaffold overwrote the rule")
	}
}

func TestScaffoldRejectsBadNames(t *testing.T) {
	for spec, want := range map[string]string{
		"sources-say":           "give the rule as CATEGORY/NAME",
		"gossip/sources-say":    `unknown category "gossip"`,
		"hedge/Sources_Say":     "use lower-case words joined by hyphens",
		"hedge/hearsay-hedges":  "a built-in lexicon is already called hearsay_hedges",
		"hedge/-leading-hyphen": "use lower-case words joined by hyphens",
	} {
		if _, err := policy.Scaffold(t.TempDir(), spec); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Scaffold(%q) = %v, want %q", spec, err, want)
		}
	}
}

func TestFormatFilesMatchesOPAFmtAndBuiltInsAreFormatted(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"a.rego":         "package a\n\nx   :=   1\n",
		"sub/b.rego":     "package b\n\ny := 2\n",
		".hidden/c.rego": "package c\nx:=1\n",
		"notes.md":       "not rego",
	})
	results, err := policy.FormatFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || !results[0].Changed || results[1].Changed {
		t.Fatalf("results = %+v, want a.rego changed and sub/b.rego not (hidden dirs skipped)", results)
	}
	want, _ := format.SourceWithOpts("a.rego", []byte("package a\n\nx   :=   1\n"), format.Opts{RegoVersion: ast.RegoV1})
	if !bytes.Equal(results[0].Formatted, want) {
		t.Errorf("formatted = %q, want opa fmt's %q", results[0].Formatted, want)
	}
	// The built-in policies are kept as opa fmt writes them.
	builtIn, err := policy.FormatFiles([]string{filepath.Join("..", "..", "policies")})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range builtIn {
		if r.Changed {
			t.Errorf("%s is not formatted (credcheck policy fmt policies/)", r.File)
		}
	}
	bad := writeTree(t, map[string]string{"bad.rego": "package bad\n\nx := {\n"})
	if _, err := policy.FormatFiles([]string{bad}); err == nil || !strings.Contains(err.Error(), filepath.Join(bad, "bad.rego")+":") {
		t.Errorf("unparsable file: %v", err)
	}
}

func TestTestRunLocatesFailuresAndMeasuresCoverage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	made, err := policy.Scaffold(dir, "editorial/house-words")
	if err != nil {
		t.Fatal(err)
	}
	// Break the quiet test: its second expression now fails.
	src, _ := os.ReadFile(made.Test)
	broken := strings.Replace(string(src), "count(r) == 0", "count(r) == 5", 1)
	if err := os.WriteFile(made.Test, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}, Tests: true})
	run, err := set.Test(context.Background(), policy.TestOptions{Coverage: true, Run: "house-words"})
	if err != nil {
		t.Fatal(err)
	}
	var failed *policy.TestResult
	for i := range run.Tests {
		if !run.Tests[i].Pass {
			failed = &run.Tests[i]
		}
	}
	wantLine := strings.Count(broken[:strings.Index(broken, "count(r) == 5")], "\n") + 1
	if failed == nil || !strings.HasSuffix(failed.Name, "test_quiet_inside_a_quote") || failed.File != made.Test || failed.FailedLine != wantLine {
		t.Fatalf("failed test = %+v, want test_quiet_inside_a_quote in %s failing on line %d", failed, made.Test, wantLine)
	}
	if run.Passed() != 1 || !strings.Contains(run.String(), "2 tests: 1 passed, 1 failed") {
		t.Errorf("summary %q", run)
	}
	var rule *policy.FileCoverage
	listed := map[string]bool{}
	for i := range run.Coverage {
		if listed[run.Coverage[i].File] {
			t.Errorf("coverage lists %s twice", run.Coverage[i].File)
		}
		listed[run.Coverage[i].File] = true
		if run.Coverage[i].File == made.Rule {
			rule = &run.Coverage[i]
		}
		if strings.HasSuffix(run.Coverage[i].File, "_test.rego") {
			t.Errorf("coverage lists a test file: %s", run.Coverage[i].File)
		}
	}
	if rule == nil || rule.Percent <= 0 {
		t.Errorf("coverage of the rule file = %+v", rule)
	}
}

func TestReplacedBuiltInRuleTakesItsTestsAlong(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"hearsay.rego": regoModule(ruleMeta("hedge", "warning", "3"), `credcheck.rules.hedge["hearsay-hedge"]`, quietBody),
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}, Tests: true})
	run, err := set.Test(context.Background(), policy.TestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range run.Tests {
		if strings.Contains(tr.Name, "hearsay-hedge_test") {
			t.Errorf("built-in test %s still runs against the user's replacement", tr.Name)
		}
	}
	if run.Passed() != len(run.Tests) {
		t.Errorf("%s", run)
	}
}

func TestBundleEvaluatesLikeTheEngine(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		sourcesSayFile: sourcesSayRule,
		"credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon,
	})
	set := loadBuiltIn(t, policy.Options{Dirs: []string{dir}, Disabled: []string{"vague-source"}})
	b, err := set.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := policy.WriteBundle(&buf, b); err != nil {
		t.Fatal(err)
	}
	again, _ := set.Bundle()
	var buf2 bytes.Buffer
	policy.WriteBundle(&buf2, again)
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("the same policies gave two different bundles")
	}
	read, err := bundle.NewReader(bytes.NewReader(buf.Bytes())).Read()
	if err != nil {
		t.Fatalf("OPA's bundle reader: %v", err)
	}
	for _, m := range read.Modules {
		if strings.HasSuffix(m.Path, "_test.rego") {
			t.Errorf("bundle holds test file %s", m.Path)
		}
	}
	input := buildInput(t, set, portArticle)
	prepared, err := rego.New(rego.Query(policy.Entrypoint), rego.ParsedBundle("credcheck", &read)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatalf("compiling the bundle: %v", err)
	}
	rs, err := prepared.Eval(context.Background(), rego.EvalParsedInput(input))
	if err != nil {
		t.Fatal(err)
	}
	got := stockFindings(t, rs)
	want := stockOf(evaluate(t, set, portArticle))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bundle findings differ from the engine's (-engine +bundle):\n%s", diff)
	}
	for _, f := range got {
		if f.Rule == "vague-source" {
			t.Error("the configuration (vague-source disabled) did not travel with the bundle")
		}
	}
	if len(hitsOf(evaluate(t, set, portArticle), "sources-say")) == 0 {
		t.Fatal("the user rule found nothing; the comparison proves little")
	}
}
