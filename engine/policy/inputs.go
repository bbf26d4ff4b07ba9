package policy

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/document"
)

// readInputDecl reads METADATA custom.input: the top-level parts of the
// input a rule reads (sentences, matches, ...). A rule that declares
// nothing is given every part.
func readInputDecl(custom map[string]any) ([]string, error) {
	v, present := custom["input"]
	if !present {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("METADATA custom.input must be a list of input parts (%s)", strings.Join(document.InputKeys, ", "))
	}
	out := []string{}
	for _, x := range list {
		k, ok := x.(string)
		if !ok || !slices.Contains(document.InputKeys, k) {
			return nil, fmt.Errorf("METADATA custom.input: %v is not a part of the input (parts: %s)", x, strings.Join(document.InputKeys, ", "))
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out, nil
}

// alwaysRead are the parts the engine itself reads beside the rules: the
// repeated sentences whose findings it leaves out (copiesIn).
var alwaysRead = []string{"repeats"}

// inputParts is the union of the parts the enabled rules declare, or nil
// (every part) when one of them declares nothing.
func inputParts(rules []*Rule) []string {
	seen := map[string]bool{}
	for _, k := range alwaysRead {
		seen[k] = true
	}
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		if r.Input == nil {
			return nil
		}
		for _, k := range r.Input {
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// InputParts are the top-level parts of the input the enabled rules read,
// for document.ValueOf; nil means every part.
func (s *Set) InputParts() []string { return s.parts }

// checkInputDecls compares each declaring rule's METADATA with what its
// package reads, following the helpers it calls (data.credcheck.lib and
// any other rule), so that a declaration that leaves a part out is an
// error at load time rather than a rule silently reading nothing.
func (s *Set) checkInputDecls(c *ast.Compiler) error {
	var errs Errors
	for _, r := range s.Rules {
		if r.Input == nil {
			continue
		}
		reads, all := readsInput(c, r)
		var missing []string
		if all {
			missing = []string{"the whole input"}
		}
		for _, k := range reads {
			if !slices.Contains(r.Input, k) {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Column: 1,
				Reason: fmt.Sprintf("rule %s reads %s, which METADATA custom.input leaves out (custom.input: [%s])", r.ID, strings.Join(missing, ", "), strings.Join(r.Input, ", "))})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// readsInput gives the top-level input parts rule r's package reads,
// directly or through the rules and functions it calls, and whether it
// reads the input whole (input passed as a value, or a key computed at run
// time).
func readsInput(c *ast.Compiler, r *Rule) ([]string, bool) {
	pkg := append(RulesRoot.Copy(), ast.StringTerm(r.Category), ast.StringTerm(r.ID))
	seen := map[*ast.Rule]bool{}
	keys := map[string]bool{}
	all := false
	var queue []*ast.Rule
	for _, m := range c.Modules {
		if m.Package.Path.Equal(pkg) {
			queue = append(queue, m.Rules...)
		}
	}
	var visit func(x any) bool
	visit = func(x any) bool {
		switch t := x.(type) {
		case ast.Ref:
			switch {
			case t.HasPrefix(ast.InputRootRef):
				if len(t) < 2 {
					all = true
				} else if k, ok := t[1].Value.(ast.String); ok {
					keys[string(k)] = true
				} else {
					all = true
				}
			case t.HasPrefix(ast.DefaultRootRef):
				queue = append(queue, c.GetRulesDynamicWithOpts(t, ast.RulesOptions{IncludeHiddenModules: true})...)
			}
			// The ref's keys may themselves read the input.
			for _, term := range t[1:] {
				ast.NewGenericVisitor(visit).Walk(term)
			}
			return true
		case ast.Var:
			if t.Equal(ast.InputRootDocument.Value) {
				all = true
			}
		}
		return false
	}
	for len(queue) > 0 {
		rule := queue[0]
		queue = queue[1:]
		if seen[rule] {
			continue
		}
		seen[rule] = true
		ast.NewGenericVisitor(visit).Walk(rule)
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, all
}
