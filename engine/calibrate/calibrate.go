package calibrate

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/credcheck/credcheck/engine/accuracy"
	"github.com/credcheck/credcheck/engine/scoring"
)

// Options tune a calibration.
type Options struct {
	// Folds is the number of group folds of the cross-validation; 0
	// leaves one group out at a time, so every fit is tested on an outlet
	// it never saw while seeing all the others.
	Folds int
	// Lambdas are the penalties tried; the largest whose cross-validated
	// AUROC is within lambdaTolerance of the best is kept.
	Lambdas []float64
	// Scale is the points one unit of log-odds is worth: the score is
	// 50 + Scale × log-odds before clamping, so an article the model
	// finds as likely credible as not scores 50.
	Scale float64
}

// DefaultOptions are the documented defaults.
func DefaultOptions() Options {
	return Options{Folds: 0, Lambdas: []float64{0.1, 0.3, 1, 3, 10}, Scale: 10}
}

// lambdaTolerance is how much held-out AUROC a larger penalty may give up
// and still be preferred, as the one-standard-error rule prefers the
// simpler of two models that do about as well.
const lambdaTolerance = 0.005

// Result is a calibration: the model, the numbers the scoring data takes
// from it, and how well it did on outlets it never saw.
type Result struct {
	Model  Model
	Lambda float64
	// Trials are the cross-validated AUROC of each penalty tried.
	Trials map[float64]float64
	// CVAUROC is the AUROC of the held-out scores; CVMeanGood and
	// CVMeanBad the mean held-out score of each class.
	CVAUROC, CVMeanGood, CVMeanBad float64
	// Base is the score of an article with no finding; Weights are the
	// points per unit of each rule's feature.
	Base    float64
	Weights map[string]float64
	// Caps bound each category: the documented default cap, raised to the
	// 99th percentile of its points on the labelled articles where that
	// is higher, so they bind only on outliers.
	Caps map[string]float64
	// Bands are the grades set from the held-out scores.
	Bands []Band
	// Kept says, for rules left out of the fit, why and what weight they
	// keep; the data file writes it beside their weights.
	Kept map[string]string
	// Samples, Good and Groups count the labelled articles.
	Samples, Good, Groups int
	folds                 int
}

// Band is a grade's lowest score and what it meant on the labelled data.
type Band struct {
	Grade string
	Min   float64
	// Share is the share of credible articles among those in the band,
	// with the classes weighed equally; Articles counts them.
	Share    float64
	Articles int
}

// Run cross-validates every penalty, fits the final model on all samples
// and derives the scoring data. category gives each rule's category.
func Run(samples []Sample, rules []Rule, category map[string]string, opts Options) (*Result, error) {
	if opts.Scale <= 0 {
		return nil, fmt.Errorf("scale must be positive, got %g", opts.Scale)
	}
	if len(opts.Lambdas) == 0 {
		return nil, fmt.Errorf("give at least one penalty")
	}
	k := opts.Folds
	if k <= 0 {
		k = len(samples)
	}
	folds := Folds(samples, k)
	good := make([]bool, len(samples))
	groups := map[string]bool{}
	r := &Result{Trials: map[float64]float64{}, Samples: len(samples)}
	for i, s := range samples {
		good[i] = s.Good
		if s.Good {
			r.Good++
		}
		groups[s.Group] = true
	}
	r.Groups = len(groups)
	for _, f := range folds {
		r.folds = max(r.folds, f+1)
	}
	lambdas := slices.Sorted(slices.Values(opts.Lambdas))
	cvs := make([][]float64, len(lambdas))
	bestAUC := -1.0
	for i, l := range lambdas {
		cv := CrossValidate(samples, rules, l, folds)
		cvs[i] = cv
		r.Trials[l] = accuracy.AUROC(cv, good)
		bestAUC = math.Max(bestAUC, r.Trials[l])
	}
	// The largest penalty that does about as well as the best: a weaker
	// one buys a sliver of held-out AUROC with weights that grow without
	// bound on rules that never fire on one class (one "share this" would
	// cost a third of the score).
	var best []float64
	for i, l := range lambdas {
		if r.Trials[l] >= bestAUC-lambdaTolerance {
			r.Lambda, best, r.CVAUROC = l, cvs[i], r.Trials[l]
		}
	}
	m, err := Fit(samples, rules, r.Lambda)
	if err != nil {
		return nil, err
	}
	r.Model = m
	r.Base = round2(50 + opts.Scale*m.Intercept)
	r.Weights = map[string]float64{}
	for _, rule := range rules {
		r.Weights[rule.ID] = round2(opts.Scale * m.Weights[rule.ID])
	}
	r.Caps = caps(samples, rules, category, r.Weights)
	scores := make([]float64, len(best))
	var sumGood, sumBad float64
	for i, z := range best {
		scores[i] = math.Round(math.Max(0, math.Min(100, 50+opts.Scale*(m.Intercept+z))))
		if good[i] {
			sumGood += scores[i]
		} else {
			sumBad += scores[i]
		}
	}
	r.CVMeanGood = sumGood / float64(max(r.Good, 1))
	r.CVMeanBad = sumBad / float64(max(len(samples)-r.Good, 1))
	r.Bands = Bands(scores, good)
	return r, nil
}

