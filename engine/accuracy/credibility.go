package accuracy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

// The verdict thresholds of a rule (docs/eval.md). AUROC is of the rule's
// per-article rate, oriented so that above 0.5 is the right way; S/O is
// the oriented share of its hit rate (SORatio). Either figure can carry a
// rule: AUROC rewards a rule that fires often and more often on one side,
// S/O a precise rule that fires seldom but nearly only on the right side
// (6% of not-credible articles and 1% of credible ones: S/O 0.86, AUROC
// about 0.53).
const (
	// RareShare: a rule that fires on fewer than this share of the
	// articles of either class is too rare to judge.
	RareShare = 0.02
	// SeparatesAUROC and SeparatesSO: a rule at or above either (and
	// pointing the right way by both) separates the classes.
	SeparatesAUROC = 0.60
	SeparatesSO    = 0.80
	// WeakAUROC and WeakSO: at or above either, a weak separator.
	WeakAUROC = 0.55
	WeakSO    = 0.60
	// InvertedAUROC and InvertedSO mirror the weak thresholds: a rule at
	// or below either (and pointing the wrong way by both) is inverted.
	InvertedAUROC = 1 - WeakAUROC
	InvertedSO    = 1 - WeakSO
)

// BootstrapSeed fixes the bootstrap's draws, so a saved result compares
// with a new one byte for byte.
const BootstrapSeed = 8

// lengthStrata is how many word-count bins the stratified AUROC pairs
// articles within: quintiles.
const lengthStrata = 5

// RuleVerdict judges how one rule separates credible from not-credible
// articles: rare, inverted, separates, weak or noise, by the thresholds
// above. auroc and so are oriented (above 0.5 is the right way).
func RuleVerdict(shareGood, shareBad, auroc, so float64) string {
	right := auroc >= 0.5 && so >= 0.5
	switch {
	case shareGood < RareShare && shareBad < RareShare:
		return "rare"
	case auroc < 0.5 && so < 0.5 && (auroc <= InvertedAUROC || so <= InvertedSO):
		return "inverted"
	case right && (auroc >= SeparatesAUROC || so >= SeparatesSO):
		return "separates"
	case right && (auroc >= WeakAUROC || so >= WeakSO):
		return "weak"
	}
	return "noise"
}

// RuleQA is how one rule fires on credible (good) and not-credible (bad)
// articles, in the manner of SpamAssassin's rule QA.
type RuleQA struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	// Points is the class a higher rate should mean: "bad" for a problem
	// rule, "good" for a credit (sourcing) rule.
	Points    string `json:"points"`
	FiredGood int    `json:"fired_good"`
	FiredBad  int    `json:"fired_bad"`
	// ShareGood and ShareBad are the shares of each class's articles it
	// fires on.
	ShareGood float64 `json:"share_good"`
	ShareBad  float64 `json:"share_bad"`
	// RateGood and RateBad are its findings per 1,000 words, the mean of
	// the per-article rates of the class.
	RateGood float64 `json:"rate_good"`
	RateBad  float64 `json:"rate_bad"`
	// AUROC ranks articles by the per-article rate, oriented: above 0.5
	// the rule points the way it should.
	AUROC float64 `json:"auroc"`
	// SO is the oriented S/O ratio of the shares (SORatio).
	SO      float64 `json:"so"`
	Verdict string  `json:"verdict"`
}

// GroupScore is the mean score of the articles of one group (an outlet).
type GroupScore struct {
	Name string `json:"name"`
	// Class is "good" or "bad" when all its articles are of one class,
	// else "mixed".
	Class     string  `json:"class"`
	Articles  int     `json:"articles"`
	MeanScore float64 `json:"mean_score"`
}

// credibilityScore is the article score the task ranks by: higher is more
// credible.
func credibilityScore(a *report.Article) float64 { return float64(a.Scorecard.Score) }

