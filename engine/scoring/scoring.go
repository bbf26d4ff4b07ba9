// Package scoring turns an article's findings into a 0–100 credibility score,
// per-category sub-scores and a grade.
//
// The formula (docs/scoring.md) is a linear model over rates, so that a long
// article is not punished for its length and weights can be fitted on
// labelled articles (package calibrate):
//
//	mass(f)     = factor(severity) × strength(f)
//	rate_r      = 1000 × (Σ mass of r's body findings / max(words, floor)
//	                      + Σ mass of r's headline and lede findings / floor)
//	x_r         = log2(1 + rate_r)
//	points_r    = weight(r) × x_r, shared among r's findings by mass
//	deduction_c = min(cap_c, Σ points of the problem rules in c)
//	earned      = min(cap_sourcing, Σ points of the credit rules)
//	score       = clamp(base − Σ_c deduction_c + earned, 0, 100)
//
// The logarithm makes the tenth finding of a rule cost less than the first:
// one flaw repeated is not ten flaws. Findings that report one problem at
// several places (the two sentences of a contradiction) share a problem key,
// and only the first of them counts.
package scoring

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/credcheck/credcheck/engine/finding"
)

// Settings are the numbers of the formula; the built-in scoring data and
// configuration may change them.
type Settings struct {
	// Factors multiply a finding's mass by its severity.
	Factors map[finding.Severity]float64
	// Floor is the word count below which an article is rated as if it had
	// Floor words, so that one finding in a three-line brief does not read
	// as a flood; headline and lede findings are always rated this way.
	Floor float64
	// Base is the score of an article with no finding.
	Base float64
	// Caps bound what each category can take off (or, for the credit
	// category, add to) the score.
	Caps map[string]float64
	// Bands map scores to grades, best first.
	Bands []Band
}

// Band is the lowest score that earns a grade.
type Band struct {
	Min   float64
	Grade string
}

// Defaults returns the uncalibrated settings: the built-in scoring data
// (policies/credcheck/data.yaml) replaces most of them.
func Defaults() Settings {
	return Settings{
		Factors: map[finding.Severity]float64{finding.Error: 2, finding.Warning: 1, finding.Info: 0.5},
		Floor:   250,
		Base:    100,
		Caps: map[string]float64{
			"attribution": 25, "hedge": 15, "contradiction": 25,
			"machine": 15, "editorial": 10, "boilerplate": 5, finding.CreditCategory: 0,
		},
		Bands: []Band{{90, "A"}, {75, "B"}, {60, "C"}, {40, "D"}, {0, "F"}},
	}
}

// Range is the values one number of the formula may take. Every number
// must also be finite: NaN or an infinity would turn scores into nonsense
// (NaN rounds to the lowest integer) and make JSON reports fail.
type Range struct{ Min, Max float64 }

// The ranges of the formula's numbers (docs/scoring.md). A weight, factor
// or cap above 100 could take more than the whole 0–100 scale for one
// finding; the floor is a word count.
var (
	BaseRange   = Range{0, 100}
	FloorRange  = Range{1, 1_000_000}
	FactorRange = Range{0, 100}
	CapRange    = Range{0, 100}
	WeightRange = Range{0, 100}
	BandRange   = Range{0, 100}
)

// Check reports a value outside the range, or not a finite number, as
// "must be a number from Min to Max, not v".
func (r Range) Check(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < r.Min || v > r.Max {
		return fmt.Errorf("must be %v, not %s", r, number(v))
	}
	return nil
}

// String describes the range: "a number from 0 to 100".
func (r Range) String() string {
	return fmt.Sprintf("a number from %s to %s", number(r.Min), number(r.Max))
}

// number writes a value as people type it: 1000000 rather than 1e+06,
// with exponents only for the very large or small.
func number(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-4 || a >= 1e15) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Validate reports settings that would make scores meaningless.
func (s Settings) Validate() error {
	if err := FloorRange.Check(s.Floor); err != nil {
		return fmt.Errorf("scoring floor (words) %v", err)
	}
	if err := BaseRange.Check(s.Base); err != nil {
		return fmt.Errorf("scoring base %v", err)
	}
	for _, sev := range slices.Sorted(maps.Keys(s.Factors)) {
		if err := FactorRange.Check(s.Factors[sev]); err != nil {
			return fmt.Errorf("scoring factor for %s %v", sev, err)
		}
	}
	for _, c := range slices.Sorted(maps.Keys(s.Caps)) {
		if !finding.KnownCategory(c) {
			return fmt.Errorf("scoring cap for unknown category %q", c)
		}
		if err := CapRange.Check(s.Caps[c]); err != nil {
			return fmt.Errorf("scoring cap for %s %v", c, err)
		}
	}
	for i, b := range s.Bands {
		if err := BandRange.Check(b.Min); err != nil {
			return fmt.Errorf("grade band %s %v", b.Grade, err)
		}
		if i > 0 && b.Min >= s.Bands[i-1].Min {
			return fmt.Errorf("grade bands must go from the highest minimum score to the lowest")
		}
	}
	return nil
}

// Scorecard is the score of one article.
type Scorecard struct {
	Score int
	Grade string
	// Base is the score the article started from; Deduction is what its
	// findings took off, net of what credits earned (negative when credits
	// outweigh problems), before the score was clamped to 0–100.
	Base       float64
	Deduction  float64
	Categories []Category
}

// Category is one category's part of a scorecard.
type Category struct {
	Name string
	// Score is the sub-score, 0–100: how little of its cap a problem
	// category took, or how much of its cap the credit category earned.
	Score int
	// Points is the sum of its findings' points before the cap; Deduction
	// is what it took off the score (negative for earned credit).
	Points, Deduction, Cap float64
	Findings               int
}

// Weight gives the weight of a rule.
type Weight func(rule string) float64

// Score computes the scorecard of an article of the given number of words
// and sets each finding's Points. Suppressed findings cost nothing and are
// not counted.
func (s Settings) Score(findings []*finding.Finding, words int, weight Weight) Scorecard {
	ev := s.evidence(findings, words)
	points := map[string]float64{}
	counts := map[string]int{}
	for _, f := range findings {
		f.Points = 0
		if f.Counts() {
			counts[f.Category]++
		}
	}
	for _, r := range ev {
		total := weight(r.rule) * r.x
		for _, m := range r.findings {
			m.f.Points = round2(total * m.mass / r.mass)
		}
		points[r.category] += total
	}
	card := Scorecard{Base: s.Base}
	for _, c := range finding.Categories {
		cp := s.Caps[c]
		p := points[c]
		taken := math.Min(cp, p)
		cat := Category{Name: c, Points: round2(p), Cap: cp, Findings: counts[c]}
		if c == finding.CreditCategory {
			cat.Deduction = round2(-taken)
			cat.Score = 0
			if cp > 0 {
				cat.Score = int(math.Round(100 * taken / cp))
			}
		} else {
			cat.Deduction = round2(taken)
			cat.Score = 100
			if cp > 0 {
				cat.Score = int(math.Round(100 * (1 - taken/cp)))
			}
		}
		card.Deduction += cat.Deduction
		card.Categories = append(card.Categories, cat)
	}
	card.Deduction = round2(card.Deduction)
	card.Score = int(math.Round(math.Max(0, math.Min(100, s.Base-card.Deduction))))
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
