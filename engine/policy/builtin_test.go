package policy

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/policies"
)

// The built-in tree read by several loaders at once gives what one loader
// reading it in one pass gives: the same files under the same names, parsed
// alike, and the same data.
func TestLoadBuiltInMatchesOnePass(t *testing.T) {
	t.Parallel()
	for _, tests := range []bool{false, true} {
		one, err := loadFS(policies.FS, tests)
		if err != nil {
			t.Fatal(err)
		}
		many, err := loadBuiltIn(policies.FS, tests, true)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := slices.Sorted(maps.Keys(many.Modules)), slices.Sorted(maps.Keys(one.Modules)); !slices.Equal(got, want) {
			t.Fatalf("tests=%v: modules\n%v\nwant\n%v", tests, got, want)
		}
		for name, f := range one.Modules {
			g := many.Modules[name]
			if string(g.Raw) != string(f.Raw) || !g.Parsed.Equal(f.Parsed) {
				t.Errorf("tests=%v: %s differs", tests, name)
			}
		}
		if !reflect.DeepEqual(many.Documents, one.Documents) {
			t.Errorf("tests=%v: data differs", tests)
		}
	}
}

// Without comparisons the consistency rules and their data are not read;
// everything else is, as when they are.
func TestLoadBuiltInLeavesTheConsistencyRulesToComparisons(t *testing.T) {
	with, err := loadBuiltIn(policies.FS, false, true)
	if err != nil {
		t.Fatal(err)
	}
	without, err := loadBuiltIn(policies.FS, false, false)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for name := range with.Modules {
		if _, ok := without.Modules[name]; !ok {
			left = append(left, name)
			if !comparisonOnly(name) {
				t.Errorf("%s left out", name)
			}
		} else if comparisonOnly(name) {
			t.Errorf("%s read without comparisons", name)
		}
	}
	if len(left) == 0 {
		t.Error("no consistency rule in the built-in tree")
	}
	if len(without.Modules)+len(left) != len(with.Modules) {
		t.Errorf("%d modules without comparisons, %d left out, %d with", len(without.Modules), len(left), len(with.Modules))
	}
	root := func(r any) map[string]any { m, _ := r.(map[string]any)["credcheck"].(map[string]any); return m }
	if _, ok := root(with.Documents)["consistency"]; !ok {
		t.Error("no consistency data with comparisons")
	}
	if _, ok := root(without.Documents)["consistency"]; ok {
		t.Error("consistency data read without comparisons")
	}
}

// Every Rego file is parsed by one of the Rego loaders, not left to the
// data loader, so that the work is shared.
func TestPartitionCoversEveryRegoFile(t *testing.T) {
	part, err := partition(policies.FS, filter(true))
	if err != nil {
		t.Fatal(err)
	}
	one, err := loadFS(policies.FS, true)
	if err != nil {
		t.Fatal(err)
	}
	used := map[int]bool{}
	for name := range one.Modules {
		p, ok := part[name]
		if !ok {
			t.Errorf("%s is in no part", name)
		}
		used[p] = true
	}
	if len(used) != regoParts {
		t.Errorf("parts used: %v, want %d", used, regoParts)
	}
}

// A run with no user policies compiles the built-in ones without the
// checks that only find faults (verifiedStages). This is where those checks
// still run on them: every one passes. The broken module shows that the
// skipped stages are what would have caught such a fault.
func TestBuiltInPoliciesPassTheSkippedChecks(t *testing.T) {
	t.Parallel()
	caps, err := Capabilities(nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := loadBuiltIn(policies.FS, false, true)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for name, f := range res.Modules {
		modules[name] = f.Parsed
	}
	full := newCompiler(caps, false)
	if full.Compile(modules); full.Failed() {
		t.Fatalf("the built-in policies fail a compile check: %v", full.Errors)
	}

	broken := ast.MustParseModuleWithOpts("package credcheck.broken\n\nx := count(1)\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	modules["broken.rego"] = broken
	skipping := newCompiler(caps, false).WithSkipStages(verifiedStages...)
	if skipping.Compile(modules); skipping.Failed() {
		t.Fatalf("a type error stopped the compile without the verified stages: %v", skipping.Errors)
	}
	modules["broken.rego"] = ast.MustParseModuleWithOpts("package credcheck.broken\n\nx := count(1)\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	full = newCompiler(caps, false)
	if full.Compile(modules); !full.Failed() {
		t.Fatal("a type error passed the full compile")
	}
}

// A set loaded without stories compiles everything but the story modules,
// still knows the story rules by their METADATA (so configuration naming
// them is checked as before), evaluates articles as the whole set does, and
// refuses to prepare a story query rather than find no story rule.
func TestLoadWithoutStoriesCompilesTheRest(t *testing.T) {
	ctx := context.Background()
	whole, err := Load(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := Load(ctx, Options{NoStories: true, Params: map[string]map[string]any{"story-figure-conflict": {}}})
	if err != nil {
		t.Fatalf("a story rule named in the configuration: %v", err)
	}
	stories := 0
	for name, m := range whole.Compiler.Modules {
		_, inLean := lean.Compiler.Modules[name]
		switch {
		case storyModule(m.Package.Path):
			stories++
			if inLean {
				t.Errorf("%s compiled without stories", name)
			}
		case !inLean:
			t.Errorf("%s left out without stories", name)
		}
	}
	if stories < 5 {
		t.Errorf("%d story modules in the whole set", stories)
	}
	if len(lean.StoryRules()) == 0 || len(lean.StoryRules()) != len(whole.StoryRules()) {
		t.Errorf("%d story rules listed without stories, %d with", len(lean.StoryRules()), len(whole.StoryRules()))
	}
	if _, err := lean.PrepareStory(ctx); err == nil || !strings.Contains(err.Error(), "NoStories") {
		t.Errorf("PrepareStory without stories: %v", err)
	}
	if _, err := whole.PrepareStory(ctx); err != nil {
		t.Errorf("PrepareStory: %v", err)
	}
	// A user's policies leave the story rules out too, unless they could
	// depend on them or clash with them; then everything compiles and the
	// verifying stages see it all.
	for module, stories := range map[string]bool{
		"package house.plain\n\nn := 1\n":                                                       false,
		"package house.lexicon\n\nn := count(data.credcheck.lexicons)\n":                        false,
		"package house.imports\n\nimport data.credcheck.story\n\nn := story\n":                  true,
		"package house.names\n\nn := data.credcheck.story_rules.corroboration\n":                true,
		"package house.dynamic\n\nn := v if {\n\tk := \"story\"\n\tv := data.credcheck[k]\n}\n": true,
		"package house.whole\n\nn := data.credcheck\n":                                          true,
		"package credcheck\n\nhouse := 1\n":                                                     true,
		"package credcheck.story_rules.house\n\nn := 1\n":                                       true,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "house.rego"), []byte(module), 0o644); err != nil {
			t.Fatal(err)
		}
		user, err := Load(ctx, Options{NoStories: true, Dirs: []string{dir}})
		if err != nil {
			t.Fatalf("%s: %v", module, err)
		}
		if _, err := user.PrepareStory(ctx); (err == nil) != stories {
			t.Errorf("%s: story rules compiled %v, want %v (%v)", module, err == nil, stories, err)
		}
	}
}