// runCredibility reads articles labelled credible or not (text, title,
// label, group) and measures how well the article score, the category
// sub-scores and each rule separate them.
func runCredibility(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError, error) {
	labelled, errs, notes, err := Labelled(ctx, c, files, opts.Good, opts.MaxBytes)
	if err != nil {
		return nil, errs, err
	}

	res := &Result{}
	var (
		arts     []*report.Article
		scores   []float64
		good     []bool
		words    []float64
		clusters []string
		names    []string
	)
	grouped, unscored := false, 0
	for _, l := range labelled {
		a := l.Article
		// An article in a language the rules do not read is left out of
		// every figure and counted in a note.
		if !a.Scored() {
			unscored++
			continue
		}
		arts = append(arts, a)
		scores, good, words = append(scores, credibilityScore(a)), append(good, l.Good), append(words, float64(a.Words))
		names = append(names, l.Group)
		// An article without a group is a cluster of its own.
		cluster := "record " + l.ID
		if l.Group != "" {
			cluster, grouped = "group "+l.Group, true
		}
		clusters = append(clusters, cluster)
	}
	res.Records = len(arts)

	res.metric("auroc", AUROC(scores, good), "")
	if opts.Bootstrap > 0 {
		resampled := clusters
		if !grouped {
			resampled = nil
		}
		low, high := AUROCInterval(scores, good, resampled, opts.Bootstrap, BootstrapSeed)
		res.metric("auroc_low", low, "")
		res.metric("auroc_high", high, "")
	}
	res.metric("auroc_length_stratified", StratifiedAUROC(scores, good, Bins(words, lengthStrata)), "")
	for k, cat := range finding.Categories {
		sub := make([]float64, len(arts))
		for i, a := range arts {
			if k < len(a.Scorecard.Categories) && a.Scorecard.Categories[k].Name == cat {
				sub[i] = float64(a.Scorecard.Categories[k].Score)
			}
		}
		res.metric("auroc."+cat, AUROC(sub, good), "")
	}
	meanGood, meanBad := classMeans(scores, good)
	res.metric("mean_good", meanGood, "")
	res.metric("mean_bad", meanBad, "")
	res.Metrics[len(res.Metrics)-1].Descriptive = true
	res.metric("mean_gap", meanGood-meanBad, "")

	res.RuleQA = QA(c, arts, good)
	res.GroupScores = groupScores(names, scores, good)
	nGood, nBad := classSizes(good)
	how := fmt.Sprintf("the %d articles, drawn within each class", len(arts))
	if grouped {
		distinct := map[string]bool{}
		for _, c := range clusters {
			distinct[c] = true
		}
		how = fmt.Sprintf("the %d groups (an article without a group is one alone), drawn within each class", len(distinct))
	}
	res.Notes = []string{
		fmt.Sprintf("%d articles labelled %q are credible (good), %d with other labels are not (bad); the score of an article is its 0–100 credibility score, higher meaning more credible", nGood, opts.Good, nBad),
		fmt.Sprintf("auroc_low and auroc_high: 95%% percentile bootstrap, %d resamples of %s, seed %d", opts.Bootstrap, how, BootstrapSeed),
		"auroc_length_stratified pairs articles only within the same word-count quintile",
		"per rule: the share of each class's articles it fires on; findings per 1,000 words as the mean of the per-article rates; auroc of the per-article rate and s/o of the shares, both oriented so that above 0.5 points the right way (problem rules to bad, sourcing credits to good)",
		fmt.Sprintf("verdicts: rare below %g%% of both classes; separates at auroc ≥ %.2f or s/o ≥ %.2f; weak at auroc ≥ %.2f or s/o ≥ %.2f; inverted at auroc ≤ %.2f or s/o ≤ %.2f pointing the wrong way; else noise", RareShare*100, SeparatesAUROC, SeparatesSO, WeakAUROC, WeakSO, InvertedAUROC, InvertedSO),
	}
	if unscored > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d articles could not be scored and are left out", unscored))
	}
	res.Notes = append(res.Notes, notes...)
	return res, errs, nil
}

