package policy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// RunTests runs the Rego unit tests (test_* rules in *_test.rego files) of a
// set loaded with Options.Tests. With engineData false the tests run on the
// policy data alone, without the configuration the engine adds, as they do
// under stock `opa test`.
func (s *Set) RunTests(ctx context.Context, engineData bool) ([]*tester.Result, error) {
	run, err := s.Test(ctx, TestOptions{EngineData: engineData})
	if err != nil {
		return nil, err
	}
	return run.Raw, nil
}

// TestOptions tune a test run.
type TestOptions struct {
	// EngineData runs the tests with the configuration the engine writes
	// to data.credcheck.config; without it they see only policy data.
	EngineData bool
	// Coverage measures which lines of each policy file the tests run.
	Coverage bool
	// Run keeps only the tests whose package and name match this regular
	// expression (as `opa test --run`).
	Run string
}

// TestRun is the outcome of a set's Rego tests.
type TestRun struct {
	Tests []TestResult
	// Coverage lists the policy files (tests left out) with the share of
	// their lines the tests ran, when asked for.
	Coverage []FileCoverage
	// Raw are OPA's results, for callers that want every detail.
	Raw []*tester.Result
}

// TestResult is one test, located in its file.
type TestResult struct {
	// Name is the test's package and rule: credcheck.rules.hedge["x_test"].test_fires.
	Name string
	File string
	Line int
	Pass bool
	// FailedLine is the line of the expression that failed, when known.
	FailedLine int
	// Error is an evaluation error (a built-in that failed, a conflict).
	Error string
	// Output is what the test printed.
	Output string
}

// FileCoverage is how much of one policy file the tests ran.
type FileCoverage struct {
	File string
	// Percent of the file's lines with rules that the tests evaluated.
	Percent float64
	// NotCovered are the first lines the tests never reached.
	NotCovered []int
}

// Passed counts the passing tests.
func (r *TestRun) Passed() int {
	n := 0
	for _, t := range r.Tests {
		if t.Pass {
			n++
		}
	}
	return n
}

// Test runs the set's Rego tests. The set must be loaded with
// Options.Tests.
func (s *Set) Test(ctx context.Context, opts TestOptions) (*TestRun, error) {
	if s.Modules == nil {
		return nil, errors.New("policy set has no modules")
	}
	data := s.Data
	if !opts.EngineData {
		data = withoutConfig(s.Data)
	}
	newRunner := func() *tester.Runner {
		store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false))
		return tester.NewRunner().
			SetCompiler(newCompiler(s.Capabilities, true)).
			SetStore(store).
			SetModules(s.Modules).
			SetDefaultRegoVersion(ast.RegoV1).
			CapturePrintOutput(true).
			RaiseBuiltinErrors(true)
	}
	runner := newRunner()
	if opts.Run != "" {
		runner = runner.Filter(opts.Run)
	}
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
		runner = runner.SetCoverageQueryTracer(cov).SetCoverageRuns([]cover.Kind{})
	}
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, err
	}
	run := &TestRun{}
	for r := range ch {
		run.Raw = append(run.Raw, r)
		tr := TestResult{Name: strings.TrimPrefix(r.Package, "data.") + "." + r.Name, Pass: !r.Fail && r.Error == nil, Output: string(r.Output)}
		if r.Location != nil {
			tr.File, tr.Line = s.displayName(r.Location.File), r.Location.Row
		}
		if r.Error != nil {
			tr.Error = s.nameRuleInTestError(r.Error)
		}
		r.Trace = nil // large, and not read
		run.Tests = append(run.Tests, tr)
	}
	if err := s.locateFailures(ctx, newRunner, run); err != nil {
		return nil, err
	}
	sort.SliceStable(run.Tests, func(i, j int) bool {
		a, b := run.Tests[i], run.Tests[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	if cov != nil {
		run.Coverage = s.coverage(cov)
	}
	return run, nil
}

// locateFailures sets the line of the expression that failed in each
// test that did not pass. Tracing tells that line, but traces every step
// of every test, which made a run several times slower than the tests
// themselves; so the tests run untraced, and those that did not pass run
// again, alone and traced. Rego tests are deterministic: the second run
// fails where the first did.
func (s *Set) locateFailures(ctx context.Context, newRunner func() *tester.Runner, run *TestRun) error {
	// The tester matches its filter against a test's package and name.
	var names []string
	for i, r := range run.Raw {
		if !run.Tests[i].Pass && r.Location != nil {
			names = append(names, regexp.QuoteMeta(r.Package+"."+r.Name))
		}
	}
	if len(names) == 0 {
		return nil
	}
	ch, err := newRunner().EnableTracing(true).Filter("^(?:"+strings.Join(names, "|")+")$").RunTests(ctx, nil)
	if err != nil {
		return err
	}
	type test struct {
		pkg, name, file string
		row             int
	}
	lines := map[test]int{}
	for r := range ch {
		if r.Location != nil {
			lines[test{r.Package, r.Name, r.Location.File, r.Location.Row}] = failedLine(r.Trace, r.Location.File, r.Location.Row)
		}
	}
	for i, r := range run.Raw {
		if !run.Tests[i].Pass && r.Location != nil {
			run.Tests[i].FailedLine = lines[test{r.Package, r.Name, r.Location.File, r.Location.Row}]
		}
	}
	return nil
}

// failedLine finds the last expression of the test's own body that
// evaluated to false, after the test's head line.
func failedLine(trace []*topdown.Event, file string, from int) int {
	line := 0
	for _, e := range trace {
		if e.Op != topdown.FailOp || e.Location == nil || e.Location.File != file || e.Location.Row < from {
			continue
		}
		if _, ok := e.Node.(*ast.Expr); ok {
			line = e.Location.Row
		}
	}
	return line
}

// coverage reports per policy file (tests left out), in file order.
func (s *Set) coverage(cov *cover.Cover) []FileCoverage {
	// Coverage is recorded under the file names in the modules' locations,
	// which for embedded files lack the built-in prefix of s.Modules' keys.
	byLocation := make(map[string]*ast.Module, len(s.Modules))
	for name, m := range s.Modules {
		file := name
		if m.Package != nil && m.Package.Location != nil && m.Package.Location.File != "" {
			file = m.Package.Location.File
		}
		byLocation[file] = m
	}
	report := cov.Report(byLocation)
	var out []FileCoverage
	for file, fr := range report.Files {
		if strings.HasSuffix(file, "_test.rego") {
			continue
		}
		fc := FileCoverage{File: s.displayName(file), Percent: fr.Coverage}
		seen := map[int]bool{}
		for _, r := range fr.NotCovered {
			for line := r.Start.Row; line <= r.End.Row && len(fc.NotCovered) < 10; line++ {
				if !seen[line] {
					seen[line] = true
					fc.NotCovered = append(fc.NotCovered, line)
				}
			}
		}
		sort.Ints(fc.NotCovered)
		out = append(out, fc)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// displayName names a module's file as messages do: embedded files with
// the built-in prefix.
func (s *Set) displayName(file string) string {
	if _, ok := s.Modules[file]; ok {
		return file
	}
	if _, ok := s.Modules[BuiltInPrefix+file]; ok {
		return BuiltInPrefix + file
	}
	return file
}

// String is a one-line summary of a test run.
func (r *TestRun) String() string {
	failed := len(r.Tests) - r.Passed()
	return fmt.Sprintf("%d tests: %d passed, %d failed", len(r.Tests), r.Passed(), failed)
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
