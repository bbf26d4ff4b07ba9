// Package accuracy measures how well the loaded policies judge labelled
// text: a newsroom's own corpora in credcheck's span format, and public
// development sets for hedges, machine-generated news, attribution and
// outlet credibility. It reports precision, recall and F1 per category and
// per rule, AUROC for rankings (with a group bootstrap interval and a
// length-stratified variant for credibility), per-rule hit rates by class,
// the worst mistakes with their text, and compares a result with a saved
// one so that policy edits can be gated on accuracy.
package accuracy

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
)

// Confusion counts the decisions of a binary classifier.
type Confusion struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// Add records one decision.
func (c *Confusion) Add(predicted, actual bool) {
	switch {
	case predicted && actual:
		c.TP++
	case predicted:
		c.FP++
	case actual:
		c.FN++
	default:
		c.TN++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision is TP / (TP + FP).
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN).
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// FPR is the false-positive rate, FP / (FP + TN).
func (c Confusion) FPR() float64 { return ratio(c.FP, c.FP+c.TN) }

// Accuracy is the share of correct decisions.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.TP+c.FP+c.FN+c.TN) }

// F1 is the harmonic mean of precision and recall.
func (c Confusion) F1() float64 { return f1(c.Precision(), c.Recall()) }

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NaturalPrecision is the precision the classifier would have if positives
// made up the share prevalence of the data, rather than their share in a
// balanced test file: R·π / (R·π + FPR·(1−π)).
func (c Confusion) NaturalPrecision(prevalence float64) float64 {
	r, fpr := c.Recall(), c.FPR()
	den := r*prevalence + fpr*(1-prevalence)
	if den == 0 {
		return 0
	}
	return r * prevalence / den
}

// NaturalF1 is F1 with NaturalPrecision.
func (c Confusion) NaturalF1(prevalence float64) float64 {
	return f1(c.NaturalPrecision(prevalence), c.Recall())
}

// AUROC is the area under the ROC curve of scores that rank positives
// (higher is more likely positive): the chance that a random positive
// outscores a random negative, ties counting half (the Mann–Whitney U
// statistic). It is 0.5 when either class is empty.
func AUROC(scores []float64, labels []bool) float64 {
	u, npos, nneg := mannWhitney(scores, labels)
	if npos == 0 || nneg == 0 {
		return 0.5
	}
	return u / float64(npos*nneg)
}

// mannWhitney counts the pairs of a positive and a negative that the
// positive wins, ties counting half, and the size of each class.
func mannWhitney(scores []float64, labels []bool) (u float64, npos, nneg int) {
	type item struct {
		score float64
		pos   bool
	}
	items := make([]item, len(scores))
	for i, s := range scores {
		items[i] = item{s, labels[i]}
		if labels[i] {
			npos++
		} else {
			nneg++
		}
	}
	if npos == 0 || nneg == 0 {
		return 0, npos, nneg
	}
	sort.Slice(items, func(i, j int) bool { return items[i].score < items[j].score })
	// Sum the ranks of the positives, giving tied scores their mean rank.
	rankSum := 0.0
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].score == items[i].score {
			j++
		}
		mean := float64(i+j+1) / 2 // ranks i+1 … j
		for k := i; k < j; k++ {
			if items[k].pos {
				rankSum += mean
			}
		}
		i = j
	}
	return rankSum - float64(npos*(npos+1))/2, npos, nneg
}

// StratifiedAUROC is AUROC over the pairs of a positive and a negative in
// the same stratum only: Σ U_s / Σ P_s·N_s. Stratified by length, it asks
// whether the score ranks articles of similar length, so a score that only
// tracks length (and a class that writes longer) gains nothing from it. It
// is 0.5 when no stratum holds both classes.
func StratifiedAUROC(scores []float64, labels []bool, strata []int) float64 {
	by := map[int][]int{}
	for i, s := range strata {
		by[s] = append(by[s], i)
	}
	var u, pairs float64
	for _, stratum := range slices.Sorted(maps.Keys(by)) {
		idx := by[stratum]
		s, l := make([]float64, len(idx)), make([]bool, len(idx))
		for k, i := range idx {
			s[k], l[k] = scores[i], labels[i]
		}
		su, p, n := mannWhitney(s, l)
		u, pairs = u+su, pairs+float64(p*n)
	}
	if pairs == 0 {
		return 0.5
	}
	return u / pairs
}

// Bins puts values into k bins of near-equal size by rank (quintiles for
// k = 5): a value whose first rank among the sorted values is r goes to bin
// ⌊r·k/n⌋. Equal values share a bin, which may then hold more than its
// share.
func Bins(values []float64, k int) []int {
	n := len(values)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return values[order[a]] < values[order[b]] })
	out := make([]int, n)
	first := 0
	for r, i := range order {
		if r > 0 && values[i] != values[order[r-1]] {
			first = r
		}
		out[i] = first * k / n
	}
	return out
}

// SORatio is SpamAssassin's S/O: the share of a rule's hit rate that falls
// in the class it should point at, target ÷ (target + other), each rate the
// share of that class's articles it fires on, so unequal class sizes do not
// weigh. 1 is a rule that fires only where it should, 0.5 one that fires
// alike in both classes; 0.5 when it never fires.
func SORatio(target, other float64) float64 {
	if target+other == 0 {
		return 0.5
	}
	return target / (target + other)
}

// AUROCInterval is the 95% percentile-bootstrap interval of AUROC. Each
// resample draws clusters with replacement: the articles of a group (an
// outlet) together when clusters names them, else each article alone, since
// articles of one outlet are not independent and resampling them one by one
// would make the interval too narrow. The draw is stratified: clusters
// whose articles are all positive, all negative, or mixed are drawn from
// their own kind, as many as there are, so every resample holds both
// classes. seed fixes the draws, so the interval is the same on every run.
// With no resamples, or one class empty, both ends are the AUROC.
func AUROCInterval(scores []float64, labels []bool, clusters []string, resamples int, seed uint64) (low, high float64) {
	point := AUROC(scores, labels)
	if resamples <= 0 || !bothClasses(labels) {
		return point, point
	}
	members := map[string][]int{}
	for i := range scores {
		key := strconv.Itoa(i)
		if clusters != nil {
			key = clusters[i]
		}
		members[key] = append(members[key], i)
	}
	// Draws follow the sorted names, so that only the seed decides them.
	var strata [3][][]int
	for _, name := range slices.Sorted(maps.Keys(members)) {
		idx := members[name]
		pos := 0
		for _, i := range idx {
			if labels[i] {
				pos++
			}
		}
		kind := 2
		switch pos {
		case len(idx):
			kind = 0
		case 0:
			kind = 1
		}
		strata[kind] = append(strata[kind], idx)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	values := make([]float64, resamples)
	var s []float64
	var l []bool
	for r := range values {
		s, l = s[:0], l[:0]
		for _, stratum := range strata {
			for range stratum {
				for _, i := range stratum[rng.IntN(len(stratum))] {
					s, l = append(s, scores[i]), append(l, labels[i])
				}
			}
		}
		values[r] = AUROC(s, l)
	}
	slices.Sort(values)
	return quantile(values, 0.025), quantile(values, 0.975)
}

func bothClasses(labels []bool) bool {
	return slices.Contains(labels, true) && slices.Contains(labels, false)
}

// quantile interpolates linearly between the order statistics of sorted
// values (the default of R and NumPy).
func quantile(sorted []float64, p float64) float64 {
	h := p * float64(len(sorted)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// round4 keeps reports readable and stable.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
