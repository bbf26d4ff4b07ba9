// Package policy loads credcheck's Rego policies (the embedded built-in set
// plus any user policy directories), checks that every rule carries the
// METADATA the engine needs, compiles everything once into one prepared
// query, and evaluates that query against document inputs. Prepared once, it
// is safe to use from many goroutines.
package policy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/credcheck/credcheck/engine/lexicon"
)

// Entrypoint is the rule that collects every finding, for stock OPA and
// for anyone embedding the policies elsewhere.
const Entrypoint = "data.credcheck.main.findings"

// The query Evaluate runs (enabledQuery) reads each enabled rule's report
// directly, one result per rule. It gives the same findings as Entrypoint
// without building a labelled copy of every finding inside Rego, which costs
// as much as some rules do. The entry point also leaves out findings in a
// sentence that repeats an earlier one (except those of copy_rules);
// Evaluate applies the same two sets.

// copiesQuery asks which sentences repeat an earlier one and which rules
// keep their findings there (data.credcheck.main); it runs only for
// articles with repeated sentences.
const copiesQuery = "copies := data.credcheck.main.copies; copyRules := data.credcheck.main.copy_rules"

// Options says which policies to load and how configuration adjusts them.
type Options struct {
	// Dirs are user policy directories, loaded after the built-in policies.
	// A user rule with the ID of a built-in rule replaces it.
	Dirs []string
	// Disabled lists rule IDs that configuration switches off.
	Disabled []string
	// Params overrides rule parameters: rule ID → parameter → value.
	Params map[string]map[string]any
	// DataFiles are the user's data files (configuration `data:`), which
	// change lexicons and set rule parameters; Params win over them.
	DataFiles []string
	// Tests keeps the *_test.rego files (for running policy tests).
	Tests bool
	// Comparisons loads the built-in consistency rules and their data,
	// which only a comparison of two texts (compare, eval --task
	// consistency) reads; Tests loads them too.
	Comparisons bool
	// NoStories leaves the built-in story rules uncompiled, for a run that
	// never reads articles together (check without --story): they are a
	// third of the catalog's Rego, and compiling is most of a one-article
	// run. Their METADATA is still read, so configuration naming them is
	// checked as always and they are still listed; preparing a story query
	// fails. With Tests, or user policies that could depend on the story
	// modules or clash with them (userReachesStories), everything compiles.
	NoStories bool
	// AllowBuiltins are OPA built-ins allowed beyond the pure ones
	// (--allow-builtin), such as http.send.
	AllowBuiltins []string
	// Where gives "file:line:col: " for a configuration key such as
	// "rules.hearsay-hedge.params.window", so that an error about a rule
	// or parameter the catalog lacks names the line; nil or "" when the key
	// was not written in a file.
	Where func(key string) string
	// read are Dirs and DataFiles as Load read them, for load to use
	// instead of reading them again; nil, load reads them.
	read *userFiles
}

// Set is a loaded, compiled policy set.
type Set struct {
	Rules []*Rule
	byID  map[string]*Rule
	// Story are the story rules (data.credcheck.story_rules), which judge
	// several articles read together and never one article.
	Story     []*Rule
	storyByID map[string]*Rule
	Lexicons  *lexicon.Set
	// Notices are things a user should know that are not errors, such as a
	// user rule replacing a built-in one.
	Notices []string
	// Modules are the compiled modules by file name; Data is the data
	// document they run against.
	Modules map[string]*ast.Module
	Data    map[string]any
	// Scoring is the scoring data: the formula's numbers and the rules'
	// fitted weights.
	Scoring  *Scoring
	Compiler *ast.Compiler
	// Comparisons says the built-in consistency rules were loaded
	// (Options.Comparisons or Tests).
	Comparisons bool
	// storiesLeftOut says the story rules were read but not compiled
	// (Options.NoStories).
	storiesLeftOut bool
	// Capabilities are what the policies were compiled with: the pure
	// built-ins and those the options allow.
	Capabilities *ast.Capabilities
	// raws are the modules' sources and sources their directories
	// (BuiltIn for embedded ones), for writing bundles.
	raws    map[string][]byte
	sources map[string]string
	store   storage.Store
	query   rego.PreparedEvalQuery
	copies  rego.PreparedEvalQuery
	single  ruleQueries
	// parts are the input parts the enabled rules read (InputParts).
	parts []string
}

// BuiltInPrefix is prepended to the file names of embedded policies in
// messages, so a reader can tell them from files on disk.
const BuiltInPrefix = "built-in:"

