package policy

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Policies are evaluated with OPA's strict built-in errors: by default a
// built-in that fails (to_number("abc"), a division by zero, a type error
// only the input reveals) leaves its expression undefined, so the rule
// quietly reports nothing and a broken rule looks like a clean article.
// Strict, the evaluation stops with an error, which RuntimeError names by
// rule.

// RuntimeError is a rule that failed while it was evaluated.
type RuntimeError struct {
	// Rule is the rule's ID, or "" when the error could not be traced to
	// one rule.
	Rule string
	Err  error
}

func (e *RuntimeError) Error() string {
	if e.Rule == "" {
		return e.Err.Error()
	}
	return fmt.Sprintf("rule %s failed: %v", e.Rule, e.Err)
}

func (e *RuntimeError) Unwrap() error { return e.Err }

// runtimeError names the rule behind an evaluation error. The error's
// location gives it when the failing expression is in the rule's own
// package; when it is in a shared helper, each rule is evaluated again on
// its own until one fails. That costs a second evaluation, but only for an
// article that failed. Cancellation (a deadline, an interrupt) is passed
// on as it is.
func (s *Set) runtimeError(ctx context.Context, input ast.Value, err error) error {
	var te *topdown.Error
	if !errors.As(err, &te) || te.Code == topdown.CancelErr || ctx.Err() != nil {
		return err
	}
	if te.Location != nil {
		if r := s.ruleAt(te.Location.File); r != nil {
			return &RuntimeError{Rule: r.ID, Err: err}
		}
	}
	for _, r := range s.Rules {
		if !r.Enabled {
			continue
		}
		if rerr := s.EvalRule(ctx, r, input); rerr != nil {
			return &RuntimeError{Rule: r.ID, Err: err}
		}
	}
	return &RuntimeError{Err: err}
}

// ruleAt is the rule whose package a module file belongs to, or nil for a
// helper, a test or a file not loaded. file is named as in locations:
// embedded files without the built-in prefix.
func (s *Set) ruleAt(file string) *Rule {
	m := s.Modules[file]
	if m == nil {
		m = s.Modules[BuiltInPrefix+file]
	}
	if m == nil {
		return nil
	}
	_, name, ok := rulePackage(m.Package.Path)
	if !ok || isTestPackage(name) {
		return nil
	}
	return s.byID[name]
}

// nameRuleInTestError adds the rule to a test's evaluation error when the
// failing expression is in a rule's package, as check names it.
func (s *Set) nameRuleInTestError(err error) string {
	var te *topdown.Error
	if !errors.As(err, &te) || te.Location == nil {
		return err.Error()
	}
	r := s.ruleAt(te.Location.File)
	if r == nil || strings.Contains(err.Error(), "rule "+r.ID) {
		return err.Error()
	}
	return fmt.Sprintf("rule %s failed: %v", r.ID, err)
}
