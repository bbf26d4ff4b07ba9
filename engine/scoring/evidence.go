package scoring

import (
	"maps"
	"math"
	"slices"

	"github.com/credcheck/credcheck/engine/finding"
)

// ruleEvidence is what one rule found in an article, as the model sees it.
type ruleEvidence struct {
	rule, category string
	// mass is the sum of the findings' masses; x the rule's feature.
	mass, x  float64
	findings []massed
}

type massed struct {
	f    *finding.Finding
	mass float64
}

// evidence groups the counting findings by rule and computes each rule's
// feature, in rule order so that sums come out the same on every run.
func (s Settings) evidence(findings []*finding.Finding, words int) []*ruleEvidence {
	ordered := append([]*finding.Finding(nil), findings...)
	finding.Sort(ordered)
	byRule := map[string]*ruleEvidence{}
	lead := map[string]float64{}
	body := map[string]float64{}
	seen := map[[2]string]bool{}
	for _, f := range ordered {
		if !f.Counts() {
			continue
		}
		if f.Problem != "" {
			key := [2]string{f.Rule, f.Problem}
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		m := s.Factors[f.Severity] * strength(f)
		r := byRule[f.Rule]
		if r == nil {
			r = &ruleEvidence{rule: f.Rule, category: f.Category}
			byRule[f.Rule] = r
		}
		r.mass += m
		r.findings = append(r.findings, massed{f, m})
		if f.Lead {
			lead[f.Rule] += m
		} else {
			body[f.Rule] += m
		}
	}
	floor := math.Max(s.Floor, 1)
	length := math.Max(float64(words), floor)
	out := make([]*ruleEvidence, 0, len(byRule))
	for _, name := range slices.Sorted(maps.Keys(byRule)) {
		r := byRule[name]
		if r.mass <= 0 {
			continue
		}
		rate := 1000 * (body[name]/length + lead[name]/floor)
		r.x = math.Log2(1 + rate)
		out = append(out, r)
	}
	return out
}

// Features gives each rule's feature x_r for an article: the quantity its
// weight multiplies. Calibration fits weights to these.
func (s Settings) Features(findings []*finding.Finding, words int) map[string]float64 {
	out := map[string]float64{}
	for _, r := range s.evidence(findings, words) {
		out[r.rule] = r.x
	}
	return out
}

// strength is a finding's strength, 1 when it has none (a finding built
// outside the engine, say).
func strength(f *finding.Finding) float64 {
	if f.Strength <= 0 {
		return 1
	}
	return f.Strength
}
