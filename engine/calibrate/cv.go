package calibrate

import (
	"maps"
	"slices"
	"sort"
)

// Folds splits the samples into k folds by group: every sample of a group
// lands in the same fold, so a model is never tested on an outlet it was
// fitted on. Groups go, largest first, to the fold with the fewest
// samples (ties by name), which keeps the folds near equal in size and the
// split the same on every run. A sample without a group is a group of its
// own. It returns the fold of each sample.
func Folds(samples []Sample, k int) []int {
	sizes := map[string]int{}
	key := make([]string, len(samples))
	for i, s := range samples {
		key[i] = s.Group
		if key[i] == "" {
			key[i] = "\x00" + string(rune(i))
		}
		sizes[key[i]]++
	}
	groups := slices.Sorted(maps.Keys(sizes))
	sort.SliceStable(groups, func(i, j int) bool { return sizes[groups[i]] > sizes[groups[j]] })
	k = max(1, min(k, len(groups)))
	load := make([]int, k)
	foldOf := map[string]int{}
	for _, g := range groups {
		f := 0
		for i := range load {
			if load[i] < load[f] {
				f = i
			}
		}
		foldOf[g] = f
		load[f] += sizes[g]
	}
	out := make([]int, len(samples))
	for i := range samples {
		out[i] = foldOf[key[i]]
	}
	return out
}

// CrossValidate fits on all folds but one and predicts the held-out fold,
// for each fold, and returns the held-out evidence of every sample: its
// log-odds without the intercept. The intercept is left out because it
// carries the class balance of the training part, which leaving a group
// out tilts against the group's own class: pooled across folds, it would
// rank every held-out group by the label it hides (with a strong penalty,
// an AUROC near 0). A fold whose training part lacks a class predicts 0.
func CrossValidate(samples []Sample, rules []Rule, lambda float64, folds []int) []float64 {
	k := 0
	for _, f := range folds {
		k = max(k, f+1)
	}
	out := make([]float64, len(samples))
	for f := range k {
		var train []Sample
		for i, s := range samples {
			if folds[i] != f {
				train = append(train, s)
			}
		}
		m, err := Fit(train, rules, lambda)
		if err != nil {
			m = Model{Weights: map[string]float64{}}
		}
		for i, s := range samples {
			if folds[i] == f {
				out[i] = m.LogOdds(rules, s.Features) - m.Intercept
			}
		}
	}
	return out
}
