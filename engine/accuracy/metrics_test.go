package accuracy_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestStratifiedAUROCPairsWithinStrata(t *testing.T) {
	scores := []float64{3, 1, 3, 0, 2, 2, 5}
	labels := []bool{true, false, false, true, true, false, true}
	strata := []int{0, 0, 0, 1, 1, 1, 2}
	// Stratum 0: the positive 3 beats 1 and ties 3 (1.5 of 2 pairs).
	// Stratum 1: positives 0 and 2 against 2: a loss and a tie (0.5 of 2).
	// Stratum 2 has no negative and forms no pair. 2 / 4.
	if got := accuracy.StratifiedAUROC(scores, labels, strata); !near(got, 0.5) {
		t.Errorf("StratifiedAUROC = %v, want 0.5", got)
	}
	// Pooled, positives 3, 0, 2, 5 against 1, 3, 2: 3 → 1 + .5 + 1 = 2.5;
	// 0 → 0; 2 → 1 + 0 + .5 = 1.5; 5 → 3. 7 / 12.
	if got := accuracy.AUROC(scores, labels); !near(got, 7.0/12) {
		t.Errorf("AUROC = %v, want 7/12", got)
	}
	// One stratum is the plain AUROC; none with both classes is 0.5.
	if got := accuracy.StratifiedAUROC(scores, labels, make([]int, 7)); !near(got, 7.0/12) {
		t.Errorf("one stratum: %v, want 7/12", got)
	}
	if got := accuracy.StratifiedAUROC(scores, labels, []int{0, 1, 2, 3, 4, 5, 6}); got != 0.5 {
		t.Errorf("singleton strata: %v, want 0.5", got)
	}
}

// A score that only tracks length looks good pooled when credible articles
// run longer, and earns nothing once pairs are of similar length.
func TestStratifiedAUROCCatchesALengthOnlyScore(t *testing.T) {
	var words []float64
	var labels []bool
	for bin := range 5 {
		// Four articles of 100·bin words; bin b holds b credible ones.
		for k := range 4 {
			words = append(words, float64(100*bin))
			labels = append(labels, k < bin)
		}
	}
	bins := accuracy.Bins(words, 5)
	if diff := cmp.Diff([]int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4}, bins); diff != "" {
		t.Fatalf("bins (-want +got):\n%s", diff)
	}
	// Pooled, credible articles of bins 1–4 beat every shorter doubtful
	// one and tie those of their bin: 5.5 + 2·8 + 3·9.5 + 4·10 = 90 of 100.
	if got := accuracy.AUROC(words, labels); !near(got, 0.9) {
		t.Errorf("pooled AUROC of length = %v, want 0.9", got)
	}
	// Within a bin, every pair ties.
	if got := accuracy.StratifiedAUROC(words, labels, bins); got != 0.5 {
		t.Errorf("stratified AUROC of length = %v, want 0.5", got)
	}
}

func TestBinsKeepEqualValuesTogether(t *testing.T) {
	// Ranks 0–9 into 5 bins of two (rank r → ⌊r/2⌋); the three 7s, ranks
	// 3–5, share the bin of the first of them, 1, and bin 2 stays empty.
	values := []float64{9, 1, 7, 3, 7, 7, 2, 10, 11, 12}
	want := []int{3, 0, 1, 1, 1, 1, 0, 3, 4, 4}
	if diff := cmp.Diff(want, accuracy.Bins(values, 5)); diff != "" {
		t.Errorf("bins (-want +got):\n%s", diff)
	}
	if got := accuracy.Bins(nil, 5); len(got) != 0 {
		t.Errorf("no values: %v", got)
	}
}

func TestSORatio(t *testing.T) {
	for _, c := range []struct{ target, other, want float64 }{
		{0.06, 0.01, 6.0 / 7}, {0.2, 0.2, 0.5}, {0, 0.1, 0}, {0, 0, 0.5}, {0.3, 0, 1},
	} {
		if got := accuracy.SORatio(c.target, c.other); !near(got, c.want) {
			t.Errorf("SORatio(%v, %v) = %v, want %v", c.target, c.other, got, c.want)
		}
	}
}

