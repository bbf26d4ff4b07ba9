package policy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// StoryRulesRoot is the package prefix story rules live under:
// credcheck.story_rules.<category>.<name>. They judge a story document
// (several articles read together) rather than one article, so the
// article query never reaches them.
var StoryRulesRoot = ast.MustParseRef("data.credcheck.story_rules")

// StoryRules are the loaded story rules, in catalog order, as configuration
// leaves them (Enabled).
func (s *Set) StoryRules() []*Rule { return s.Story }

// StoryRule returns the story rule with the given ID, or nil.
func (s *Set) StoryRule(id string) *Rule { return s.storyByID[id] }

// anyRule is the article or story rule with the given ID, or nil:
// configuration names both alike.
func (s *Set) anyRule(id string) *Rule {
	if r := s.byID[id]; r != nil {
		return r
	}
	return s.storyByID[id]
}

// readStoryCatalog reads the METADATA of every story rule package among
// the modules, checked as article rules' are. Configuration names story
// rules by ID as it names article rules, so an ID both use is an error.
func (s *Set) readStoryCatalog(modules map[string]*ast.Module, sources map[string]string) error {
	var errs Errors
	s.storyByID = map[string]*Rule{}
	s.Story = nil
	for _, file := range slices.Sorted(maps.Keys(modules)) {
		m := modules[file]
		category, name, ok := storyPackage(m.Package.Path)
		if !ok || name == "" || isTestPackage(name) || s.storyByID[name] != nil {
			continue
		}
		var annotation *ast.Annotations
		for _, a := range m.Annotations {
			if a.Scope == "package" || a.Scope == "subpackages" {
				annotation = a
			}
		}
		if annotation == nil {
			// The METADATA may sit in another file of the same package.
			continue
		}
		r, err := readRule(category, name, annotation, file, m.Package.Location.Row, sources[file])
		if err != nil {
			var pe *Error
			if errors.As(err, &pe) {
				errs = append(errs, pe)
				continue
			}
			return err
		}
		r.Story = true
		if other := s.byID[r.ID]; other != nil {
			errs = append(errs, &Error{File: r.File, Line: r.Line, Reason: fmt.Sprintf("story rule %s has the name of the article rule in %s; rule names must be unique", r.ID, other.File)})
			continue
		}
		s.storyByID[name] = r
		s.Story = append(s.Story, r)
	}
	if len(errs) > 0 {
		return errs
	}
	sortRules(s.Story)
	return nil
}

func storyPackage(path ast.Ref) (category, name string, ok bool) {
	if len(path) != len(StoryRulesRoot)+2 || !path.HasPrefix(StoryRulesRoot) {
		return "", "", false
	}
	c, ok1 := path[len(StoryRulesRoot)].Value.(ast.String)
	n, ok2 := path[len(StoryRulesRoot)+1].Value.(ast.String)
	return string(c), string(n), ok1 && ok2
}

// StoryReport is what one story rule reported: the rule's category and
// name and its raw findings, for the story package to read.
type StoryReport struct {
	Category, Name string
	Items          []map[string]any
}

// EvaluateStory runs every story rule against one story document input
// and returns their reports ordered by rule name.
func (s *Set) EvaluateStory(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value) ([]StoryReport, error) {
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	var out []StoryReport
	for _, r := range rs {
		category, _ := r.Bindings["category"].(string)
		name, _ := r.Bindings["name"].(string)
		items, ok := r.Bindings["report"].([]any)
		if !ok {
			return nil, fmt.Errorf("story rule %s: report must be a set of findings, not %T", name, r.Bindings["report"])
		}
		rep := StoryReport{Category: category, Name: name}
		for _, it := range items {
			obj, ok := it.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("story rule %s reported %v, which is not an object", name, it)
			}
			rep.Items = append(rep.Items, obj)
		}
		out = append(out, rep)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// PrepareStory compiles the query that reads every enabled story rule's
// report; a story rule configuration switches off is not evaluated.
func (s *Set) PrepareStory(ctx context.Context) (rego.PreparedEvalQuery, error) {
	if s.storiesLeftOut {
		return rego.PreparedEvalQuery{}, errors.New("the policies were loaded without compiling the story rules (policy.Options.NoStories)")
	}
	return s.Prepare(ctx, enabledQuery("data.credcheck.story_rules", s.Story))
}

// storyModule says a module belongs to story mode: the story rules and the
// story package (data.credcheck.story) they share.
func storyModule(path ast.Ref) bool {
	return path.HasPrefix(StoryRulesRoot) || path.Equal(storyRoot)
}

var storyRoot = ast.MustParseRef("data.credcheck.story")

// userReachesStories says a user module could depend on the story
// modules or clash with them: it is in a story package or one that holds
// them (package credcheck), or it names a story package, or a document
// that holds one, in an import or a reference (data.credcheck[x] could be
// either). Only then do the built-in story rules compile with a user's
// policies when the run reads no stories; every verifying stage still runs
// over what compiles, and nothing else can reach what is left out.
func userReachesStories(modules map[string]*ast.Module, sources map[string]string) bool {
	related := func(path ast.Ref) bool {
		for _, root := range []ast.Ref{storyRoot, StoryRulesRoot} {
			if path.HasPrefix(root) || root.HasPrefix(path) {
				return true
			}
		}
		return false
	}
	for name, m := range modules {
		if sources[name] == BuiltIn {
			continue
		}
		if related(m.Package.Path) {
			return true
		}
		reaches := false
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if !reaches && r.HasPrefix(ast.DefaultRootRef) && related(r.GroundPrefix()) {
				reaches = true
			}
			return reaches
		})
		if reaches {
			return true
		}
	}
	return false
}
