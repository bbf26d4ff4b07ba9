package policies_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/credcheck/credcheck/engine/policy"
	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRegoTests runs every rule's Rego tests twice: with the data the
// engine evaluates against, and with the policy data alone, as stock
// `opa test policies/` does.
func TestRegoTests(t *testing.T) {
	set, err := policy.Load(context.Background(), policy.Options{Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, engineData := range []bool{true, false} {
		t.Run(fmt.Sprintf("engineData=%v", engineData), func(t *testing.T) {
			results, err := set.RunTests(context.Background(), engineData)
			if err != nil {
				t.Fatal(err)
			}
			if len(results) == 0 {
				t.Fatal("no Rego tests ran")
			}
			for _, r := range results {
				if r.Fail || r.Error != nil {
					t.Errorf("%s:%d: %s.%s failed: %v\n%s", r.Location.File, r.Location.Row, r.Package, r.Name, r.Error, r.Output)
				}
			}
		})
	}
}

// TestEveryRuleHasFiringAndQuietTests holds every built-in rule to having at
// least one test that shows it firing (test_fires_*) and one that shows it
// staying quiet on a near miss (test_quiet_*).
func TestEveryRuleHasFiringAndQuietTests(t *testing.T) {
	set, err := policy.Load(context.Background(), policy.Options{Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	results, err := set.RunTests(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]map[string]int{}
	for _, r := range results {
		pkg := r.Package
		if kinds[pkg] == nil {
			kinds[pkg] = map[string]int{}
		}
		for _, k := range []string{"test_fires_", "test_quiet_"} {
			if strings.HasPrefix(r.Name, k) && !r.Fail && r.Error == nil {
				kinds[pkg][k]++
			}
		}
	}
	var missing []string
	for _, rule := range set.Rules {
		// Printed as OPA prints package paths: bracketed only where the
		// name is not a plain identifier (hyphenated rule ids).
		pkg := ast.MustParseRef("data.credcheck.rules").Append(ast.StringTerm(rule.Category)).Append(ast.StringTerm(rule.ID + "_test")).String()
		for _, k := range []string{"test_fires_", "test_quiet_"} {
			if kinds[pkg][k] == 0 {
				missing = append(missing, fmt.Sprintf("%s has no passing %s* test in %s", rule.ID, k, pkg))
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("rules without tests:\n%s", strings.Join(missing, "\n"))
	}
	if len(set.Rules) < 10 {
		t.Errorf("only %d rules loaded; the catalog is incomplete", len(set.Rules))
	}
}
