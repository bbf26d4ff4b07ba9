package policy_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/policy"
)

// policyErrors returns the located errors inside err, failing the test when
// err is not an *Error or Errors value.
func policyErrors(t *testing.T, err error) []*policy.Error {
	t.Helper()
	var list policy.Errors
	if errors.As(err, &list) {
		return list
	}
	var one *policy.Error
	if errors.As(err, &one) {
		return []*policy.Error{one}
	}
	t.Fatalf("error %v (%T) is neither a *policy.Error nor policy.Errors", err, err)
	return nil
}

var locatedLine = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?: \S`)

func TestLoadErrorsAreLocated(t *testing.T) {
	t.Parallel()
	rule := func(meta []string, pkg string) string { return regoModule(meta, pkg, quietBody) }
	withWeight := func(w string) []string { return ruleMeta("hedge", "warning", w) }
	cases := []struct {
		name  string
		files map[string]string
		// file is the file the error names, relative to the policy dir.
		file      string
		line, col int // col 0: the message has file:line: only
		reason    string
	}{
		{
			name:  "rego syntax error",
			files: map[string]string{"bad.rego": "package credcheck.rules.hedge[\"broken\"]\n\nreport contains x if {\n\tx := [1, 2\n}\n"},
			file:  "bad.rego", line: 5, col: 1, reason: "rego_parse_error",
		},
		{
			name:  "rego type error at compile time",
			files: map[string]string{"typo.rego": rule(ruleMeta("hedge", "warning", "1"), `credcheck.rules.hedge["typo"]`) + "\nextra contains x if {\n\tx := no_such_function(1)\n}\n"},
			file:  "typo.rego", line: 17, col: 7, reason: "undefined function no_such_function",
		},
		{
			name:  "rule without METADATA",
			files: map[string]string{"hedge/bare.rego": "# A comment, not METADATA.\npackage credcheck.rules.hedge[\"bare\"]\n\n" + quietBody},
			file:  "hedge/bare.rego", line: 2, col: 1, reason: "rule bare has no METADATA block before its package line",
		},
		{
			name:  "unknown category",
			files: map[string]string{"r.rego": rule(ruleMeta("gossip", "warning", "1"), `credcheck.rules.gossip["tattle"]`)},
			file:  "r.rego", line: 1, col: 1, reason: `rule tattle: unknown category "gossip" (categories: attribution, hedge, contradiction, machine, editorial, boilerplate, sourcing)`,
		},
		{
			name:  "category differs from package path",
			files: map[string]string{"r.rego": rule(ruleMeta("machine", "warning", "1"), `credcheck.rules.hedge["misfiled"]`)},
			file:  "r.rego", line: 1, col: 1, reason: `rule misfiled: METADATA category "machine" does not match the package path category "hedge"`,
		},
		{
			name:  "missing category",
			files: map[string]string{"r.rego": rule([]string{"title: T", "description: D", "custom:", "  severity: warning", "  weight: 1"}, `credcheck.rules.hedge["nocat"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule nocat: METADATA custom.category is missing",
		},
		{
			name:  "no custom block",
			files: map[string]string{"r.rego": rule([]string{"title: T", "description: D"}, `credcheck.rules.hedge["nocustom"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule nocustom: METADATA has no custom block",
		},
		{
			name:  "no title",
			files: map[string]string{"r.rego": rule(ruleMeta("hedge", "warning", "1")[1:], `credcheck.rules.hedge["notitle"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule notitle: METADATA has no title",
		},
		{
			name:  "bad severity",
			files: map[string]string{"r.rego": rule(ruleMeta("hedge", "critical", "1"), `credcheck.rules.hedge["loud"]`)},
			file:  "r.rego", line: 1, col: 1, reason: `rule loud: METADATA custom.severity: unknown severity "critical" (want error, warning or info)`,
		},
		{
			name:  "negative weight",
			files: map[string]string{"r.rego": rule(withWeight("-2"), `credcheck.rules.hedge["refund"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule refund: METADATA custom.weight must be a number from 0 to 100, not -2",
		},
		{
			name:  "infinite weight",
			files: map[string]string{"r.rego": rule(withWeight(".inf"), `credcheck.rules.hedge["boundless"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule boundless: METADATA custom.weight must be a number from 0 to 100, not +Inf",
		},
		{
			name:  "weight out of range",
			files: map[string]string{"r.rego": rule(withWeight("1e300"), `credcheck.rules.hedge["huge"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule huge: METADATA custom.weight must be a number from 0 to 100, not 1e+300",
		},
		{
			name:  "missing weight",
			files: map[string]string{"r.rego": rule(withWeight(""), `credcheck.rules.hedge["weightless"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule weightless: METADATA custom.weight must be a number of points, 0 or more",
		},
		{
			name:  "weight that is text",
			files: map[string]string{"r.rego": rule(withWeight("heavy"), `credcheck.rules.hedge["wordy"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule wordy: METADATA custom.weight must be a number",
		},
		{
			name:  "params that are not a mapping",
			files: map[string]string{"r.rego": rule(append(ruleMeta("hedge", "warning", "1"), "  params: [1, 2]"), `credcheck.rules.hedge["listy"]`)},
			file:  "r.rego", line: 1, col: 1, reason: "rule listy: METADATA custom.params must map parameter names to default values",
		},
		{
			name: "duplicate rule name in two categories",
			files: map[string]string{
				"a.rego": rule(ruleMeta("hedge", "warning", "1"), `credcheck.rules.hedge["twin"]`),
				"b.rego": rule(ruleMeta("machine", "warning", "1"), `credcheck.rules.machine["twin"]`),
			},
			file: "b.rego", line: 12, reason: "rule twin is also defined in category hedge",
		},
		{
			name:  "user rule reusing a built-in name in another category",
			files: map[string]string{"r.rego": rule(ruleMeta("machine", "warning", "1"), `credcheck.rules.machine["hearsay-hedge"]`)},
			file:  "r.rego", line: 12, reason: "rule hearsay-hedge is also defined in category hedge",
		},
		{
			name:  "package directly under a category",
			files: map[string]string{"r.rego": "package credcheck.rules.hedge\n\n" + quietBody},
			file:  "r.rego", line: 1, col: 1, reason: `package data.credcheck.rules.hedge is under data.credcheck.rules but is not credcheck.rules.<category>["<name>"]`,
		},
		{
			name:  "package nested too deep",
			files: map[string]string{"r.rego": "\npackage credcheck.rules.hedge.extra.deep\n\n" + quietBody},
			file:  "r.rego", line: 2, col: 1, reason: `package data.credcheck.rules.hedge.extra.deep is under data.credcheck.rules but is not`,
		},
		{
			name:  "malformed user lexicon YAML",
			files: map[string]string{"credcheck/lexicons/mine/data.yaml": "description: Mine.\nentries:\n  - one\n  - two\n   bad: [\n"},
			file:  "credcheck/lexicons/mine/data.yaml", line: 5, col: 1, reason: "invalid YAML",
		},
		{
			name:  "malformed user data.json",
			files: map[string]string{"credcheck/lexicons/mine/data.json": "{\n  \"description\": \"Mine.\",\n  \"entries\": [\"one\" \"two\"]\n}\n"},
			file:  "credcheck/lexicons/mine/data.json", line: 3, col: 21, reason: "invalid JSON",
		},
		{
			// Columns count characters, as in Rego parse errors (next case):
			// "ï" and "é" are two bytes each but one column.
			name:  "malformed user data.json after multi-byte characters",
			files: map[string]string{"credcheck/lexicons/mine/data.json": "{\n  \"description\": \"Mïne.\", \"entries\": [\"é\" \"two\"]\n}\n"},
			file:  "credcheck/lexicons/mine/data.json", line: 2, col: 43, reason: "invalid JSON: invalid character '\"' after array element",
		},
		{
			name:  "rego syntax error after multi-byte characters",
			files: map[string]string{"x.rego": "package credcheck.rules.hedge[\"broken\"]\n\nreport contains x if { x := \"ééé\" + }\n"},
			file:  "x.rego", line: 3, col: 37, reason: "rego_parse_error: unexpected } token",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeTree(t, c.files)
			set, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}})
			if err == nil {
				t.Fatalf("Load succeeded with %d rules; want an error", len(set.Rules))
			}
			errs := policyErrors(t, err)
			wantFile := filepath.Join(dir, filepath.FromSlash(c.file))
			var got *policy.Error
			for _, e := range errs {
				if e.File == wantFile {
					got = e
				}
			}
			if got == nil {
				t.Fatalf("no error names %s; errors:\n%v", wantFile, err)
			}
			if got.Line != c.line || got.Column != c.col {
				t.Errorf("error at line %d col %d, want line %d col %d: %v", got.Line, got.Column, c.line, c.col, got)
			}
			prefix := fmt.Sprintf("%s:%d: ", wantFile, c.line)
			if c.col > 0 {
				prefix = fmt.Sprintf("%s:%d:%d: ", wantFile, c.line, c.col)
			}
			if !strings.HasPrefix(got.Error(), prefix) {
				t.Errorf("Error() = %q, want prefix %q", got.Error(), prefix)
			}
			if !strings.Contains(got.Reason, c.reason) {
				t.Errorf("reason %q does not say %q", got.Reason, c.reason)
			}
			// Every line of the whole error is located.
			for _, line := range strings.Split(err.Error(), "\n") {
				if !locatedLine.MatchString(line) {
					t.Errorf("error line %q does not start with file:line:", line)
				}
			}
		})
	}
}

// TestCompileErrorsInBuiltInFilesCarryPrefix breaks the built-in rules from
// a user directory: a user package named like a built-in helper rule
// (credcheck.lib.at) conflicts with it, and the compiler reports the
// conflict in the embedded file. Its errors must name the embedded files as
// built-in, not as paths on disk.
func TestCompileErrorsInBuiltInFilesCarryPrefix(t *testing.T) {
	dir := writeTree(t, map[string]string{"lib/house.rego": "package credcheck.lib.at\n\nhouse_words := {\"sources\"}\n"})
	_, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}})
	if err == nil {
		t.Fatal("a user package that conflicts with a built-in helper rule compiled")
	}
	builtIn := 0
	for _, e := range policyErrors(t, err) {
		if e.File == "" && strings.HasSuffix(e.Reason, "error limit reached") {
			continue // OPA's note that it stopped after ten errors
		}
		switch {
		case strings.HasPrefix(e.File, policy.BuiltInPrefix+"credcheck/"):
			builtIn++
		case strings.HasPrefix(e.File, dir):
		default:
			t.Errorf("error names %q, neither a built-in file nor one in %s: %v", e.File, dir, e)
		}
		if e.Line == 0 || e.Column == 0 {
			t.Errorf("compile error without line and column: %v", e)
		}
	}
	if builtIn == 0 {
		t.Errorf("no error names a built-in file:\n%v", err)
	}
}

func TestLoadCollectsErrorsOfSeveralRules(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.rego": regoModule(ruleMeta("gossip", "warning", "1"), `credcheck.rules.gossip["one"]`, quietBody),
		"b.rego": regoModule(ruleMeta("hedge", "loud", "1"), `credcheck.rules.hedge["two"]`, quietBody),
		"c.rego": "package credcheck.rules.hedge[\"three\"]\n\n" + quietBody,
	})
	_, err := policy.Load(context.Background(), policy.Options{Dirs: []string{dir}})
	errs := policyErrors(t, err)
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%s:%d", filepath.Base(e.File), e.Line))
	}
	// Errors come in package order, not file order; either is fine as long
	// as every broken rule is reported.
	sort.Strings(got)
	if diff := cmp.Diff([]string{"a.rego:1", "b.rego:1", "c.rego:1"}, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s\nfull error:\n%v", diff, err)
	}
	if n := strings.Count(err.Error(), "\n"); n != 2 {
		t.Errorf("Errors.Error() has %d line breaks, want one error per line:\n%v", n, err)
	}
}

func TestLoadRejectsBadPolicyPaths(t *testing.T) {
	file := filepath.Join(t.TempDir(), "rules.rego")
	if err := os.WriteFile(file, []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "no-such-dir")
	cases := []struct{ name, path, reason string }{
		{"missing directory", missing, "policy directory does not exist"},
		{"a file, not a directory", file, "policy path is not a directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := policy.Load(context.Background(), policy.Options{Dirs: []string{c.path}})
			if err == nil {
				t.Fatal("Load succeeded")
			}
			errs := policyErrors(t, err)
			want := []*policy.Error{{File: c.path, Reason: c.reason}}
			if diff := cmp.Diff(want, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if got, want := err.Error(), c.path+": "+c.reason; got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
		})
	}
}

func TestLoadRejectsConfigurationOfUnknownRules(t *testing.T) {
	cases := []struct {
		name string
		opts policy.Options
		want string
	}{
		{
			name: "disabling an unknown rule",
			opts: policy.Options{Disabled: []string{"hearsay-hedges"}},
			want: `configuration disables unknown rule "hearsay-hedges"; did you mean "hearsay-hedge"? (run ` + "`credcheck rules`" + ` for the list)`,
		},
		{
			name: "params of an unknown rule",
			opts: policy.Options{Params: map[string]map[string]any{"vague-sources": {"resolve_within": 3}}},
			want: `configuration sets parameters of unknown rule "vague-sources"; did you mean "vague-source"? (run ` + "`credcheck rules`" + ` for the list)`,
		},
		{
			name: "an unknown rule nothing is close to, located in the file",
			opts: policy.Options{Disabled: []string{"house-style"}, Where: where("rules.house-style", "c.yaml:4:3: ")},
			want: `c.yaml:4:3: configuration disables unknown rule "house-style" (run ` + "`credcheck rules`" + ` for the list)`,
		},
		{
			name: "a misspelt parameter, located in the file",
			opts: policy.Options{Params: map[string]map[string]any{"ai-vocabulary": {"min_distint": 2}}, Where: where("rules.ai-vocabulary.params.min_distint", "c.yaml:7:7: ")},
			want: `c.yaml:7:7: configuration sets unknown parameter "min_distint" of rule ai-vocabulary; did you mean "min_distinct"? (parameters: error_per_1000, min_distinct, min_per_1000, warning_distinct)`,
		},
		{
			name: "unknown parameter name",
			opts: policy.Options{Params: map[string]map[string]any{"ai-vocabulary": {"min_distinct": 2, "min_words": 3}}},
			want: `configuration sets unknown parameter "min_words" of rule ai-vocabulary (parameters: error_per_1000, min_distinct, min_per_1000, warning_distinct)`,
		},
		{
			name: "parameter of a rule without parameters",
			opts: policy.Options{Params: map[string]map[string]any{"weasel-passive": {"strict": true}}},
			want: `configuration sets unknown parameter "strict" of rule weasel-passive (parameters: none)`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := policy.Load(context.Background(), c.opts)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if err.Error() != c.want {
				t.Errorf("error = %q\nwant    %q", err.Error(), c.want)
			}
		})
	}
}

// where stands for the configuration file's positions: key is written at pos.
func where(key, pos string) func(string) string {
	return func(k string) string {
		if k == key {
			return pos
		}
		return ""
	}
}

func TestLoadAcceptsConfigurationOfUserRule(t *testing.T) {
	dir := writeTree(t, map[string]string{sourcesSayFile: sourcesSayRule, "credcheck/lexicons/source_claims/data.yaml": sourceClaimsLexicon})
	set := loadBuiltIn(t, policy.Options{
		Dirs:     []string{dir},
		Disabled: []string{"sources-say"},
		Params:   map[string]map[string]any{"sources-say": {"label": "unnamed sources"}},
	})
	if set.Rule("sources-say").Enabled {
		t.Error("user rule disabled by configuration is enabled")
	}
	if n := len(hitsOf(evaluate(t, set, portArticle), "sources-say")); n != 0 {
		t.Errorf("disabled user rule reported %d hits", n)
	}
}
