package policy

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// RuleTest is one Rego test of a rule.
type RuleTest struct {
	Name string
	File string
	Line int
	// Kind is "fires" for test_fires_* tests, "quiet" for test_quiet_*,
	// "" for others.
	Kind string
}

// TestsOf lists the tests in the test package of rule id
// (credcheck.rules.<category>["<id>_test"], or credcheck.story_rules… for
// a story rule), in file order. The set must be loaded with Options.Tests.
func (s *Set) TestsOf(id string) []RuleTest {
	r := s.anyRule(id)
	if r == nil {
		return nil
	}
	root := RulesRoot
	if r.Story {
		root = StoryRulesRoot
	}
	pkg := root.Append(ast.StringTerm(r.Category)).Append(ast.StringTerm(id + "_test"))
	var out []RuleTest
	seen := map[string]bool{}
	for file, m := range s.Modules {
		if !m.Package.Path.Equal(pkg) {
			continue
		}
		for _, rule := range m.Rules {
			name := rule.Head.Name.String()
			if name == "" && len(rule.Head.Reference) > 0 {
				name = rule.Head.Reference[0].String()
			}
			if !strings.HasPrefix(name, "test_") || seen[name] {
				continue
			}
			seen[name] = true
			t := RuleTest{Name: name, File: s.displayName(file), Line: rule.Location.Row}
			switch {
			case strings.HasPrefix(name, "test_fires"):
				t.Kind = "fires"
			case strings.HasPrefix(name, "test_quiet"):
				t.Kind = "quiet"
			}
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}
