package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/scoring"
)

// BuiltIn is the Source of rules embedded in the binary.
const BuiltIn = "built-in"

// RulesRoot is the package prefix rules live under:
// credcheck.rules.<category>.<name>.
var RulesRoot = ast.MustParseRef("data.credcheck.rules")

// Rule describes one rule, read from the METADATA annotation of its package.
type Rule struct {
	// ID is the rule's name, the last part of its package path; it is unique
	// across categories and is what configuration refers to.
	ID          string
	Category    string
	Title       string
	Description string
	// Why says why the problem matters to a reader.
	Why        string
	Severity   finding.Severity
	Weight     float64
	References []Reference
	// Params are the rule's parameters with their defaults.
	Params map[string]any
	// Examples, from the annotation: a sentence that fires and one that
	// does not.
	Fires, Quiet string
	// Source is BuiltIn or the user policy directory the rule came from.
	Source string
	// File and Line locate the package declaration.
	File string
	Line int
	// Enabled is false when configuration switches the rule off.
	Enabled bool
	// Story is true for a story rule (data.credcheck.story_rules), which
	// judges a story document rather than an article.
	Story bool
	// Input lists the top-level parts of the input the rule reads
	// (METADATA custom.input); nil when it does not say, and then it is
	// given all of them.
	Input []string
}

// Reference is a link given in a rule's related_resources.
type Reference struct {
	URL, Description string
}

// rulePackage returns the category and name of a package under
// data.credcheck.rules, and whether it is one.
func rulePackage(path ast.Ref) (category, name string, ok bool) {
	if len(path) < len(RulesRoot) || !path.HasPrefix(RulesRoot) {
		return "", "", false
	}
	parts := make([]string, 0, 2)
	for _, t := range path[len(RulesRoot):] {
		s, isStr := t.Value.(ast.String)
		if !isStr {
			return "", "", false
		}
		parts = append(parts, string(s))
	}
	if len(parts) != 2 {
		return strings.Join(parts, "."), "", true
	}
	return parts[0], parts[1], true
}

// isTestPackage reports whether a package holds tests of a rule
// ("credcheck.rules.hedge["hearsay-hedge_test"]").
func isTestPackage(name string) bool { return strings.HasSuffix(name, "_test") }

// readRule builds a Rule from the annotation of a rule package.
func readRule(category, name string, a *ast.Annotations, file string, line int, source string) (*Rule, error) {
	if a == nil {
		return nil, &Error{File: file, Line: line, Column: 1, Reason: fmt.Sprintf("rule %s has no METADATA block before its package line (needs title, description and custom category, severity, weight)", name)}
	}
	r := &Rule{ID: name, Category: category, Title: a.Title, Description: strings.TrimSpace(a.Description), Source: source, File: file, Line: line, Enabled: true}
	fail := func(format string, args ...any) error {
		row := line
		if a.Location != nil {
			row = a.Location.Row
		}
		return &Error{File: file, Line: row, Column: 1, Reason: fmt.Sprintf("rule %s: ", name) + fmt.Sprintf(format, args...)}
	}
	if r.Title == "" {
		return nil, fail("METADATA has no title")
	}
	if r.Description == "" {
		return nil, fail("METADATA has no description")
	}
	custom := a.Custom
	if custom == nil {
		return nil, fail("METADATA has no custom block with category, severity and weight")
	}
	cat, _ := custom["category"].(string)
	switch {
	case cat == "":
		return nil, fail("METADATA custom.category is missing")
	case !finding.KnownCategory(cat):
		return nil, fail("unknown category %q (categories: %s)", cat, strings.Join(finding.Categories, ", "))
	case cat != category:
		return nil, fail("METADATA category %q does not match the package path category %q", cat, category)
	}
	sev, _ := custom["severity"].(string)
	severity, err := finding.ParseSeverity(sev)
	if err != nil {
		return nil, fail("METADATA custom.severity: %v", err)
	}
	r.Severity = severity
	weight, ok := toFloat(custom["weight"])
	if !ok {
		return nil, fail("METADATA custom.weight must be a number of points, 0 or more")
	}
	if err := scoring.WeightRange.Check(weight); err != nil {
		return nil, fail("METADATA custom.weight %v", err)
	}
	r.Weight = weight
	r.Why, _ = custom["why"].(string)
	if p, ok := custom["params"].(map[string]any); ok {
		r.Params = p
	} else if custom["params"] != nil {
		return nil, fail("METADATA custom.params must map parameter names to default values")
	}
	if r.Input, err = readInputDecl(custom); err != nil {
		return nil, fail("%v", err)
	}
	if ex, ok := custom["examples"].(map[string]any); ok {
		r.Fires, _ = ex["fires"].(string)
		r.Quiet, _ = ex["quiet"].(string)
	}
	for _, rr := range a.RelatedResources {
		r.References = append(r.References, Reference{URL: rr.Ref.String(), Description: rr.Description})
	}
	return r, nil
}

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	case uint64:
		return float64(n), true
	}
	return 0, false
}

// sortRules orders rules by category (in the fixed category order), then ID.
func sortRules(rules []*Rule) {
	order := map[string]int{}
	for i, c := range finding.Categories {
		order[c] = i
	}
	sort.Slice(rules, func(i, j int) bool {
		if rules[i].Category != rules[j].Category {
			return order[rules[i].Category] < order[rules[j].Category]
		}
		return rules[i].ID < rules[j].ID
	})
}