// load reads, checks and compiles the policies (Load without sharing).
func load(ctx context.Context, opts Options) (*Set, error) {
	caps, err := Capabilities(opts.AllowBuiltins)
	if err != nil {
		return nil, err
	}
	builtin, err := builtInTree(opts.Tests, opts.Comparisons)
	if err != nil {
		return nil, err
	}
	modules := map[string]*ast.Module{}
	sources := map[string]string{}
	raws := map[string][]byte{}
	for _, f := range builtin.Modules {
		name := f.Name
		modules[BuiltInPrefix+name] = f.Parsed
		sources[BuiltInPrefix+name] = BuiltIn
		raws[BuiltInPrefix+name] = f.Raw
	}
	data := builtin.Documents

	set := &Set{Comparisons: opts.Comparisons || opts.Tests}
	origins := lexiconFiles{}
	for i, dir := range opts.Dirs {
		user, err := loadDir(dir, opts.Tests, opts.read, i)
		if err != nil {
			return nil, err
		}
		for _, f := range user.Modules {
			name := f.Name
			set.replaceBuiltIn(modules, sources, f.Parsed, name)
			modules[name] = f.Parsed
			sources[name] = dir
			raws[name] = f.Raw
		}
		if err := mergeUserData(data, user.Documents, dir, origins); err != nil {
			return nil, err
		}
	}
	files, err := readDataFiles(opts.DataFiles, data, origins, opts.read)
	if err != nil {
		return nil, err
	}
	// The lexicons are final once the data files are read, and building
	// their matchers costs as much as compiling the policies: it runs
	// beside the rest of the loading. Nothing below changes the lexicons'
	// part of the data; their errors are still reported after those of
	// the catalog and configuration, as when built in turn.
	lexicons := buildLexicons(data)

	if err := set.readCatalog(modules, sources, opts.Tests); err != nil {
		return nil, err
	}
	if err := set.readStoryCatalog(modules, sources); err != nil {
		return nil, err
	}
	if err := set.checkParams(files); err != nil {
		return nil, err
	}
	// Parameters: METADATA defaults, then data files in order, then the
	// configuration's rules.<id>.params.
	params := map[string]map[string]any{}
	for _, df := range files {
		for rule, ps := range df.params {
			if params[rule] == nil {
				params[rule] = map[string]any{}
			}
			for k, v := range ps {
				params[rule][k] = mergeParam(params[rule][k], v)
			}
		}
	}
	for rule, ps := range opts.Params {
		if params[rule] == nil {
			params[rule] = map[string]any{}
		}
		for k, v := range ps {
			params[rule][k] = mergeParam(params[rule][k], v)
		}
	}
	opts.Params = params
	if err := set.applyConfig(data, opts); err != nil {
		return nil, err
	}
	if set.Scoring, err = readScoring(data); err != nil {
		return nil, err
	}

	if opts.NoStories && !opts.Tests && !userReachesStories(modules, sources) {
		for name, m := range modules {
			if storyModule(m.Package.Path) {
				delete(modules, name)
			}
		}
		set.storiesLeftOut = true
	}
	compiler := compileModules(modules, raws, compileOptions{caps: caps, allowBuiltins: opts.AllowBuiltins, tests: opts.Tests, user: len(opts.Dirs) > 0})
	if set.Lexicons, err = lexicons(); err != nil {
		var le *lexicon.Error
		if errors.As(err, &le) {
			return nil, locateLexiconError(err, origins[le.Lexicon])
		}
		return nil, err
	}
	if compiler.Failed() {
		errs := convertASTErrors(compiler.Errors)
		// Compile errors carry the file names the loader gave; name the
		// embedded files as built-in, as every other message does.
		for _, e := range errs {
			if _, user := modules[e.File]; !user {
				if _, ok := modules[BuiltInPrefix+e.File]; ok {
					e.File = BuiltInPrefix + e.File
				}
			}
			sandboxError(e, caps)
		}
		return nil, errs
	}
	if err := set.checkInputDecls(compiler); err != nil {
		return nil, err
	}
	set.parts = inputParts(set.Rules)
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	prepared, err := rego.New(rego.Query(enabledQuery("data.credcheck.rules", set.Rules)), rego.Compiler(compiler), rego.Store(store), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	if set.copies, err = rego.New(rego.Query(copiesQuery), rego.Compiler(compiler), rego.Store(store), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx); err != nil {
		return nil, err
	}
	for name := range raws {
		if _, kept := modules[name]; !kept {
			delete(raws, name)
		}
	}
	set.Modules, set.Data, set.Compiler, set.store, set.query = modules, data, compiler, store, prepared
	set.raws, set.sources, set.Capabilities = raws, sources, caps
	return set, nil
}

// buildLexicons starts building the lexicons' matchers and returns a
// function that waits for them.
func buildLexicons(data map[string]any) func() (*lexicon.Set, error) {
	raw, _ := dig(data, "credcheck", "lexicons").(map[string]any)
	var (
		set *lexicon.Set
		err error
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		set, err = sharedLexicons(raw)
	}()
	return func() (*lexicon.Set, error) {
		<-done
		return set, err
	}
}

// verifiedStages are the compiler's checks that only find faults and change
// nothing: types, conflicts, undefined functions, recursion and the like.
// The built-in policies are fixed in the binary and pass every one of them
// (TestBuiltInPoliciesPassTheSkippedChecks, and every policy test run, which
// compiles with all stages), so a run with no user policies does not prove
// them again at each start, where they were an eighth of what checking one
// article costs. Any user policy directory brings every check back, as do
// policy tests.
var verifiedStages = []ast.StageID{
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
}

// newCompiler is the compiler every policy goes through, in checks and in
// tests alike, so that no path runs a built-in the capabilities leave out.
func newCompiler(caps *ast.Capabilities, print bool) *ast.Compiler {
	return ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(print).WithCapabilities(caps)
}

// Rule returns the rule with the given ID, or nil.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

// noTests filters *_test.rego files out of a load.
func noTests(_ string, info fs.FileInfo, _ int) bool {
	return !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
}

func hidden(_ string, info fs.FileInfo, depth int) bool {
	return depth > 0 && strings.HasPrefix(info.Name(), ".")
}

func loadFS(fsys fs.FS, tests bool) (*loader.Result, error) {
	return loadFiltered(fsys, filter(tests))
}

func loadFiltered(fsys fs.FS, skip loader.Filter) (*loader.Result, error) {
	l := loader.NewFileLoader().WithFS(fsys).WithProcessAnnotation(true).WithRegoVersion(ast.RegoV1)
	res, err := l.Filtered([]string{"."}, skip)
	if err != nil {
		return nil, convertLoadErrors(err, func(name string) string { return BuiltInPrefix + name }, fsys)
	}
	return res, nil
}

func filter(tests bool) loader.Filter {
	return func(path string, info fs.FileInfo, depth int) bool {
		if hidden(path, info, depth) {
			return true
		}
		if info.IsDir() {
			return false
		}
		if !tests && noTests(path, info, depth) {
			return true
		}
		// Only policy and data files are policy input; a README or a
		// schema beside them is not.
		switch filepath.Ext(info.Name()) {
		case ".rego":
			return false
		case ".json", ".yaml", ".yml":
			base := strings.TrimSuffix(info.Name(), filepath.Ext(info.Name()))
			return base != "data"
		}
		return true
	}
}

// replaceBuiltIn drops the built-in modules of a rule a user module
// redefines. Only rule packages are replaced: a user file in another
// built-in package (credcheck.lib, say) adds to that package, as Rego
// packages spread over several files do.
func (s *Set) replaceBuiltIn(modules map[string]*ast.Module, sources map[string]string, user *ast.Module, file string) {
	_, rule, ok := rulePackage(user.Package.Path)
	if !ok || rule == "" {
		return
	}
	replaced := false
	for name, m := range modules {
		if sources[name] == BuiltIn && m.Package.Path.Equal(user.Package.Path) {
			delete(modules, name)
			delete(sources, name)
			replaced = true
		}
	}
	if replaced && !isTestPackage(rule) {
		// The built-in rule's tests describe the built-in rule; the user's
		// rule brings its own.
		tests := user.Package.Path.Copy()
		tests[len(tests)-1] = ast.StringTerm(rule + "_test")
		for name, m := range modules {
			if sources[name] == BuiltIn && m.Package.Path.Equal(tests) {
				delete(modules, name)
				delete(sources, name)
			}
		}
	}
	if replaced && !isTestPackage(rule) {
		s.Notices = append(s.Notices, fmt.Sprintf("%s replaces the built-in rule %s", file, rule))
		sort.Strings(s.Notices)
	}
}

// readCatalog reads every rule package's METADATA into Rules.
func (s *Set) readCatalog(modules map[string]*ast.Module, sources map[string]string, tests bool) error {
	type pkg struct {
		category, name, file, source string
		line                         int
		annotation                   *ast.Annotations
	}
	pkgs := map[string]*pkg{}
	var errs Errors
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, file := range names {
		m := modules[file]
		category, name, ok := rulePackage(m.Package.Path)
		if !ok {
			continue
		}
		if isTestPackage(name) || tests && strings.HasSuffix(file, "_test.rego") {
			continue
		}
		if name == "" {
			errs = append(errs, &Error{File: file, Line: m.Package.Location.Row, Column: m.Package.Location.Col,
				Reason: fmt.Sprintf("package %s is under data.credcheck.rules but is not credcheck.rules.<category>[\"<name>\"]", m.Package.Path)})
			continue
		}
		key := m.Package.Path.String()
		p := pkgs[key]
		if p == nil {
			p = &pkg{category: category, name: name, file: file, source: sources[file], line: m.Package.Location.Row}
			pkgs[key] = p
		}
		for _, a := range m.Annotations {
			if a.Scope == "package" || a.Scope == "subpackages" {
				p.annotation, p.file, p.line = a, file, m.Package.Location.Row
			}
		}
	}
	s.byID = map[string]*Rule{}
	keys := make([]string, 0, len(pkgs))
	for k := range pkgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := pkgs[k]
		r, err := readRule(p.category, p.name, p.annotation, p.file, p.line, p.source)
		if err != nil {
			var pe *Error
			if errors.As(err, &pe) {
				errs = append(errs, pe)
				continue
			}
			return err
		}
		if other := s.byID[r.ID]; other != nil {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Reason: fmt.Sprintf("rule %s is also defined in category %s (%s); rule names must be unique", r.ID, other.Category, other.File)})
			continue
		}
		s.byID[r.ID] = r
		s.Rules = append(s.Rules, r)
	}
	if len(errs) > 0 {
		return errs
	}
	sortRules(s.Rules)
	return nil
}
