package policy

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

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

// readScoring reads data.credcheck.scoring over the defaults. Unknown keys
// and values of the wrong type are errors, so that a typo in an edited
// weights file does not silently leave a default in place.
func readScoring(data map[string]any) (*Scoring, error) {
	out := &Scoring{Settings: scoring.Defaults(), Weights: map[string]float64{}, Provenance: map[string]any{}}
	raw, _ := dig(data, "credcheck", "scoring").(map[string]any)
	if raw == nil {
		return out, nil
	}
	bad := func(format string, args ...any) error {
		return &Error{File: ScoringFile, Reason: "scoring: " + fmt.Sprintf(format, args...)}
	}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		v := raw[key]
		switch key {
		case "provenance":
			p, ok := v.(map[string]any)
			if !ok {
				return nil, bad("provenance must be an object")
			}
			out.Provenance = p
		case "base", "floor":
			n, ok := number(v)
			if !ok {
				return nil, bad("%s must be a number, got %v", key, v)
			}
			if key == "base" {
				out.Settings.Base = n
			} else {
				out.Settings.Floor = n
			}
		case "caps":
			caps, ok := v.(map[string]any)
			if !ok {
				return nil, bad("caps must map categories to numbers")
			}
			for c, cv := range caps {
				n, ok := number(cv)
				if !ok || !finding.KnownCategory(c) {
					return nil, bad("caps.%s must be a number for a known category (%v)", c, finding.Categories)
				}
				out.Settings.Caps[c] = n
			}
		case "bands":
			bands, ok := v.(map[string]any)
			if !ok {
				return nil, bad("bands must map grades to their lowest scores")
			}
			out.Settings.Bands = nil
			for g, bv := range bands {
				n, ok := number(bv)
				if !ok {
					return nil, bad("bands.%s must be a number", g)
				}
				out.Settings.Bands = append(out.Settings.Bands, scoring.Band{Min: n, Grade: g})
			}
			sort.Slice(out.Settings.Bands, func(i, j int) bool { return out.Settings.Bands[i].Min > out.Settings.Bands[j].Min })
		case "weights":
			ws, ok := v.(map[string]any)
			if !ok {
				return nil, bad("weights must map rule IDs to numbers")
			}
			for id, wv := range ws {
				n, ok := number(wv)
				if !ok || n < 0 {
					return nil, bad("weights.%s must be a number of at least 0, got %v", id, wv)
				}
				// Weights of rules that are not loaded (a user's catalog
				// without some built-in rule) are kept, and do nothing.
				out.Weights[id] = n
			}
		default:
			return nil, bad("unknown key %q (known: base, bands, caps, floor, provenance, weights)", key)
		}
	}
	if err := out.Settings.Validate(); err != nil {
		return nil, bad("%v", err)
	}
	return out, nil
}

// number reads a JSON or YAML number, whatever Go type the decoder chose.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
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
