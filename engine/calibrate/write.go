package calibrate

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Provenance says where a calibration came from, for the data file.
type Provenance struct {
	Corpus  []string
	Good    string
	Date    string
	Command string
	Floor   float64
}

// WriteData writes the calibration as a data file: load it with --data or
// `data:` in the configuration, or put it in place of the built-in
// policies/credcheck/data.yaml. Keys are sorted and numbers rounded, so
// the same calibration gives the same bytes.
func WriteData(w io.Writer, r *Result, p Provenance, rules []Rule, category map[string]string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Scoring data written by `credcheck calibrate`. Review it like code: every\n")
	fmt.Fprintf(&b, "# weight is the points one unit of a rule's feature, log2(1 + findings per\n")
	fmt.Fprintf(&b, "# 1,000 words), costs (problems) or earns (sourcing). A weight of 0 keeps a\n")
	fmt.Fprintf(&b, "# rule's findings in the report but out of the score. docs/scoring.md\n")
	fmt.Fprintf(&b, "# explains the formula; override any number with --data or in\n")
	fmt.Fprintf(&b, "# .credcheck.yaml (rules.<id>.weight, scoring.base, scoring.caps).\n")
	b.WriteString("scoring:\n")
	b.WriteString("  provenance:\n")
	fmt.Fprintf(&b, "    corpus: [%s]\n", quoteAll(p.Corpus))
	fmt.Fprintf(&b, "    articles: %d\n", r.Samples)
	fmt.Fprintf(&b, "    credible: %d\n", r.Good)
	fmt.Fprintf(&b, "    groups: %d\n", r.Groups)
	fmt.Fprintf(&b, "    good_label: %s\n", strconv.Quote(p.Good))
	if p.Date != "" {
		fmt.Fprintf(&b, "    date: %s\n", strconv.Quote(p.Date))
	}
	fmt.Fprintf(&b, "    model: %s\n", strconv.Quote(fmt.Sprintf("logistic regression, L2 penalty %g, weights constrained to point each rule its own way", r.Lambda)))
	cv := fmt.Sprintf("%d folds by group", foldCount(r))
	if foldCount(r) == r.Groups {
		cv = fmt.Sprintf("one group left out at a time (%d folds)", r.Groups)
	}
	fmt.Fprintf(&b, "    cross_validation: %s\n", strconv.Quote(cv))
	fmt.Fprintf(&b, "    cv_auroc: %s\n", num(round4(r.CVAUROC)))
	fmt.Fprintf(&b, "    cv_mean_credible: %s\n", num(round2(r.CVMeanGood)))
	fmt.Fprintf(&b, "    cv_mean_not_credible: %s\n", num(round2(r.CVMeanBad)))
	if p.Command != "" {
		fmt.Fprintf(&b, "    command: %s\n", strconv.Quote(p.Command))
	}
	fmt.Fprintf(&b, "  base: %s\n", num(r.Base))
	fmt.Fprintf(&b, "  floor: %s\n", num(p.Floor))
	b.WriteString("  caps:\n")
	for _, c := range slices.Sorted(maps.Keys(r.Caps)) {
		fmt.Fprintf(&b, "    %s: %s\n", c, num(r.Caps[c]))
	}
	b.WriteString("  # The grades, from the held-out scores: share is the share of credible\n")
	b.WriteString("  # articles in the band (classes weighed equally).\n")
	b.WriteString("  bands:\n")
	for _, band := range r.Bands {
		fmt.Fprintf(&b, "    %s: %s # share %s of %d articles\n", band.Grade, num(band.Min), num(band.Share), band.Articles)
	}
	b.WriteString("  weights:\n")
	ids := make([]string, 0, len(rules))
	for _, rule := range rules {
		ids = append(ids, rule.ID)
	}
	slices.SortFunc(ids, func(x, y string) int {
		if c := strings.Compare(category[x], category[y]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	for _, id := range ids {
		note := category[id]
		if why, ok := r.Kept[id]; ok {
			note += "; " + why
		} else if r.Weights[id] == 0 {
			note += "; fitted to 0: beside the other rules it adds nothing, or points the wrong way"
		}
		fmt.Fprintf(&b, "    %s: %s # %s\n", id, num(r.Weights[id]), note)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func foldCount(r *Result) int { return max(1, r.folds) }

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// num writes a number the shortest way that reads back the same.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }
