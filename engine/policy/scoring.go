package policy

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/scoring"
)

// ScoringFile is where the built-in scoring data lives, for messages.
const ScoringFile = BuiltInPrefix + "credcheck/data.yaml"

// Scoring is what the policies' scoring data (data.credcheck.scoring)
// says: the score formula's numbers and each rule's fitted weight.
type Scoring struct {
	Settings scoring.Settings
	// Weights are the rules' weights from the data; a rule without one
	// keeps the weight of its METADATA.
	Weights map[string]float64
	// Provenance says where the weights came from (corpus, date, model,
	// cross-validated AUROC), as the data file records it.
	Provenance map[string]any
}

// scoringProblem is what is wrong with scoring data, and the keys below
// the scoring section that lead to the value at fault (none when the
// settings are wrong together, as bands out of order are).
type scoringProblem struct {
	keys   []string
	reason string
}

// readScoring reads data.credcheck.scoring over the defaults. Unknown keys
// and values of the wrong type are errors, so that a typo in an edited
// weights file does not silently leave a default in place.
func readScoring(data map[string]any) (*Scoring, error) {
	raw, _ := dig(data, "credcheck", "scoring").(map[string]any)
	out, p := parseScoring(raw)
	if p != nil {
		return nil, &Error{File: ScoringFile, Reason: "scoring: " + p.reason}
	}
	return out, nil
}

// checkScoringSection checks the scoring section of a user data file on
// its own, so that an error names that file and not the built-in data it
// is merged into, at the value at fault.
func checkScoringSection(path string, key, section *yaml.Node, raw map[string]any) error {
	_, p := parseScoring(raw)
	if p == nil {
		return nil
	}
	at := key
	if n := lookup(section, p.keys); n != nil {
		at = n
	}
	return &Error{File: path, Line: at.Line, Column: at.Column, Reason: "scoring: " + p.reason}
}

// lookup follows keys down a YAML mapping and returns the last key found:
// the setting at fault, or the deepest one that holds it.
func lookup(n *yaml.Node, keys []string) *yaml.Node {
	var found *yaml.Node
	for _, k := range keys {
		if n == nil || n.Kind != yaml.MappingNode {
			return found
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				found, next = n.Content[i], n.Content[i+1]
			}
		}
		if next == nil {
			return found
		}
		n = next
	}
	return found
}

// parseScoring reads a scoring section over the defaults. Each number is
// checked against its range (scoring.Range), so that NaN, an infinity or a
// weight of a million is refused where it is written. Keys are read in
// order, so that the same data always gives the same first problem.
func parseScoring(raw map[string]any) (*Scoring, *scoringProblem) {
	out := &Scoring{Settings: scoring.Defaults(), Weights: map[string]float64{}, Provenance: map[string]any{}}
	if raw == nil {
		return out, nil
	}
	bad := func(keys []string, format string, args ...any) *scoringProblem {
		return &scoringProblem{keys: keys, reason: fmt.Sprintf(format, args...)}
	}
	// value reads the number at keys within its range.
	value := func(v any, r scoring.Range, keys ...string) (float64, *scoringProblem) {
		n, ok := number(v)
		name := keys[0]
		for _, k := range keys[1:] {
			name += "." + k
		}
		if !ok {
			return 0, bad(keys, "%s must be %v, not %v", name, r, v)
		}
		if err := r.Check(n); err != nil {
			return 0, bad(keys, "%s %v", name, err)
		}
		return n, nil
	}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		v := raw[key]
		switch key {
		case "provenance":
			p, ok := v.(map[string]any)
			if !ok {
				return nil, bad([]string{key}, "provenance must be an object")
			}
			out.Provenance = p
		case "base":
			n, p := value(v, scoring.BaseRange, key)
			if p != nil {
				return nil, p
			}
			out.Settings.Base = n
		case "floor":
			n, p := value(v, scoring.FloorRange, key)
			if p != nil {
				return nil, p
			}
			out.Settings.Floor = n
		case "caps":
			caps, ok := v.(map[string]any)
			if !ok {
				return nil, bad([]string{key}, "caps must map categories to numbers")
			}
			for _, c := range slices.Sorted(maps.Keys(caps)) {
				if !finding.KnownCategory(c) {
					return nil, bad([]string{key, c}, "caps.%s: unknown category (categories: %v)", c, finding.Categories)
				}
				n, p := value(caps[c], scoring.CapRange, key, c)
				if p != nil {
					return nil, p
				}
				out.Settings.Caps[c] = n
			}
		case "bands":
			bands, ok := v.(map[string]any)
			if !ok {
				return nil, bad([]string{key}, "bands must map grades to their lowest scores")
			}
			out.Settings.Bands = nil
			for _, g := range slices.Sorted(maps.Keys(bands)) {
				n, p := value(bands[g], scoring.BandRange, key, g)
				if p != nil {
					return nil, p
				}
				out.Settings.Bands = append(out.Settings.Bands, scoring.Band{Min: n, Grade: g})
			}
			sort.SliceStable(out.Settings.Bands, func(i, j int) bool { return out.Settings.Bands[i].Min > out.Settings.Bands[j].Min })
		case "weights":
			ws, ok := v.(map[string]any)
			if !ok {
				return nil, bad([]string{key}, "weights must map rule IDs to numbers")
			}
			for _, id := range slices.Sorted(maps.Keys(ws)) {
				n, p := value(ws[id], scoring.WeightRange, key, id)
				if p != nil {
					return nil, p
				}
				// Weights of rules that are not loaded (a user's catalog
				// without some built-in rule) are kept, and do nothing.
				out.Weights[id] = n
			}
		default:
			return nil, bad([]string{key}, "unknown key %q (known: base, bands, caps, floor, provenance, weights)", key)
		}
	}
	if err := out.Settings.Validate(); err != nil {
		return nil, bad(nil, "%v", err)
	}
	return out, nil
}

// number reads a JSON or YAML number, whatever Go type the decoder chose.
// NaN and the infinities are numbers here; the ranges refuse them, with a
// message that says so.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case interface{ Float64() (float64, error) }:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}