// With one group per class, every stratified resample draws each group
// once: the interval shrinks to the AUROC itself, however the groups'
// articles are ranked.
func TestAUROCIntervalOneGroupPerClassIsDegenerate(t *testing.T) {
	scores := []float64{5, 3, 1, 4, 2, 2}
	labels := []bool{true, true, true, false, false, false}
	groups := []string{"wire", "wire", "wire", "blog", "blog", "blog"}
	// 5 beats all three negatives, 3 beats the two 2s, 1 none: 5 / 9.
	point := accuracy.AUROC(scores, labels)
	if !near(point, 5.0/9) {
		t.Fatalf("AUROC = %v, want 5/9", point)
	}
	low, high := accuracy.AUROCInterval(scores, labels, groups, 200, 1)
	if low != point || high != point {
		t.Errorf("interval [%v, %v], want [%v, %v]", low, high, point, point)
	}
	// Resampled article by article, the same data has a real interval.
	low, high = accuracy.AUROCInterval(scores, labels, nil, 200, 1)
	if !(low < point && point < high) {
		t.Errorf("article interval [%v, %v] does not straddle %v", low, high, point)
	}
}

// Two credible groups, one ranked above the doubtful group and one below,
// and a single doubtful group: a resample draws both credible groups
// (AUROC 0.5, chance ½), the top one twice (1, chance ¼) or the bottom one
// twice (0, chance ¼), so the 2.5% and 97.5% points are 0 and 1.
func TestAUROCIntervalResamplesGroupsWhole(t *testing.T) {
	scores := []float64{9, 9, 1, 1, 5, 5}
	labels := []bool{true, true, true, true, false, false}
	groups := []string{"top", "top", "bottom", "bottom", "doubt", "doubt"}
	if got := accuracy.AUROC(scores, labels); got != 0.5 {
		t.Fatalf("AUROC = %v, want 0.5", got)
	}
	low, high := accuracy.AUROCInterval(scores, labels, groups, 1000, 7)
	if low != 0 || high != 1 {
		t.Errorf("interval [%v, %v], want [0, 1]", low, high)
	}
	// The same seed draws the same interval; no resamples, no interval.
	if l2, h2 := accuracy.AUROCInterval(scores, labels, groups, 1000, 7); l2 != low || h2 != high {
		t.Errorf("second run [%v, %v] differs", l2, h2)
	}
	if l, h := accuracy.AUROCInterval(scores, labels, groups, 0, 7); l != 0.5 || h != 0.5 {
		t.Errorf("0 resamples: [%v, %v], want the AUROC at both ends", l, h)
	}
	// One class only: nothing to resample.
	if l, h := accuracy.AUROCInterval([]float64{1, 2}, []bool{true, true}, nil, 100, 7); l != 0.5 || h != 0.5 {
		t.Errorf("one class: [%v, %v]", l, h)
	}
}

func TestRuleVerdict(t *testing.T) {
	cases := []struct {
		name                           string
		shareGood, shareBad, auroc, so float64
		want                           string
	}{
		{"fires on almost nothing", 0.01, 0.019, 0.505, 0.66, "rare"},
		{"precise and seldom: 6% bad, 1% good", 0.01, 0.06, 0.525, 6.0 / 7, "separates"},
		{"common and lopsided", 0.2, 0.45, 0.63, 0.69, "separates"},
		{"leans the right way", 0.1, 0.16, 0.53, 0.615, "weak"},
		{"ranks a little", 0.4, 0.5, 0.56, 0.55, "weak"},
		{"alike in both", 0.8, 0.8, 0.47, 0.5, "noise"},
		{"figures disagree", 0.3, 0.2, 0.56, 0.4, "noise"},
		{"points the wrong way", 0.3, 0.1, 0.4, 0.25, "inverted"},
		{"wrong way, slightly", 0.3, 0.28, 0.49, 0.48, "noise"},
	}
	for _, c := range cases {
		if got := accuracy.RuleVerdict(c.shareGood, c.shareBad, c.auroc, c.so); got != c.want {
			t.Errorf("%s: verdict %q, want %q", c.name, got, c.want)
		}
	}
}
