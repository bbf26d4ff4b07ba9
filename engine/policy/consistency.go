package policy

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// ConsistencyRulesRoot is the package prefix consistency rules live
// under: credcheck.consistency_rules.<category>.<name>. They judge a
// comparison document (a summary lined up against its article), so
// neither the article query nor the story query reaches them.
var ConsistencyRulesRoot = ast.MustParseRef("data.credcheck.consistency_rules")

const consistencyQuery = "report := data.credcheck.consistency_rules[category][name].report"

// ConsistencyRules reads the METADATA of every consistency rule package
// among the loaded modules, checked as article rules' are, in catalog
// order.
func (s *Set) ConsistencyRules() ([]*Rule, error) {
	var rules []*Rule
	var errs Errors
	seen := map[string]bool{}
	names := make([]string, 0, len(s.Modules))
	for name := range s.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, file := range names {
		m := s.Modules[file]
		category, name, ok := packageUnder(ConsistencyRulesRoot, m.Package.Path)
		if !ok || name == "" || isTestPackage(name) || seen[name] {
			continue
		}
		var annotation *ast.Annotations
		for _, a := range m.Annotations {
			if a.Scope == "package" || a.Scope == "subpackages" {
				annotation = a
			}
		}
		if annotation == nil {
			continue // the METADATA may sit in another file of the package
		}
		r, err := readRule(category, name, annotation, file, m.Package.Location.Row, s.sources[file])
		if err != nil {
			var pe *Error
			if errors.As(err, &pe) {
				errs = append(errs, pe)
				continue
			}
			return nil, err
		}
		seen[name] = true
		rules = append(rules, r)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sortRules(rules)
	return rules, nil
}

// packageUnder splits a package path root.<category>.<name>.
func packageUnder(root, path ast.Ref) (category, name string, ok bool) {
	if len(path) != len(root)+2 || !path.HasPrefix(root) {
		return "", "", false
	}
	c, ok1 := path[len(root)].Value.(ast.String)
	n, ok2 := path[len(root)+1].Value.(ast.String)
	return string(c), string(n), ok1 && ok2
}

// PrepareConsistency compiles the query that reads every consistency
// rule's report.
func (s *Set) PrepareConsistency(ctx context.Context) (rego.PreparedEvalQuery, error) {
	return s.Prepare(ctx, consistencyQuery)
}

// RuleReport is what one rule of a comparison reported: its category and
// name and its raw findings.
type RuleReport struct {
	Category, Name string
	Items          []map[string]any
}

// EvaluateConsistency runs every consistency rule against one comparison
// document and returns their reports ordered by rule name.
func (s *Set) EvaluateConsistency(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value) ([]RuleReport, error) {
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	var out []RuleReport
	for _, r := range rs {
		category, _ := r.Bindings["category"].(string)
		name, _ := r.Bindings["name"].(string)
		items, ok := r.Bindings["report"].([]any)
		if !ok {
			return nil, fmt.Errorf("consistency rule %s: report must be a set of findings, not %T", name, r.Bindings["report"])
		}
		rep := RuleReport{Category: category, Name: name}
		for _, it := range items {
			obj, ok := it.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("consistency rule %s reported %v, which is not an object", name, it)
			}
			rep.Items = append(rep.Items, obj)
		}
		out = append(out, rep)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
