// Package scoring turns an article's findings into a 0–100 credibility score,
// per-category sub-scores and a grade.
//
// The formula (docs/scoring.md):
//
//	points(f)   = weight(rule) × factor(severity) × strength(f) × decay^(k−1)
//	deduction_c = min(cap_c, Σ points of the findings in category c)
//	score       = 100 − Σ_c deduction_c
//	sub-score_c = 100 × (1 − deduction_c / cap_c)
//
// where k counts the findings of the same rule in the article in text order,
// so a rule that fires ten times costs at most twice its first finding (with
// the default decay of ½), and each category can take at most its cap.
// Findings that report one problem at several places (the two sentences of
// a contradiction) share a problem key, and only the first of them counts.
package scoring

import (
	"fmt"
	"math"
	"sort"

	"github.com/credcheck/credcheck/engine/finding"
)

// Settings are the numbers of the formula; configuration may change them.
type Settings struct {
	// Factors multiply a rule's weight by the severity of each finding.
	Factors map[finding.Severity]float64
	// Decay multiplies each further finding of the same rule.
	Decay float64
	// Caps bound the deduction of each category. By default they sum to 95:
	// residue costs little, so no article scores below 5.
	Caps map[string]float64
	// Bands map scores to grades, best first.
	Bands []Band
}

// Band is the lowest score that earns a grade.
type Band struct {
	Min   float64
	Grade string
}

// Defaults returns the documented default settings.
func Defaults() Settings {
	return Settings{
		Factors: map[finding.Severity]float64{finding.Error: 2, finding.Warning: 1, finding.Info: 0.5},
		Decay:   0.5,
		Caps: map[string]float64{
			"attribution": 25, "hedge": 15, "contradiction": 25,
			"machine": 15, "editorial": 10, "boilerplate": 5,
		},
		Bands: []Band{{90, "A"}, {75, "B"}, {60, "C"}, {40, "D"}, {0, "F"}},
	}
}

// Validate reports settings that would make scores meaningless.
func (s Settings) Validate() error {
	if s.Decay < 0 || s.Decay > 1 {
		return fmt.Errorf("scoring decay must be between 0 and 1, got %g", s.Decay)
	}
	for sev, f := range s.Factors {
		if f < 0 {
			return fmt.Errorf("scoring factor for %s must not be negative", sev)
		}
	}
	for c, v := range s.Caps {
		if !finding.KnownCategory(c) {
			return fmt.Errorf("scoring cap for unknown category %q", c)
		}
		if v < 0 {
			return fmt.Errorf("scoring cap for %s must not be negative", c)
		}
	}
	for i, b := range s.Bands {
		if i > 0 && b.Min >= s.Bands[i-1].Min {
			return fmt.Errorf("grade bands must go from the highest minimum score to the lowest")
		}
	}
	return nil
}

// Scorecard is the score of one article.
type Scorecard struct {
	Score      int
	Grade      string
	Deduction  float64
	Categories []Category
}

// Category is one category's part of a scorecard.
type Category struct {
	Name string
	// Score is the sub-score, 0–100.
	Score int
	// Points is the sum of its findings' points before the cap; Deduction
	// is what it took off the score.
	Points, Deduction, Cap float64
	Findings               int
}

// Weight gives the weight of a rule.
type Weight func(rule string) float64

// Score computes the scorecard of one article and sets each finding's
// Points. Findings are read in text order, which fixes the repeat count k.
// Suppressed findings cost nothing and are not counted.
func (s Settings) Score(findings []*finding.Finding, weight Weight) Scorecard {
	ordered := append([]*finding.Finding(nil), findings...)
	finding.Sort(ordered)
	repeats := map[string]int{}
	points := map[string]float64{}
	counts := map[string]int{}
	seen := map[[2]string]bool{}
	for _, f := range ordered {
		if !f.Counts() {
			f.Points = 0
			continue
		}
		counts[f.Category]++
		if f.Problem != "" {
			key := [2]string{f.Rule, f.Problem}
			if seen[key] {
				f.Points = 0
				continue
			}
			seen[key] = true
		}
		k := repeats[f.Rule]
		repeats[f.Rule] = k + 1
		f.Points = round2(weight(f.Rule) * s.Factors[f.Severity] * strength(f) * math.Pow(s.Decay, float64(k)))
		points[f.Category] += f.Points
	}
	card := Scorecard{}
	for _, c := range finding.Categories {
		cp := s.Caps[c]
		cat := Category{Name: c, Points: round2(points[c]), Deduction: round2(math.Min(cp, points[c])), Cap: cp, Findings: counts[c]}
		cat.Score = 100
		if cp > 0 {
			cat.Score = int(math.Round(100 * (1 - cat.Deduction/cp)))
		}
		card.Deduction += cat.Deduction
		card.Categories = append(card.Categories, cat)
	}
	card.Deduction = round2(card.Deduction)
	card.Score = int(math.Round(math.Max(0, 100-card.Deduction)))
	card.Grade = s.Grade(float64(card.Score))
	return card
}

// Grade returns the grade of a score.
func (s Settings) Grade(score float64) string {
	bands := append([]Band(nil), s.Bands...)
	sort.SliceStable(bands, func(i, j int) bool { return bands[i].Min > bands[j].Min })
	for _, b := range bands {
		if score >= b.Min {
			return b.Grade
		}
	}
	if len(bands) > 0 {
		return bands[len(bands)-1].Grade
	}
	return ""
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// strength is a finding's strength, 1 when it has none (a finding built
// outside the engine, say).
func strength(f *finding.Finding) float64 {
	if f.Strength <= 0 {
		return 1
	}
	return f.Strength
}
