package main

import (
	"path/filepath"
	"testing"
)

// A rule switched off in configuration is not evaluated at all: a house
// rule that fails on every article, disabled, leaves check as it is without
// the rule; enabled, it fails the check.
func TestDisabledRuleIsNotEvaluated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "house", "broken.rego"), houseRule("always-broken", `report contains f if {
	some s in input.sentences
	f := {"sentence": s.index, "message": sprintf("%v", [1 / (count(s.text) - count(s.text))])}
}
`))
	write(t, filepath.Join(dir, "a.txt"), hedgedArticle)
	plain := credcheck(t, dir, nil, "", "check", "--format", "json", "a.txt")

	r := credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", "a.txt")
	if r.code != 2 {
		t.Fatalf("with the broken rule enabled: exit %d, want 2\n%s", r.code, r.stderr)
	}

	write(t, filepath.Join(dir, ".credcheck.yaml"), "rules:\n  always-broken:\n    enabled: false\n")
	r = credcheck(t, dir, nil, "", "check", "--policy", "house", "--format", "json", "a.txt")
	if r.code != plain.code || r.stderr != "" {
		t.Fatalf("with the broken rule disabled: exit %d, want %d\n%s", r.code, plain.code, r.stderr)
	}
	if r.stdout != plain.stdout {
		t.Errorf("report with the broken rule disabled differs from the report without it:\n%s\nwant\n%s", r.stdout, plain.stdout)
	}
}
