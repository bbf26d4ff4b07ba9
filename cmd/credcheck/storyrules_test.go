package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// storyConfig writes a configuration file and returns its absolute path,
// for a run in the repository root.
func storyConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".credcheck.yaml")
	write(t, path, body)
	return path
}

func TestStoryRulesAreConfigurable(t *testing.T) {
	t.Parallel()
	cfg := storyConfig(t, "rules:\n  story-sole-confirmation:\n    enabled: false\n  story-figure-conflict:\n    severity: error\n  story-copied-text:\n    params:\n      shared: 100\n")
	r := credcheck(t, "", nil, "", "story", "--config", cfg, oneReport)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "story-sole-confirmation") {
		t.Errorf("a story rule configuration switches off still reports:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "  error story-figure-conflict:") {
		t.Errorf("the configured severity is not the finding's:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "story-copied-text") {
		t.Errorf("story-copied-text fired with params.shared 100:\n%s", r.stdout)
	}
	list := credcheck(t, "", nil, "", "rules", "--config", cfg)
	for _, want := range []string{"story-sole-confirmation    attribution    info             disabled", "story-figure-conflict      contradiction  error            enabled"} {
		if !strings.Contains(list.stdout, want) {
			t.Errorf("credcheck rules has no %q:\n%s", want, list.stdout)
		}
	}
}

func TestStoryRuleConfigMistakes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ body, want string }{
		{"rules:\n  story-copied-txt:\n    enabled: false\n", `unknown rule "story-copied-txt"; did you mean "story-copied-text"?`},
		{"rules:\n  story-copied-text:\n    params:\n      sharde: 3\n", `unknown parameter "sharde" of rule story-copied-text; did you mean "shared"?`},
		{"rules:\n  story-copied-text:\n    weight: 3\n", "story-copied-text is a story rule, and story findings are not scored"},
	} {
		cfg := storyConfig(t, tc.body)
		r := credcheck(t, "", nil, "", "story", "--config", cfg, oneReport)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, ".credcheck.yaml:") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 naming the file's line and %q", tc.body, r.code, r.stderr, tc.want)
		}
	}
}

func TestRulesAndExplainCoverStoryRules(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "rules", "--format", "json")
	if !strings.Contains(r.stdout, `"id": "story-announced-vs-silent",`) || !strings.Contains(r.stdout, `"scope": "story"`) || !strings.Contains(r.stdout, `"scope": "article"`) {
		t.Errorf("credcheck rules --format json lacks the story rules or their scope:\n%.2000s", r.stdout)
	}
	e := credcheck(t, "", nil, "", "explain", "story-figure-conflict")
	if e.code != 0 {
		t.Fatalf("explain: exit %d\n%s", e.code, e.stderr)
	}
	for _, want := range []string{"story rule · contradiction · warning · enabled · built-in", "test_fires_on_exact_against_nearly", "rules.story-figure-conflict.severity: warning  (default)"} {
		if !strings.Contains(e.stdout, want) {
			t.Errorf("explain has no %q:\n%s", want, e.stdout)
		}
	}
}
