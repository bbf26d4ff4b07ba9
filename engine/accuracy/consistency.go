package accuracy

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/compare"
)

// consistencyReference is where published systems stand on the SummEdits
// news domain (Laban et al. 2023), as balanced accuracy.
const consistencyReference = "SummEdits news: GPT-4 0.833, QAFactEval 0.744, SummaC-Conv 0.619, human 0.900"

// runConsistency reads pairs of an article and a summary labelled
// `consistent` (the SummEdits layout: doc, summary, consistent, optional
// edit_types) and predicts a summary inconsistent when a consistency rule
// finds anything in it. The positive class is "inconsistent".
func runConsistency(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError, error) {
	judge, err := compare.NewJudge(ctx, c.Policies)
	if err != nil {
		return nil, nil, err
	}
	recs, errs := readRecordsWith(files, opts.MaxBytes, "doc", "summary")
	res := &Result{}
	var conf Confusion
	fired, correct := map[string]int{}, map[string]int{}
	editLabels, editFound := map[string]int{}, map[string]int{}
	positives, unlabelled := 0, 0
	for _, r := range recs {
		consistent, ok := r.boolean("consistent")
		if !ok {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `consistency records need "consistent": true or false`})
			continue
		}
		edits, ok := r.strings("edit_types")
		if !ok {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `"edit_types" must be a list of texts`})
			continue
		}
		doc, _ := r.text("doc")
		summary, _ := r.text("summary")
		findings, err := judge.Compare(ctx, doc, summary)
		if err != nil {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: err.Error()})
			continue
		}
		res.Records++
		inconsistent := !consistent
		predicted := len(findings) > 0
		conf.Add(predicted, inconsistent)
		rules := map[string]bool{}
		for _, f := range findings {
			rules[f.Rule] = true
		}
		for rule := range rules {
			fired[rule]++
			if inconsistent {
				correct[rule]++
			}
		}
		if inconsistent {
			positives++
			if len(edits) == 0 {
				unlabelled++
				edits = []string{"unlabelled"}
			}
			for _, e := range edits {
				editLabels[e]++
				if predicted {
					editFound[e]++
				}
			}
		}
		ex := Example{File: r.file, ID: r.id, Line: r.line, Text: clip(summary, 200)}
		switch {
		case predicted && consistent && len(res.FalsePositives) < opts.Show:
			for _, f := range findings {
				ex.Cues = append(ex.Cues, fmt.Sprintf("%s: %s", f.Rule, clip(f.Message, 80)))
			}
			res.FalsePositives = append(res.FalsePositives, ex)
		case !predicted && inconsistent && len(res.FalseNegatives) < opts.Show:
			ex.Cues = []string{"inconsistent (" + strings.Join(edits, ", ") + ")"}
			res.FalseNegatives = append(res.FalseNegatives, ex)
		}
	}
	res.Confusion = &conf
	balanced := (conf.Recall() + ratio(conf.TN, conf.TN+conf.FP)) / 2
	res.metric("balanced_accuracy", balanced, consistencyReference)
	res.metric("precision", conf.Precision(), "")
	res.metric("recall", conf.Recall(), "")
	res.metric("f1", conf.F1(), "")
	res.metric("specificity", ratio(conf.TN, conf.TN+conf.FP), "")
	res.metric("accuracy", conf.Accuracy(), "")
	res.Rules = ruleGroups(fired, correct, positives, correct)
	for _, e := range slices.Sorted(maps.Keys(editLabels)) {
		// An edit type is a kind of label, not a prediction: it has a
		// recall (the share of its summaries flagged) and no precision.
		res.EditTypes = append(res.EditTypes, newGroup(e, 0, 0, editLabels[e], editFound[e]))
	}
	res.Notes = []string{
		`the positive class is "inconsistent": a summary is predicted inconsistent when a consistency rule (data.credcheck.consistency_rules) finds anything in it`,
		"balanced_accuracy is the mean of the recall of inconsistent summaries and of consistent ones (specificity), SummEdits' headline figure",
		"per rule: precision is the share of the summaries it fired on that are inconsistent; recall the share of inconsistent summaries it fired on",
		"per edit type: recall is the share of the inconsistent summaries edited that way that were flagged; a summary edited several ways counts under each",
	}
	if unlabelled > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d inconsistent summaries name no edit type and count as \"unlabelled\"", unlabelled))
	}
	return res, errs, nil
}

// strings reads a list of texts; a missing key reads as an empty list.
func (r record) strings(key string) ([]string, bool) {
	raw, present := r.fields[key]
	if !present || string(raw) == "null" {
		return nil, true
	}
	var out []string
	return out, json.Unmarshal(raw, &out) == nil
}