func classMeans(scores []float64, good []bool) (meanGood, meanBad float64) {
	var sum [2]float64
	var n [2]int
	for i, s := range scores {
		k := 1
		if good[i] {
			k = 0
		}
		sum[k] += s
		n[k]++
	}
	if n[0] > 0 {
		meanGood = sum[0] / float64(n[0])
	}
	if n[1] > 0 {
		meanBad = sum[1] / float64(n[1])
	}
	return meanGood, meanBad
}

// QA measures every enabled rule, and any other rule that fired, on the
// articles.
func QA(c *checker.Checker, arts []*report.Article, good []bool) []RuleQA {
	category := map[string]string{}
	for _, r := range c.Policies.Rules {
		if r.Enabled {
			category[r.ID] = r.Category
		}
	}
	// counts[rule][i] is how many findings of the rule article i has.
	counts := map[string][]int{}
	for name := range category {
		counts[name] = make([]int, len(arts))
	}
	for i, a := range arts {
		for _, f := range a.Findings {
			if counts[f.Rule] == nil {
				counts[f.Rule], category[f.Rule] = make([]int, len(arts)), f.Category
			}
			counts[f.Rule][i]++
		}
	}
	nGood, nBad := classSizes(good)
	out := make([]RuleQA, 0, len(counts))
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		q := RuleQA{Name: name, Category: category[name], Points: "bad"}
		credit := q.Category == finding.CreditCategory
		if credit {
			q.Points = "good"
		}
		rates := make([]float64, len(arts))
		var rateGood, rateBad float64
		for i, n := range counts[name] {
			if w := arts[i].Words; w > 0 {
				rates[i] = float64(n) / float64(w) * 1000
			}
			fired := 0
			if n > 0 {
				fired = 1
			}
			if good[i] {
				rateGood += rates[i]
				q.FiredGood += fired
			} else {
				rateBad += rates[i]
				q.FiredBad += fired
			}
		}
		shareGood, shareBad := ratio(q.FiredGood, nGood), ratio(q.FiredBad, nBad)
		q.ShareGood, q.ShareBad = round4(shareGood), round4(shareBad)
		q.RateGood, q.RateBad = round4(meanOf(rateGood, nGood)), round4(meanOf(rateBad, nBad))
		// Credible articles should rank higher: by the rate of a credit
		// rule, by the negated rate of a problem rule.
		oriented, so := rates, SORatio(shareGood, shareBad)
		if !credit {
			oriented = make([]float64, len(rates))
			for i, r := range rates {
				oriented[i] = -r
			}
			so = SORatio(shareBad, shareGood)
		}
		auroc := AUROC(oriented, good)
		q.AUROC, q.SO = round4(auroc), round4(so)
		q.Verdict = RuleVerdict(shareGood, shareBad, auroc, so)
		out = append(out, q)
	}
	return out
}

func meanOf(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// groupScores gives the mean score of each named group: credible groups
// first, then not credible, then mixed, each best first.
func groupScores(names []string, scores []float64, good []bool) []GroupScore {
	type acc struct {
		sum      float64
		n, nGood int
	}
	by := map[string]*acc{}
	for i, name := range names {
		if name == "" {
			continue
		}
		g := by[name]
		if g == nil {
			g = &acc{}
			by[name] = g
		}
		g.sum += scores[i]
		g.n++
		if good[i] {
			g.nGood++
		}
	}
	out := make([]GroupScore, 0, len(by))
	for name, g := range by {
		class := "mixed"
		switch g.nGood {
		case g.n:
			class = "good"
		case 0:
			class = "bad"
		}
		out = append(out, GroupScore{Name: name, Class: class, Articles: g.n, MeanScore: round4(g.sum / float64(g.n))})
	}
	rank := map[string]int{"good": 0, "bad": 1, "mixed": 2}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Class != b.Class {
			return rank[a.Class] < rank[b.Class]
		}
		if a.MeanScore != b.MeanScore {
			return a.MeanScore > b.MeanScore
		}
		return a.Name < b.Name
	})
	return out
}

// classSizes counts the good and the bad articles.
func classSizes(good []bool) (nGood, nBad int) {
	for _, g := range good {
		if g {
			nGood++
		} else {
			nBad++
		}
	}
	return nGood, nBad
}
