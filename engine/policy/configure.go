package policy

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// applyConfig checks configuration against the catalog and writes it where
// the policies read it: data.credcheck.config.
func (s *Set) applyConfig(data map[string]any, opts Options) error {
	disabled := map[string]any{}
	for _, id := range opts.Disabled {
		r := s.anyRule(id)
		if r == nil {
			return fmt.Errorf("%sconfiguration disables unknown rule %q%s (run `credcheck rules` for the list)", opts.where("rules."+id), id, s.DidYouMean(id))
		}
		r.Enabled = false
		disabled[id] = true
	}
	// In sorted order, so that of several mistakes the same one is named
	// first on every run.
	for _, id := range slices.Sorted(maps.Keys(opts.Params)) {
		p := opts.Params[id]
		r := s.anyRule(id)
		if r == nil {
			return fmt.Errorf("%sconfiguration sets parameters of unknown rule %q%s (run `credcheck rules` for the list)", opts.where("rules."+id), id, s.DidYouMean(id))
		}
		for _, k := range slices.Sorted(maps.Keys(p)) {
			def, ok := r.Params[k]
			key := "rules." + id + ".params." + k
			if !ok {
				return fmt.Errorf("%sconfiguration sets unknown parameter %q of rule %s%s (parameters: %s)", opts.where(key), k, id, closest(k, slices.Collect(maps.Keys(r.Params))), keyList(r.Params))
			}
			if err := sameShape(def, p[k], k); err != nil {
				return fmt.Errorf("%sconfiguration: rules.%s.params.%v", opts.where(key), id, err)
			}
		}
	}
	// Every rule's parameters, defaults merged with overrides, so that rules
	// read them with one lookup instead of walking their METADATA.
	params := map[string]any{}
	for _, r := range slices.Concat(s.Rules, s.Story) {
		if len(r.Params) == 0 {
			continue
		}
		merged := map[string]any{}
		for k, v := range r.Params {
			merged[k] = v
		}
		for k, v := range opts.Params[r.ID] {
			merged[k] = mergeParam(merged[k], v)
		}
		params[r.ID] = jsonValue(merged)
	}
	cfg := map[string]any{"disabled": disabled, "params": params}
	credcheck, _ := data["credcheck"].(map[string]any)
	if credcheck == nil {
		credcheck = map[string]any{}
		data["credcheck"] = credcheck
	}
	credcheck["config"] = cfg
	return nil
}

// kindOf names the JSON kind of a parameter value.
func kindOf(v any) string {
	switch v.(type) {
	case int, int64, float64, json.Number:
		return "a number"
	case string:
		return "text"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

// sameShape checks a configured parameter against its default: the same
// kind of value, and for a mapping only keys the default has, so that a
// typo or a quoted number does not switch a rule off without a word.
func sameShape(def, v any, path string) error {
	if kindOf(def) != kindOf(v) {
		return fmt.Errorf("%s must be %s, like its default %v; got %v", path, kindOf(def), def, v)
	}
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return fmt.Errorf("%s must be a finite number, like its default %v; got %v", path, def, f)
	}
	dm, ok := def.(map[string]any)
	if !ok {
		return nil
	}
	for k, x := range v.(map[string]any) {
		d, known := dm[k]
		if !known {
			return fmt.Errorf("%s has no key %q (keys: %s)", path, k, keyList(dm))
		}
		if err := sameShape(d, x, path+"."+k); err != nil {
			return err
		}
	}
	return nil
}

// mergeParam overrides a default with a configured value; a mapping
// changes only the keys it gives ("evenness: {typical: 0.4}" keeps the
// default "generated").
func mergeParam(def, v any) any {
	dm, ok1 := def.(map[string]any)
	vm, ok2 := v.(map[string]any)
	if !ok1 || !ok2 {
		return v
	}
	out := make(map[string]any, len(dm))
	for k, x := range dm {
		out[k] = x
	}
	for k, x := range vm {
		out[k] = mergeParam(dm[k], x)
	}
	return out
}

// keyList names a mapping's keys for a message, or "none".
func keyList(m map[string]any) string {
	if len(m) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(maps.Keys(m)), ", ")
}

// jsonValue normalises configuration values (which may hold ints, floats or
// nested maps from YAML) to the types OPA's store expects.
func jsonValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return v
	}
	return out
}

func dig(m map[string]any, path ...string) any {
	var cur any = m
	for _, p := range path {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[p]
	}
	return cur
}

// mergeData merges src into dst; values in src win, objects merge key by key.
func mergeData(dst, src map[string]any) {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if existing, ok := dst[k].(map[string]any); ok {
				mergeData(existing, sub)
				continue
			}
		}
		dst[k] = v
	}
}
