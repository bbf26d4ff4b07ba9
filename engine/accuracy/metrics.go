// Package accuracy measures how well the loaded policies judge labelled
// text: a newsroom's own corpora in credcheck's span format, and public
// development sets for hedges, machine-generated news and attribution. It
// reports precision, recall and F1 per category and per rule, AUROC for
// rankings, the worst mistakes with their text, and compares a result with
// a saved one so that policy edits can be gated on accuracy.
package accuracy

import (
	"math"
	"sort"
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
	type item struct {
		score float64
		pos   bool
	}
	items := make([]item, len(scores))
	npos, nneg := 0, 0
	for i, s := range scores {
		items[i] = item{s, labels[i]}
		if labels[i] {
			npos++
		} else {
			nneg++
		}
	}
	if npos == 0 || nneg == 0 {
		return 0.5
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
	u := rankSum - float64(npos*(npos+1))/2
	return u / float64(npos*nneg)
}

// round4 keeps reports readable and stable.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
