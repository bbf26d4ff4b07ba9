// Package calibrate fits the rules' scoring weights on labelled articles,
// the way SpamAssassin fits rule scores on labelled mail: a regularised
// logistic model over each rule's per-article feature (scoring.Features),
// cross-validated by group (outlet) so that no fold scores an outlet it was
// fitted on, and turned into the scoring data file the policies load.
package calibrate

import (
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// Sample is one labelled article as the model sees it.
type Sample struct {
	// Features are the rules' features x_r; absent rules are 0.
	Features map[string]float64
	Good     bool
	Group    string
}

// Rule is a feature of the model and the way it must point: a problem
// rule can only lower the odds of credibility, a credit rule only raise
// them.
type Rule struct {
	ID     string
	Credit bool
}

// Model is a fitted model in log-odds units: the log-odds that an article
// is credible are Intercept + Σ sign(r) × Weights[r] × x_r, with sign −1
// for problem rules and +1 for credit rules, and every weight ≥ 0.
type Model struct {
	Intercept float64
	Weights   map[string]float64
}

// LogOdds is the model's log-odds for an article's features.
func (m Model) LogOdds(rules []Rule, x map[string]float64) float64 {
	z := m.Intercept
	for _, r := range rules {
		z += sign(r) * m.Weights[r.ID] * x[r.ID]
	}
	return z
}

func sign(r Rule) float64 {
	if r.Credit {
		return 1
	}
	return -1
}

// Fit fits an L2-regularised logistic model whose weights point each rule
// its own way. The sign constraint is kept with an active set: fit, drop
// the rule whose weight points the most the wrong way (it ends at weight 0,
// informing but not scoring), and fit again until none does. One at a time,
// because a rule can come out the wrong way only while a correlated rule
// that will be dropped is still in the fit.
// lambda is the penalty on the squared weights (the intercept is free).
func Fit(samples []Sample, rules []Rule, lambda float64) (Model, error) {
	if len(samples) == 0 {
		return Model{}, errors.New("no labelled articles to fit")
	}
	good := 0
	for _, s := range samples {
		if s.Good {
			good++
		}
	}
	if good == 0 || good == len(samples) {
		return Model{}, errors.New("the labelled articles must include both classes")
	}
	active := slices.Clone(rules)
	for {
		m, err := fitActive(samples, active, lambda)
		if err != nil {
			return Model{}, err
		}
		worst := -1
		for i, r := range active {
			if w := m.Weights[r.ID]; w < 0 && (worst < 0 || w < m.Weights[active[worst].ID]) {
				worst = i
			}
		}
		if worst < 0 {
			for _, r := range rules {
				if _, ok := m.Weights[r.ID]; !ok {
					m.Weights[r.ID] = 0
				}
			}
			return m, nil
		}
		active = slices.Delete(active, worst, worst+1)
	}
}

// fitActive fits the unconstrained model over the active rules with
// L-BFGS; the loss is the mean log-loss plus lambda/(2n) × Σ w².
func fitActive(samples []Sample, rules []Rule, lambda float64) (Model, error) {
	n := float64(len(samples))
	// Dense design matrix, features already multiplied by their signs.
	xs := make([][]float64, len(samples))
	ys := make([]float64, len(samples))
	for i, s := range samples {
		row := make([]float64, len(rules))
		for j, r := range rules {
			row[j] = sign(r) * s.Features[r.ID]
		}
		xs[i] = row
		if s.Good {
			ys[i] = 1
		}
	}
	loss := func(w []float64, grad []float64) float64 {
		for j := range grad {
			grad[j] = 0
		}
		total := 0.0
		for i, row := range xs {
			z := w[0]
			for j, v := range row {
				z += w[j+1] * v
			}
			// log(1+e^z) − y·z, computed without overflow.
			total += softplus(z) - ys[i]*z
			if grad != nil {
				e := sigmoid(z) - ys[i]
				grad[0] += e / n
				for j, v := range row {
					grad[j+1] += e * v / n
				}
			}
		}
		total /= n
		for j := 1; j < len(w); j++ {
			total += lambda / (2 * n) * w[j] * w[j]
			if grad != nil {
				grad[j] += lambda / n * w[j]
			}
		}
		return total
	}
	p := optimize.Problem{
		Func: func(w []float64) float64 { return loss(w, nil) },
		Grad: func(grad, w []float64) { loss(w, grad) },
	}
	init := make([]float64, len(rules)+1)
	res, err := optimize.Minimize(p, init, &optimize.Settings{GradientThreshold: 1e-9, MajorIterations: 2000}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return Model{}, err
	}
	m := Model{Intercept: res.X[0], Weights: map[string]float64{}}
	for j, r := range rules {
		m.Weights[r.ID] = res.X[j+1]
	}
	return m, nil
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}
