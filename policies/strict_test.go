package policies_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"

	"github.com/credcheck/credcheck/policies"
)

// TestStrictCompile compiles every policy and test file as `opa check
// --strict policies/` does (strict mode, print statements, type-check
// annotations), so that the tree stays clean for stock OPA: no unused
// imports, arguments or local variables, no deprecated built-ins.
func TestStrictCompile(t *testing.T) {
	res, err := loader.NewFileLoader().WithFS(policies.FS).WithProcessAnnotation(true).WithRegoVersion(ast.RegoV1).
		Filtered([]string{"."}, func(_ string, info fs.FileInfo, _ int) bool {
			return !info.IsDir() && !strings.HasSuffix(info.Name(), ".rego")
		})
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for name, m := range res.Modules {
		modules[name] = m.Parsed
	}
	if len(modules) == 0 {
		t.Fatal("no policy files loaded")
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithStrict(true).
		WithEnablePrintStatements(true).WithUseTypeCheckAnnotations(true)
	if c.Compile(modules); c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}
