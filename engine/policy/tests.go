package policy

import (
	"context"
	"errors"
	"maps"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// RunTests runs the Rego unit tests (test_* rules in *_test.rego files) of a
// set loaded with Options.Tests. With engineData false the tests run on the
// policy data alone, without the configuration the engine adds, as they do
// under stock `opa test`.
func (s *Set) RunTests(ctx context.Context, engineData bool) ([]*tester.Result, error) {
	if s.Modules == nil {
		return nil, errors.New("policy set has no modules")
	}
	data := s.Data
	if !engineData {
		data = withoutConfig(s.Data)
	}
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false))
	compiler := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(s.Modules).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		RunTests(ctx, nil)
	if err != nil {
		return nil, err
	}
	var results []*tester.Result
	for r := range ch {
		results = append(results, r)
	}
	return results, nil
}

// withoutConfig copies the data document without data.credcheck.config.
func withoutConfig(data map[string]any) map[string]any {
	out := maps.Clone(data)
	if cc, ok := data["credcheck"].(map[string]any); ok {
		cc = maps.Clone(cc)
		delete(cc, "config")
		out["credcheck"] = cc
	}
	return out
}
