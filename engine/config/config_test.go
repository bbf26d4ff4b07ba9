package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/scoring"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// noConfigAbove skips the test when a directory above root holds a
// configuration file, which Find would rightly return.
func noConfigAbove(t *testing.T, root string) {
	t.Helper()
	if found := config.Find(filepath.Dir(root)); found != "" {
		t.Skipf("a configuration file above the temporary directory (%s) makes the test meaningless", found)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	noConfigAbove(t, root)
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(deep); got != "" {
		t.Fatalf("Find with no configuration file = %q, want \"\"", got)
	}

	// A file two levels up is found from below.
	aYML := filepath.Join(root, "a", ".credcheck.yml")
	write(t, aYML, "fail-level: warning\n")
	if got := config.Find(deep); got != aYML {
		t.Errorf("Find(a/b/c) = %q, want %q", got, aYML)
	}
	// .yaml wins over .yml in the same directory.
	aYAML := filepath.Join(root, "a", ".credcheck.yaml")
	write(t, aYAML, "fail-level: info\n")
	if got := config.Find(deep); got != aYAML {
		t.Errorf("Find with both names = %q, want %q", got, aYAML)
	}
	// The nearest directory wins over a farther one.
	bYML := filepath.Join(root, "a", "b", ".credcheck.yml")
	write(t, bYML, "fail-level: none\n")
	if got := config.Find(deep); got != bYML {
		t.Errorf("Find with a nearer file = %q, want %q", got, bYML)
	}
	// The directory itself is searched, and a directory with a
	// configuration file's name is not a configuration file.
	if err := os.Mkdir(filepath.Join(deep, ".credcheck.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(deep); got != bYML {
		t.Errorf("Find past a directory named .credcheck.yaml = %q, want %q", got, bYML)
	}
	cYAML := filepath.Join(deep, ".credcheck.yml")
	write(t, cYAML, "workers: 2\n")
	if got := config.Find(deep); got != cYAML {
		t.Errorf("Find in the directory itself = %q, want %q", got, cYAML)
	}
	// A sibling's file is not found.
	other := filepath.Join(root, "other")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := config.Find(other); got != "" {
		t.Errorf("Find(other) = %q, want \"\"", got)
	}
}

func TestFindRelativeDirReturnsAbsolutePath(t *testing.T) {
	root := t.TempDir()
	noConfigAbove(t, root)
	want := filepath.Join(root, ".credcheck.yaml")
	write(t, want, "format: json\n")
	if err := os.MkdirAll(filepath.Join(root, "sub", "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "sub"))
	for _, dir := range []string{".", "dir", "./dir/.."} {
		if got := config.Find(dir); got != want {
			t.Errorf("Find(%q) = %q, want %q", dir, got, want)
		}
	}
}

func TestCheckFile(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    []string // each line of the error, with FILE for the path; nil when valid
	}{
		{
			name: "every known setting",
			content: `policies: [house]
fail-level: warning
fail-under: 60
format: json
workers: 2
rules:
  loaded-language:
    enabled: false
  unsourced-claim:
    severity: info
    weight: 1
  ai-vocabulary:
    params:
      min_distinct: 4
scoring:
  floor: 200
  base: 70
  factors: {error: 2}
  caps: {machine: 10}
`,
		},
		{name: "empty file", content: ""},
		{name: "only a comment", content: "# nothing yet\n"},
		{
			name:    "unknown top-level key",
			content: "fail-level: error\nfail_under: 60\n",
			want:    []string{`FILE:2:1: unknown setting "fail_under" (known: allow-builtins, baseline, cache, cache-dir, data, exclude, fail-level, fail-under, follow-symlinks, format, full-sentences, ignore, include-credits, include-suppressed, json-indent, language, markdown-limit, max-bytes, max-findings, offline, output, overrides, policies, quiet, rules, scoring, story, template, timeout, workers)`},
		},
		{
			name:    "two unknown keys, both reported",
			content: "formats: json\nworkers: 2\npolicy: [x]\n",
			want: []string{
				`FILE:1:1: unknown setting "formats" (known: allow-builtins, baseline, cache, cache-dir, data, exclude, fail-level, fail-under, follow-symlinks, format, full-sentences, ignore, include-credits, include-suppressed, json-indent, language, markdown-limit, max-bytes, max-findings, offline, output, overrides, policies, quiet, rules, scoring, story, template, timeout, workers)`,
				`FILE:3:1: unknown setting "policy" (known: allow-builtins, baseline, cache, cache-dir, data, exclude, fail-level, fail-under, follow-symlinks, format, full-sentences, ignore, include-credits, include-suppressed, json-indent, language, markdown-limit, max-bytes, max-findings, offline, output, overrides, policies, quiet, rules, scoring, story, template, timeout, workers)`,
			},
		},
		{
			name:    "unknown rule setting",
			content: "rules:\n  vague-source:\n    enabled: true\n    parms:\n      resolve_within: 3\n",
			want:    []string{`FILE:4:5: rule vague-source: unknown setting "parms" (known: enabled, severity, weight, params)`},
		},
		{
			name:    "unknown settings of two rules and a top-level key",
			content: "rules:\n  a:\n    weigth: 2\n  b: {severty: info}\nfromat: text\n",
			want: []string{
				`FILE:3:5: rule a: unknown setting "weigth" (known: enabled, severity, weight, params)`,
				`FILE:4:7: rule b: unknown setting "severty" (known: enabled, severity, weight, params)`,
				`FILE:5:1: unknown setting "fromat" (known: allow-builtins, baseline, cache, cache-dir, data, exclude, fail-level, fail-under, follow-symlinks, format, full-sentences, ignore, include-credits, include-suppressed, json-indent, language, markdown-limit, max-bytes, max-findings, offline, output, overrides, policies, quiet, rules, scoring, story, template, timeout, workers)`,
			},
		},
		{
			name:    "rule given a scalar",
			content: "rules:\n  loaded-language: false\n",
			want:    []string{`FILE:2:20: rule loaded-language: expected enabled, severity, weight or params`},
		},
		{
			name:    "rules given a list",
			content: "rules:\n  - loaded-language\n",
			want:    []string{`FILE:2:3: rules must map rule IDs to settings`},
		},
		{
			name:    "unknown scoring setting",
			content: "scoring:\n  decy: 0.3\n  caps: {machine: 10}\n  factor: {error: 3}\n",
			want: []string{
				`FILE:2:3: scoring: unknown setting "decy" (known: base, caps, factors, floor)`,
				`FILE:4:3: scoring: unknown setting "factor" (known: base, caps, factors, floor)`,
			},
		},
		{
			name:    "scoring given a scalar",
			content: "scoring: strict\n",
			want:    []string{`FILE:1:10: scoring must map base, floor, factors and caps to values`},
		},
		{name: "empty scoring section", content: "scoring:\n"},
		{
			name:    "document that is not a mapping",
			content: "- fail-level\n- error\n",
			want:    []string{`FILE:1: configuration must be a mapping of settings`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".credcheck.yaml")
			write(t, path, c.content)
			err := config.CheckFile(path)
			if c.want == nil {
				if err != nil {
					t.Errorf("CheckFile = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("CheckFile = nil, want an error")
			}
			got := strings.Split(strings.ReplaceAll(err.Error(), path, "FILE"), "\n")
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("CheckFile error lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckFileInvalidYAMLNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".credcheck.yaml")
	write(t, path, "rules:\n  a: [\n")
	err := config.CheckFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), "line") {
		t.Errorf("CheckFile on invalid YAML = %v, want an error starting with the path and giving the line", err)
	}
}

func TestCheckFileMissingFile(t *testing.T) {
	err := config.CheckFile(filepath.Join(t.TempDir(), "absent.yaml"))
	if !os.IsNotExist(err) {
		t.Errorf("CheckFile on a missing file = %v, want a not-exist error", err)
	}
}

// load reads a configuration file the way its yaml tags describe.
func load(t *testing.T, content string) config.Config {
	t.Helper()
	var c config.Config
	if err := yaml.Unmarshal([]byte(content), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func ptr[T any](v T) *T { return &v }

func TestScoringSettings(t *testing.T) {
	cases := []struct {
		name    string
		scoring config.Scoring
		change  func(*scoring.Settings)
		wantErr string
	}{
		{name: "nothing set keeps the defaults", change: func(*scoring.Settings) {}},
		{
			name:    "floor",
			scoring: config.Scoring{Floor: ptr(400.0)},
			change:  func(s *scoring.Settings) { s.Floor = 400 },
		},
		{
			name:    "base 0 is a value, not unset",
			scoring: config.Scoring{Base: ptr(0.0)},
			change:  func(s *scoring.Settings) { s.Base = 0 },
		},
		{
			name:    "factors by severity name, any case",
			scoring: config.Scoring{Factors: map[string]float64{"Error": 3, "info": 0}},
			change: func(s *scoring.Settings) {
				s.Factors[finding.Error] = 3
				s.Factors[finding.Info] = 0
			},
		},
		{
			name:    "caps",
			scoring: config.Scoring{Caps: map[string]float64{"machine": 10, "boilerplate": 0}},
			change: func(s *scoring.Settings) {
				s.Caps["machine"] = 10
				s.Caps["boilerplate"] = 0
			},
		},
		{name: "base above 100", scoring: config.Scoring{Base: ptr(101.0)}, wantErr: "scoring base must be a number from 0 to 100, not 101"},
		{name: "floor below a word", scoring: config.Scoring{Floor: ptr(0.5)}, wantErr: "scoring floor (words) must be a number from 1 to 1000000, not 0.5"},
		{name: "factor of unknown severity", scoring: config.Scoring{Factors: map[string]float64{"critical": 4}}, wantErr: `scoring.factors: unknown severity "critical" (want error, warning or info)`},
		{name: "negative factor", scoring: config.Scoring{Factors: map[string]float64{"warning": -1}}, wantErr: "scoring factor for warning must be a number from 0 to 100, not -1"},
		{name: "cap of unknown category", scoring: config.Scoring{Caps: map[string]float64{"style": 5}}, wantErr: `scoring cap for unknown category "style"`},
		{name: "negative cap", scoring: config.Scoring{Caps: map[string]float64{"hedge": -1}}, wantErr: "scoring cap for hedge must be a number from 0 to 100, not -1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := config.Config{Scoring: c.scoring}.ScoringSettings(scoring.Defaults())
			if c.wantErr != "" {
				if err == nil || err.Error() != c.wantErr {
					t.Errorf("ScoringSettings error = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ScoringSettings: %v", err)
			}
			want := scoring.Defaults()
			c.change(&want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
	// Changing one configuration's settings does not leak into the defaults.
	if _, err := (config.Config{Scoring: config.Scoring{Caps: map[string]float64{"hedge": 1}}}).ScoringSettings(scoring.Defaults()); err != nil {
		t.Fatal(err)
	}
	if got, _ := (config.Config{}).ScoringSettings(scoring.Defaults()); got.Caps["hedge"] != 15 {
		t.Errorf("hedge cap is %g after another configuration set it; want the default 15", got.Caps["hedge"])
	}
}

func TestScoringSettingsFromFile(t *testing.T) {
	c := load(t, "scoring:\n  floor: 300\n  factors: {error: 4, warning: 2}\n  caps: {machine: 10}\n")
	got, err := c.ScoringSettings(scoring.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.Defaults()
	want.Floor = 300
	want.Factors[finding.Error], want.Factors[finding.Warning] = 4, 2
	want.Caps["machine"] = 10
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings from file (-want +got):\n%s", diff)
	}
}

func TestFailLevelRank(t *testing.T) {
	cases := []struct {
		level   string
		want    int
		wantErr string
	}{
		{"", 3, ""},
		{"error", 3, ""},
		{"ERROR", 3, ""},
		{"warning", 2, ""},
		{"Warning", 2, ""},
		{"info", 1, ""},
		{"none", 0, ""},
		{"None", 0, ""},
		{"fatal", 0, `fail-level: unknown severity "fatal" (want error, warning or info) (or none)`},
		{"warn", 0, `fail-level: unknown severity "warn" (want error, warning or info) (or none)`},
	}
	for _, c := range cases {
		t.Run(c.level, func(t *testing.T) {
			got, err := config.Config{FailLevel: c.level}.FailLevelRank()
			if c.wantErr != "" {
				if err == nil || err.Error() != c.wantErr {
					t.Errorf("FailLevelRank(%q) error = %v, want %q", c.level, err, c.wantErr)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("FailLevelRank(%q) = %d, %v; want %d", c.level, got, err, c.want)
			}
		})
	}
	// The ranks are those of the severities, so Gate compares them directly.
	for _, sev := range finding.Severities {
		got, _ := config.Config{FailLevel: string(sev)}.FailLevelRank()
		if got != sev.Rank() {
			t.Errorf("FailLevelRank(%s) = %d, want %d", sev, got, sev.Rank())
		}
	}
}

const rulesFile = `rules:
  loaded-language:
    enabled: false
  stock-opener:
    enabled: false
    weight: 0
  vague-source:
    enabled: true
    severity: error
    params:
      resolve_within: 3
  unsourced-claim:
    severity: Info
    weight: 1.5
  ai-vocabulary:
    params:
      min_distinct: 4
      min_per_1000: 2.5
  hearsay-hedge:
    params: {}
`

func TestRuleSettingsFromFile(t *testing.T) {
	c := load(t, rulesFile)
	if diff := cmp.Diff([]string{"loaded-language", "stock-opener"}, c.Disabled()); diff != "" {
		t.Errorf("Disabled (-want +got):\n%s", diff)
	}
	wantParams := map[string]map[string]any{
		"vague-source":  {"resolve_within": 3},
		"ai-vocabulary": {"min_distinct": 4, "min_per_1000": 2.5},
	}
	if diff := cmp.Diff(wantParams, c.Params()); diff != "" {
		t.Errorf("Params (-want +got):\n%s", diff)
	}
	sev, err := c.Severities()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]finding.Severity{"vague-source": finding.Error, "unsourced-claim": finding.Info}, sev); diff != "" {
		t.Errorf("Severities (-want +got):\n%s", diff)
	}
	w, err := c.Weights()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]float64{"stock-opener": 0, "unsourced-claim": 1.5}, w); diff != "" {
		t.Errorf("Weights (-want +got):\n%s", diff)
	}
	if err := config.CheckFile(writeTemp(t, rulesFile)); err != nil {
		t.Errorf("CheckFile on a valid rules file: %v", err)
	}
}

func writeTemp(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".credcheck.yaml")
	write(t, p, content)
	return p
}

func TestRuleSettingsEmpty(t *testing.T) {
	var c config.Config
	if got := c.Disabled(); len(got) != 0 {
		t.Errorf("Disabled of an empty config = %v", got)
	}
	if got := c.Params(); got == nil || len(got) != 0 {
		t.Errorf("Params of an empty config = %#v, want an empty map", got)
	}
	if got, err := c.Severities(); err != nil || len(got) != 0 {
		t.Errorf("Severities of an empty config = %v, %v", got, err)
	}
	if got, err := c.Weights(); err != nil || len(got) != 0 {
		t.Errorf("Weights of an empty config = %v, %v", got, err)
	}
}

func TestRuleSettingsErrors(t *testing.T) {
	bad := config.Config{Rules: map[string]config.Rule{"vague-source": {Severity: "severe"}}}
	if _, err := bad.Severities(); err == nil || err.Error() != `rules.vague-source.severity: unknown severity "severe" (want error, warning or info)` {
		t.Errorf("Severities error = %v", err)
	}
	neg := config.Config{Rules: map[string]config.Rule{"loaded-language": {Weight: ptr(-1.0)}}}
	if _, err := neg.Weights(); err == nil || err.Error() != "rules.loaded-language.weight must be a number from 0 to 100, not -1" {
		t.Errorf("Weights error = %v", err)
	}
}

func TestResolvePaths(t *testing.T) {
	abs := filepath.Join(string(filepath.Separator), "srv", "policies")
	got := config.ResolvePaths([]string{"house", "../shared/rules", abs}, filepath.Join("/etc", "proj"))
	want := []string{filepath.Join("/etc", "proj", "house"), filepath.Join("/etc", "shared", "rules"), abs}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ResolvePaths (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"house"}, config.ResolvePaths([]string{"house"}, "")); diff != "" {
		t.Errorf("ResolvePaths with no base (-want +got):\n%s", diff)
	}
}

// TestDocumentedExamplesPassCheckFile checks the configuration examples in
// the docs against CheckFile, so the docs and the checker agree.
func TestDocumentedExamplesPassCheckFile(t *testing.T) {
	for _, doc := range []string{"configuration.md", "scoring.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", doc))
		if err != nil {
			t.Fatalf("reading docs/%s: %v", doc, err)
		}
		blocks := strings.Split(string(data), "```yaml\n")
		if len(blocks) < 2 {
			t.Fatalf("docs/%s has no yaml example", doc)
		}
		for i, b := range blocks[1:] {
			example, _, _ := strings.Cut(b, "```")
			path := writeTemp(t, example)
			if err := config.CheckFile(path); err != nil {
				t.Errorf("docs/%s example %d fails CheckFile:\n%v", doc, i+1, err)
			}
			c := load(t, example)
			if _, err := c.ScoringSettings(scoring.Defaults()); err != nil {
				t.Errorf("docs/%s example %d: ScoringSettings: %v", doc, i+1, err)
			}
			if _, err := c.FailLevelRank(); err != nil {
				t.Errorf("docs/%s example %d: FailLevelRank: %v", doc, i+1, err)
			}
		}
	}
}

const ciFile = `
ignore:
  - rules: [loaded-language]
    paths: ["opinion/**"]
    reason: columns take sides
overrides:
  - paths: ["opinion/**", "letters/"]
    fail-level: none
    fail-under: 40
  - paths: ["wire/*.jsonl"]
    fail-level: info
baseline: ci/baseline.json
`

func TestIgnoreOverridesAndBaselineFromFile(t *testing.T) {
	c := load(t, ciFile)
	c.Dir = "/newsroom"
	if err := config.CheckFile(writeTemp(t, ciFile)); err != nil {
		t.Errorf("CheckFile: %v", err)
	}
	want := []config.Ignore{{Rules: []string{"loaded-language"}, Paths: []string{"opinion/**"}, Reason: "columns take sides"}}
	if diff := cmp.Diff(want, c.Ignore); diff != "" {
		t.Errorf("Ignore (-want +got):\n%s", diff)
	}
	if c.Baseline != "ci/baseline.json" {
		t.Errorf("Baseline = %q", c.Baseline)
	}
	gates, err := c.PathGates()
	if err != nil {
		t.Fatal(err)
	}
	if len(gates) != 2 {
		t.Fatalf("PathGates = %+v, want 2", gates)
	}
	if g := gates[0]; *g.FailRank != 0 || *g.FailUnder != 40 || g.Paths.Base != "/newsroom" || len(g.Paths.Globs) != 2 {
		t.Errorf("first gate = %+v", g)
	}
	if g := gates[1]; *g.FailRank != finding.Info.Rank() || g.FailUnder != nil {
		t.Errorf("second gate = %+v: want fail-level info and no fail-under of its own", g)
	}
}

func TestPathGateErrors(t *testing.T) {
	for yml, want := range map[string]string{
		"overrides:\n  - fail-level: none\n":                    "overrides[0]: paths is required",
		"overrides:\n  - paths: [a]\n":                          "overrides[0]: set fail-level or fail-under",
		"overrides:\n  - paths: [a]\n    fail-level: loud\n":    `overrides[0].fail-level: unknown severity "loud"`,
		"overrides:\n  - paths: [\"a/[\"]\n    fail-under: 9\n": `overrides[0]: bad path pattern "a/["`,
	} {
		_, err := load(t, yml).PathGates()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error = %v, want %q", yml, err, want)
		}
	}
}

func TestCheckFileListSections(t *testing.T) {
	path := writeTemp(t, "ignore:\n  - rule: x\n    paths: [a]\noverrides: opinion\n")
	err := config.CheckFile(path)
	for _, want := range []string{
		path + `:2:5: ignore: unknown setting "rule" (known: rules, paths, reason)`,
		path + ":4:12: overrides must be a list of entries with paths, fail-level, fail-under",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckFile error = %v, want it to contain %q", err, want)
		}
	}
}

func TestForceEnglish(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
		err   bool
	}{{"", false, false}, {"auto", false, false}, {"AUTO", false, false}, {"en", true, false}, {"English", true, false}, {"de", false, true}, {"klingon", false, true}} {
		got, err := config.Config{Language: tc.value}.ForceEnglish()
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ForceEnglish(%q) = %v, %v; want %v, error %v", tc.value, got, err, tc.want, tc.err)
		}
	}
}

func TestLocateRecordsEveryKeyAtAnyDepth(t *testing.T) {
	data := []byte("rules:\n  ai-vocabulary:\n    params:\n      min_distinct: 4\nignore:\n  - rules: [x]\n    reason: r\n")
	c := config.Config{Positions: config.Locate("c.yaml", data)}
	for key, want := range map[string]string{
		"rules":               "c.yaml:1:1: ",
		"rules.ai-vocabulary": "c.yaml:2:3: ",
		"rules.ai-vocabulary.params.min_distinct": "c.yaml:4:7: ",
		"ignore[0].reason":                        "c.yaml:7:5: ",
		"rules.no-such-rule":                      "",
	} {
		if got := c.Where(key); got != want {
			t.Errorf("Where(%q) = %q, want %q", key, got, want)
		}
	}
}

// The file in use is the one named, else CREDCHECK_CONFIG's, else the one
// found upward; only the first two must exist.
func TestInUse(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(filepath.Join(dir, ".credcheck.yaml"), []byte("workers: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CREDCHECK_CONFIG", "")
	found, _ := filepath.EvalSymlinks(filepath.Join(dir, ".credcheck.yaml"))
	if p, named := config.InUse(""); named {
		t.Errorf("found %s counted as named", p)
	} else if got, _ := filepath.EvalSymlinks(p); got != found {
		t.Errorf("found %q, want %q", p, found)
	}
	t.Setenv("CREDCHECK_CONFIG", "env.yaml")
	if p, named := config.InUse(""); p != "env.yaml" || !named {
		t.Errorf("with CREDCHECK_CONFIG: %q %v", p, named)
	}
	if p, named := config.InUse("flag.yaml"); p != "flag.yaml" || !named {
		t.Errorf("with the flag: %q %v", p, named)
	}
	for path, want := range map[string]string{"a/b/c.yaml": "a/b", `a\b.yaml`: "a", "c.yaml": "."} {
		if got := config.DirOf(path); got != want {
			t.Errorf("DirOf(%q) = %q, want %q", path, got, want)
		}
	}
}
