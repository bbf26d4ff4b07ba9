package accuracy

import (
	"context"
	"fmt"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/finding"
)

// uncertainty reports whether a finding says its sentence is uncertain: a
// hedge, or an attribution to no one ("experts say", "is seen as").
func uncertainty(f *finding.Finding) bool {
	return f.Category == "hedge" || f.Rule == "vague-source" || f.Rule == "weasel-passive"
}

// runHedge reads sentences labelled `uncertain` (the CoNLL-2010 shared task
// format: id, text, uncertain) and counts a sentence as predicted uncertain
// when it gets a hedge or vague-attribution finding.
func runHedge(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError) {
	recs, errs := readRecords(files, opts.MaxBytes)
	var kept []record
	var gold []bool
	for _, r := range recs {
		u, ok := r.boolean("uncertain")
		if !ok {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `hedge records need "uncertain": true or false`})
			continue
		}
		kept = append(kept, r)
		gold = append(gold, u)
	}
	results, more, notes := checkRecords(ctx, c, kept)
	errs = append(errs, more...)

	res := &Result{}
	var conf Confusion
	fired, correct := map[string]int{}, map[string]int{}
	positives := 0
	for i, a := range results {
		if a == nil {
			continue
		}
		res.Records++
		if gold[i] {
			positives++
		}
		predicted := countRules(a, uncertainty, gold[i], fired, correct) > 0
		conf.Add(predicted, gold[i])
		text, _ := kept[i].text("text")
		ex := Example{File: kept[i].file, ID: kept[i].id, Line: kept[i].line, Text: clip(text, 200)}
		switch {
		case predicted && !gold[i] && len(res.FalsePositives) < opts.Show:
			ex.Cues = cues(a, uncertainty)
			res.FalsePositives = append(res.FalsePositives, ex)
		case !predicted && gold[i] && len(res.FalseNegatives) < opts.Show:
			ex.Cues = []string{"uncertain"}
			res.FalseNegatives = append(res.FalseNegatives, ex)
		}
	}
	res.Confusion = &conf
	res.metric("precision", conf.Precision(), "")
	res.metric("recall", conf.Recall(), "")
	res.metric("f1", conf.F1(), "")
	res.metric("natural_precision", conf.NaturalPrecision(opts.Prevalence), "")
	res.metric("natural_f1", conf.NaturalF1(opts.Prevalence), "CoNLL-2010 Wikipedia: best shared-task system about 0.60, cue-word baseline 0.628, best later result 0.702")
	res.metric("accuracy", conf.Accuracy(), "")
	res.Rules = ruleGroups(fired, correct, positives, correct)
	res.Notes = []string{
		"a sentence is predicted uncertain when it gets a finding of the hedge category, vague-source or weasel-passive",
		fmt.Sprintf("natural_precision and natural_f1 re-weight to a prevalence of %.3f uncertain sentences: P = R·π / (R·π + FPR·(1−π))", opts.Prevalence),
		"per rule: precision is the share of the sentences it fired on that are uncertain; recall the share of uncertain sentences it fired on",
	}
	res.Notes = append(res.Notes, notes...)
	return res, errs
}
