package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigUnknownRulesAreLocated: rule IDs and parameter names need the
// loaded catalog to check, long after the file was parsed; the errors
// still name the file, line and column, and the closest real name.
func TestConfigUnknownRulesAreLocated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), cleanArticle)
	cfg := filepath.Join(dir, ".credcheck.yaml")
	write(t, cfg, "fail-level: error\nrules:\n  loaded-languag:\n    severity: info\n  house-style: {}\n  vague-sorce:\n    weight: 2\n")
	r := credcheck(t, dir, nil, "", "check", "a.md")
	want := cfg + `:3:3: configuration: rules: unknown rule "loaded-languag"; did you mean "loaded-language"? (run ` + "`credcheck rules`" + ` for the list)
` + cfg + `:5:3: configuration: rules: unknown rule "house-style" (run ` + "`credcheck rules`" + ` for the list)
` + cfg + `:6:3: configuration: rules: unknown rule "vague-sorce"; did you mean "vague-source"? (run ` + "`credcheck rules`" + ` for the list)`
	if r.code != 2 || strings.TrimSpace(r.stderr) != "credcheck: "+want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\ncredcheck: %s", r.code, r.stderr, want)
	}

	write(t, cfg, "rules:\n  ai-vocabulary:\n    params:\n      min_distint: 4\n")
	r = credcheck(t, dir, nil, "", "check", "a.md")
	want = cfg + `:4:7: configuration sets unknown parameter "min_distint" of rule ai-vocabulary; did you mean "min_distinct"?`
	if r.code != 2 || !strings.HasPrefix(r.stderr, "credcheck: "+want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start:\ncredcheck: %s", r.code, r.stderr, want)
	}
}
