package accuracy_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/credcheck/credcheck/engine/accuracy"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestConfusionCountsAndRatios(t *testing.T) {
	var c accuracy.Confusion
	decisions := []struct{ predicted, actual bool }{
		{true, true}, {true, true}, {true, true}, // TP
		{true, false}, {true, false}, // FP
		{false, true},                                                  // FN
		{false, false}, {false, false}, {false, false}, {false, false}, // TN
	}
	for _, d := range decisions {
		c.Add(d.predicted, d.actual)
	}
	if c != (accuracy.Confusion{TP: 3, FP: 2, FN: 1, TN: 4}) {
		t.Fatalf("counts = %+v, want TP 3, FP 2, FN 1, TN 4", c)
	}
	cases := []struct {
		name      string
		got, want float64
	}{
		{"precision", c.Precision(), 3.0 / 5},
		{"recall", c.Recall(), 3.0 / 4},
		{"fpr", c.FPR(), 2.0 / 6},
		{"accuracy", c.Accuracy(), 7.0 / 10},
		// 2PR/(P+R) with P = 0.6, R = 0.75.
		{"f1", c.F1(), 2 * 0.6 * 0.75 / (0.6 + 0.75)},
	}
	for _, tc := range cases {
		if !near(tc.got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// Empty denominators must give 0, not NaN: a NaN in a saved result would
// make every later --compare against it pass silently.
func TestConfusionEmptyDenominatorsAreZero(t *testing.T) {
	for _, c := range []accuracy.Confusion{{}, {TN: 5}, {FN: 2}} {
		figures := map[string]float64{
			"precision": c.Precision(), "f1": c.F1(), "fpr": c.FPR(),
			"natural_precision": c.NaturalPrecision(0.227), "natural_f1": c.NaturalF1(0.227),
		}
		for name, v := range figures {
			if v != 0 {
				t.Errorf("%+v: %s = %v, want 0", c, name, v)
			}
		}
	}
	if got := (accuracy.Confusion{FP: 3}).Recall(); got != 0 {
		t.Errorf("recall with no positives = %v, want 0", got)
	}
	if got := (accuracy.Confusion{}).Accuracy(); got != 0 {
		t.Errorf("accuracy of no decisions = %v, want 0", got)
	}
}

func TestNaturalPrecisionFollowsTheFormula(t *testing.T) {
	// R = 3/4, FPR = 2/8. At π = 0.2:
	// P = 0.75·0.2 / (0.75·0.2 + 0.25·0.8) = 0.15 / 0.35 = 3/7.
	c := accuracy.Confusion{TP: 3, FN: 1, FP: 2, TN: 6}
	if got := c.NaturalPrecision(0.2); !near(got, 3.0/7) {
		t.Errorf("NaturalPrecision(0.2) = %v, want 3/7", got)
	}
	// F1 of 3/7 and 3/4 is 2·(9/28) / (33/28) = 6/11.
	if got := c.NaturalF1(0.2); !near(got, 6.0/11) {
		t.Errorf("NaturalF1(0.2) = %v, want 6/11", got)
	}
	// At the file's own prevalence (4 of 12) it is the plain precision.
	if got := c.NaturalPrecision(4.0 / 12); !near(got, c.Precision()) {
		t.Errorf("NaturalPrecision at the sample prevalence = %v, want precision %v", got, c.Precision())
	}
	// Rarer positives lower precision; a classifier with no false
	// positives keeps precision 1 at any prevalence.
	if c.NaturalPrecision(0.05) >= c.NaturalPrecision(0.2) {
		t.Errorf("precision did not fall with prevalence: %v at 0.05, %v at 0.2", c.NaturalPrecision(0.05), c.NaturalPrecision(0.2))
	}
	if got := (accuracy.Confusion{TP: 2, FN: 2, TN: 9}).NaturalPrecision(0.01); got != 1 {
		t.Errorf("no false positives: NaturalPrecision = %v, want 1", got)
	}
}

func TestAUROCCountsTiesAsHalf(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.7, 0.3, 0.1}
	labels := []bool{true, false, true, false, true, false}
	// Positives 0.9, 0.7, 0.3 against negatives 0.8, 0.7, 0.1:
	// 0.9 beats all three (3); 0.7 loses to 0.8, ties 0.7, beats 0.1 (1.5);
	// 0.3 beats only 0.1 (1). (3 + 1.5 + 1) / 9 pairs.
	want := 5.5 / 9
	if got := accuracy.AUROC(scores, labels); !near(got, want) {
		t.Errorf("AUROC = %v, want %v", got, want)
	}
	// The order of the input does not matter.
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(scores), func(i, j int) {
			scores[i], scores[j] = scores[j], scores[i]
			labels[i], labels[j] = labels[j], labels[i]
		})
		if got := accuracy.AUROC(scores, labels); !near(got, want) {
			t.Fatalf("AUROC after shuffling = %v, want %v", got, want)
		}
	}
}

func TestAUROCEdgeCases(t *testing.T) {
	cases := []struct {
		name   string
		scores []float64
		labels []bool
		want   float64
	}{
		{"perfect ranking", []float64{3, 2, 1, 0}, []bool{true, true, false, false}, 1},
		{"inverted ranking", []float64{0, 1, 2, 3}, []bool{true, true, false, false}, 0},
		{"all tied", []float64{1, 1, 1, 1}, []bool{true, false, true, false}, 0.5},
		{"two positives tied with a negative", []float64{2, 2, 2, 1}, []bool{true, false, true, false}, 0.75},
		{"only positives", []float64{0.1, 0.9}, []bool{true, true}, 0.5},
		{"only negatives", []float64{0.1, 0.9}, []bool{false, false}, 0.5},
		{"empty", nil, nil, 0.5},
	}
	for _, c := range cases {
		if got := accuracy.AUROC(c.scores, c.labels); !near(got, c.want) {
			t.Errorf("%s: AUROC = %v, want %v", c.name, got, c.want)
		}
	}
}
