package policy

import (
	"context"
	"strconv"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// ruleQueries holds one prepared query per rule, each made the first time
// it is needed. They serve only to tell which rule failed or ran out of
// time on an article that did, so none is prepared on the normal path.
type ruleQueries struct {
	mu sync.Mutex
	m  map[string]rego.PreparedEvalQuery
}

// EvalRule evaluates one rule's report alone against an input, as the
// all-rules query would, and gives its error.
func (s *Set) EvalRule(ctx context.Context, r *Rule, input ast.Value) error {
	q, err := s.ruleQuery(ctx, r)
	if err != nil {
		return err
	}
	_, err = q.Eval(ctx, rego.EvalParsedInput(input))
	return err
}

func (s *Set) ruleQuery(ctx context.Context, r *Rule) (rego.PreparedEvalQuery, error) {
	s.single.mu.Lock()
	defer s.single.mu.Unlock()
	if q, ok := s.single.m[r.ID]; ok {
		return q, nil
	}
	q, err := s.Prepare(ctx, "data.credcheck.rules["+strconv.Quote(r.Category)+"]["+strconv.Quote(r.ID)+"].report")
	if err != nil {
		return q, err
	}
	if s.single.m == nil {
		s.single.m = map[string]rego.PreparedEvalQuery{}
	}
	s.single.m[r.ID] = q
	return q, nil
}
