package calibrate

import (
	"fmt"
	"maps"

	"github.com/credcheck/credcheck/engine/accuracy"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

// Catalog is the rule set a calibration fits: every loaded rule, each one's
// category, and the rules left out of the fit with the reason.
type Catalog struct {
	Rules    []Rule
	Category map[string]string
	// Fitted are the rules the model fits; the others keep the weight
	// Kept says.
	Fitted []Rule
	Kept   map[string]string
}

// Checked calibrates the rules of c on articles it has checked. Rule QA
// comes first, as SpamAssassin does it: a rule that is noise or points the
// wrong way on the labelled articles is not fitted and ends at weight 0,
// so a chance correlation with the others cannot give it points; a rule
// that is rare on them (under 2% of either class) keeps its METADATA
// weight, since a weight fitted on a handful of articles would be chance
// and 0 would switch it off. Articles the checker did not score (not in
// English) are left out.
func Checked(c *checker.Checker, labelled []accuracy.LabelledArticle, opts Options) (*Result, *Catalog, error) {
	var arts []*report.Article
	var gold []bool
	var samples []Sample
	for _, l := range labelled {
		if !l.Article.Scored() {
			continue
		}
		arts, gold = append(arts, l.Article), append(gold, l.Good)
		samples = append(samples, Sample{Features: c.Scoring.Features(l.Article.Findings, l.Article.Words), Good: l.Good, Group: l.Group})
	}
	verdicts := map[string]string{}
	hits := map[string]int{}
	for _, q := range accuracy.QA(c, arts, gold) {
		verdicts[q.Name] = q.Verdict
		hits[q.Name] = q.FiredGood + q.FiredBad
	}
	cat := &Catalog{Category: map[string]string{}, Kept: map[string]string{}}
	prior := map[string]float64{}
	for _, r := range c.Policies.Rules {
		rule := Rule{ID: r.ID, Credit: r.Category == finding.CreditCategory}
		cat.Rules = append(cat.Rules, rule)
		cat.Category[r.ID] = r.Category
		switch v := verdicts[r.ID]; v {
		case "rare":
			cat.Kept[r.ID] = fmt.Sprintf("rare here (fired on %d articles): METADATA weight kept", hits[r.ID])
			prior[r.ID] = r.Weight
		case "noise", "inverted":
			cat.Kept[r.ID] = v + " on these articles: not fitted"
		default:
			cat.Fitted = append(cat.Fitted, rule)
		}
	}
	res, err := Run(samples, cat.Fitted, cat.Category, opts)
	if err != nil {
		return nil, nil, err
	}
	res.Kept = cat.Kept
	maps.Copy(res.Weights, prior)
	return res, cat, nil
}