// caps is, per category, the 99th percentile of its points over the
// samples, rounded up, or the default cap if that is higher: a category
// whose rules rarely fire on the labelled set (machine-style copy in
// newsroom articles) would otherwise get a cap so low that the articles
// it exists for could not lose more than the labelled set's outliers.
// A category whose rules carry no weight keeps no entry.
func caps(samples []Sample, rules []Rule, category map[string]string, weights map[string]float64) map[string]float64 {
	points := map[string][]float64{}
	for _, s := range samples {
		sum := map[string]float64{}
		for _, r := range rules {
			sum[category[r.ID]] += weights[r.ID] * s.Features[r.ID]
		}
		for c, p := range sum {
			points[c] = append(points[c], p)
		}
	}
	out := map[string]float64{}
	for c, ps := range points {
		sort.Float64s(ps)
		p99 := ps[int(math.Ceil(0.99*float64(len(ps))))-1]
		if p99 > 0 {
			out[c] = math.Max(math.Ceil(p99), scoring.Defaults().Caps[c])
		}
	}
	return out
}

// The grades stand for the chance that an article is credible, read from
// the held-out scores: A at least 90%, B at least 75%, C between 25% and
// 75% (the score cannot tell), D at most 25%, F at most 10%.
var gradeOdds = []struct {
	grade string
	p     float64
}{{"A", 0.90}, {"B", 0.75}, {"C", 0.25}, {"D", 0.10}}

// Bands sets the grade bands from held-out scores and their labels. A
// one-feature logistic fit of the label on the score (Platt scaling, with
// the classes weighed equally so that the bands do not depend on how many
// of each the labelled set holds) gives the chance that an article of a
// given score is credible; each band starts where that chance reaches the
// band's level. Each band keeps at least one point of score, so the bands
// always go down.
func Bands(scores []float64, good []bool) []Band {
	var nGood, nBad float64
	for _, g := range good {
		if g {
			nGood++
		} else {
			nBad++
		}
	}
	samples := make([]Sample, len(scores))
	for i, s := range scores {
		samples[i] = Sample{Features: map[string]float64{"score": s / 100}, Good: good[i]}
	}
	m, err := Fit(samples, []Rule{{ID: "score", Credit: true}}, 1e-6)
	slope := m.Weights["score"] / 100
	out := make([]Band, 0, len(gradeOdds)+1)
	prev := 101.0
	for _, g := range gradeOdds {
		min := prev - 1
		if err == nil && slope > 0 {
			// Remove the prior the class sizes put in the intercept.
			intercept := m.Intercept - math.Log(math.Max(nGood, 1)/math.Max(nBad, 1))
			t := (math.Log(g.p/(1-g.p)) - intercept) / slope
			min = math.Min(prev-1, math.Max(math.Ceil(t), 1))
		}
		out = append(out, Band{Grade: g.grade, Min: min})
		prev = min
	}
	out = append(out, Band{Grade: "F", Min: 0})
	// Keep a point of room for every band above F.
	for i := len(out) - 2; i >= 0; i-- {
		out[i].Min = math.Max(out[i].Min, out[i+1].Min+1)
	}
	for i := range out {
		hi := 101.0
		if i > 0 {
			hi = out[i-1].Min
		}
		var g, b float64
		n := 0
		for k, s := range scores {
			if s >= out[i].Min && s < hi {
				n++
				if good[k] {
					g++
				} else {
					b++
				}
			}
		}
		out[i].Articles = n
		if n > 0 {
			pg, pb := g/math.Max(nGood, 1), b/math.Max(nBad, 1)
			out[i].Share = round2(pg / (pg + pb))
		}
	}
	return out
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
