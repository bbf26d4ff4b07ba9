package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Hit is one finding as a rule reported it: where, and what it says.
type Hit struct {
	Rule, Category string
	Sentence       int
	Start, End     int
	Message        string
	// Severity is empty when the rule leaves it to its METADATA.
	Severity string
	Cue      string
	// Problem groups findings that report one problem at several places
	// (both sentences of a contradiction); empty for most rules.
	Problem string
	// Strength, between 0 and 1, scales the finding's points for rules
	// whose evidence comes in degrees; 1 when the rule does not say.
	Strength float64
}

// Evaluate runs every enabled rule, and only those (enabledQuery), against
// one document input. Hits are sorted by rule and position.
func (s *Set) Evaluate(ctx context.Context, input ast.Value) ([]Hit, error) {
	rs, err := s.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, s.runtimeError(ctx, input, err)
	}
	copied, keep, err := s.copiesIn(ctx, input)
	if err != nil {
		return nil, s.runtimeError(ctx, input, err)
	}
	var hits []Hit
	for _, r := range rs {
		category, _ := r.Bindings["category"].(string)
		name, _ := r.Bindings["name"].(string)
		rule := s.byID[name]
		if rule == nil || rule.Category != category {
			if items, _ := r.Bindings["report"].([]any); len(items) > 0 {
				return nil, fmt.Errorf("findings came from %s/%s, which has no METADATA in the loaded policies", category, name)
			}
			continue
		}
		if !rule.Enabled {
			continue
		}
		items, ok := r.Bindings["report"].([]any)
		if !ok {
			return nil, fmt.Errorf("rule %s: report must be a set of findings, not %T", name, r.Bindings["report"])
		}
		var copies map[int]bool
		if !keep[name] {
			copies = copied
		}
		for _, it := range items {
			obj, ok := it.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("rule %s reported %v, which is not an object", name, it)
			}
			h, err := s.hit(rule, obj)
			if err != nil {
				return nil, err
			}
			if h.Sentence >= 0 && copies[h.Sentence] {
				continue
			}
			hits = append(hits, h)
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Message < b.Message
	})
	return hits, nil
}

// copiesIn gives the sentences whose findings the policies leave out
// (data.credcheck.main.copies) and the rules that keep theirs there
// (main.copy_rules). Only an article with repeated sentences has any, so
// the query runs only for those.
func (s *Set) copiesIn(ctx context.Context, input ast.Value) (map[int]bool, map[string]bool, error) {
	obj, ok := input.(ast.Object)
	if !ok {
		return nil, nil, nil
	}
	if t := obj.Get(ast.InternedTerm("repeats")); t == nil {
		return nil, nil, nil
	} else if a, ok := t.Value.(*ast.Array); !ok || a.Len() == 0 {
		return nil, nil, nil
	}
	rs, err := s.copies.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil || len(rs) == 0 {
		return nil, nil, err
	}
	copies := map[int]bool{}
	list, _ := rs[0].Bindings["copies"].([]any)
	for _, v := range list {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				copies[int(i)] = true
			}
		}
	}
	keep := map[string]bool{}
	rules, _ := rs[0].Bindings["copyRules"].([]any)
	for _, r := range rules {
		if name, ok := r.(string); ok {
			keep[name] = true
		}
	}
	return copies, keep, nil
}

// hit reads one reported object, naming the rule in any complaint so that
// the author of a broken user rule knows where to look.
func (s *Set) hit(rule *Rule, obj map[string]any) (Hit, error) {
	h := Hit{Rule: rule.ID, Category: rule.Category, Start: -1, End: -1, Sentence: -1, Strength: 1}
	fail := func(format string, args ...any) (Hit, error) {
		return h, fmt.Errorf("rule %s reported an invalid finding: "+format, append([]any{h.Rule}, args...)...)
	}
	var ok bool
	if h.Message, ok = obj["message"].(string); !ok || h.Message == "" {
		return fail(`"message" must be non-empty text`)
	}
	// A slice, not a map, so that a finding with several bad fields always
	// gets the same complaint.
	for _, f := range []struct {
		key string
		dst *int
	}{{"sentence", &h.Sentence}, {"start", &h.Start}, {"end", &h.End}} {
		key, dst := f.key, f.dst
		v, present := obj[key]
		if !present {
			continue
		}
		n, isNum := v.(json.Number)
		i, err := n.Int64()
		if !isNum || err != nil {
			return fail("%q must be an integer, got %v", key, v)
		}
		*dst = int(i)
	}
	if h.Sentence < 0 && h.Start < 0 {
		return fail(`a finding needs "sentence" or "start" to say where it is`)
	}
	if v, present := obj["severity"]; present {
		if h.Severity, ok = v.(string); !ok {
			return fail(`"severity" must be text`)
		}
	}
	if v, present := obj["cue"]; present {
		h.Cue, _ = v.(string)
	}
	if v, present := obj["strength"]; present {
		n, isNum := v.(json.Number)
		f, err := n.Float64()
		if !isNum || err != nil || f <= 0 || f > 1 {
			return fail(`"strength" must be a number above 0 and at most 1, got %v`, v)
		}
		h.Strength = f
	}
	if v, present := obj["problem"]; present {
		if h.Problem, ok = v.(string); !ok {
			return fail(`"problem" must be text`)
		}
	}
	return h, nil
}

// Prepare compiles another query against the loaded policies, to read a
// helper value such as the sentences they count as attributed.
func (s *Set) Prepare(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	return rego.New(rego.Query(query), rego.Compiler(s.Compiler), rego.Store(s.store), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
}

// Sentences evaluates a prepared query whose value is a set of sentence
// indexes; an undefined value is the empty set.
func (s *Set) Sentences(ctx context.Context, query rego.PreparedEvalQuery, input ast.Value) (map[int]bool, error) {
	rs, err := query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	out := map[int]bool{}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return out, nil
	}
	items, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return nil, fmt.Errorf("value is %T, not a set of sentence indexes", rs[0].Expressions[0].Value)
	}
	for _, it := range items {
		n, ok := it.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil {
			return nil, fmt.Errorf("value holds %v, not a sentence index", it)
		}
		out[int(i)] = true
	}
	return out, nil
}
