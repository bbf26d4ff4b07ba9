package accuracy

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
)

// machinePoints is the machine-style score of an article: the points its
// machine findings would cost at the weights of the rules' METADATA, before
// the category cap. The detector is judged on its own weights, not on the
// ones calibration fitted for credibility, which may switch a style rule
// off because style says little about an outlet's reliability.
func machinePoints(c *checker.Checker, a *report.Article) float64 {
	total := 0.0
	for rule, x := range c.Scoring.Features(a.Findings, a.Words) {
		if r := c.Policies.Rule(rule); r != nil && r.Category == "machine" {
			total += r.Weight * x
		}
	}
	return math.Round(total*100) / 100
}

func isMachine(f *finding.Finding) bool { return f.Category == "machine" }

// runMachine reads texts labelled `machine` (id, text, machine, generator)
// and ranks them by their machine-style score.
func runMachine(ctx context.Context, c *checker.Checker, files []string, opts Options) (*Result, []*article.InputError) {
	recs, errs := readRecords(files, opts.MaxBytes)
	var kept []record
	var gold []bool
	var generators []string
	for _, r := range recs {
		m, ok := r.boolean("machine")
		if !ok {
			errs = append(errs, &article.InputError{Path: r.file, Line: r.line, Reason: `machine records need "machine": true or false`})
			continue
		}
		g, _ := r.text("generator")
		kept, gold, generators = append(kept, r), append(gold, m), append(generators, g)
	}
	results, more, notes := checkRecords(ctx, c, kept)
	errs = append(errs, more...)

	res := &Result{}
	var scores []float64
	var labels []bool
	byGenerator := map[string]*struct {
		scores []float64
		labels []bool
	}{}
	var conf Confusion
	fired, correct := map[string]int{}, map[string]int{}
	positives := 0
	type scored struct {
		i     int
		score float64
	}
	var humans, machines []scored
	for i, a := range results {
		if a == nil {
			continue
		}
		res.Records++
		s := machinePoints(c, a)
		scores, labels = append(scores, s), append(labels, gold[i])
		g := byGenerator[generators[i]]
		if g == nil {
			g = &struct {
				scores []float64
				labels []bool
			}{}
			byGenerator[generators[i]] = g
		}
		g.scores, g.labels = append(g.scores, s), append(g.labels, gold[i])
		conf.Add(s >= opts.Threshold, gold[i])
		if gold[i] {
			positives++
			machines = append(machines, scored{i, s})
		} else {
			humans = append(humans, scored{i, s})
		}
		countRules(a, isMachine, gold[i], fired, correct)
	}
	res.Confusion = &conf
	res.metric("auroc", AUROC(scores, labels), "model-free rules only; Fast-DetectGPT 0.991 / 0.940 and RoBERTa-large 0.851 / 0.933 on XSum GPT-3.5-turbo / davinci")
	names := slices.Sorted(maps.Keys(byGenerator))
	if len(names) > 1 || len(names) == 1 && names[0] != "" {
		for _, name := range names {
			g := byGenerator[name]
			res.metric("auroc."+nameOr(name, "unknown"), AUROC(g.scores, g.labels), "")
		}
	}
	res.metric("accuracy", conf.Accuracy(), "")
	res.metric("precision", conf.Precision(), "")
	res.metric("recall", conf.Recall(), "")
	res.Rules = ruleGroups(fired, correct, positives, correct)

	// The worst mistakes: human texts that score most machine-like, and
	// machine texts that score least.
	sort.SliceStable(humans, func(a, b int) bool { return humans[a].score > humans[b].score })
	sort.SliceStable(machines, func(a, b int) bool { return machines[a].score < machines[b].score })
	for _, h := range humans[:min(opts.Show, len(humans))] {
		// Listed as flagged only when the threshold flags it, as the
		// confusion counts it and as the false negatives are chosen.
		if h.score < opts.Threshold {
			break
		}
		res.FalsePositives = append(res.FalsePositives, machineExample(kept[h.i], results[h.i], h.score))
	}
	for _, m := range machines[:min(opts.Show, len(machines))] {
		if m.score >= opts.Threshold {
			break
		}
		res.FalseNegatives = append(res.FalseNegatives, machineExample(kept[m.i], results[m.i], m.score))
	}
	res.Notes = []string{
		"the score of a text is the points its machine-category findings would cost at the rules' METADATA weights, before the category cap",
		fmt.Sprintf("accuracy, precision and recall call a text machine-generated when its score is %g or more", opts.Threshold),
		"per rule: precision is the share of the texts it fired on that are machine-generated; recall the share of machine-generated texts it fired on",
	}
	res.Notes = append(res.Notes, notes...)
	return res, errs
}

func machineExample(r record, a *report.Article, score float64) Example {
	text, _ := r.text("text")
	return Example{File: r.file, ID: r.id, Line: r.line, Text: clip(text, 200), Cues: cues(a, isMachine), Score: float(score)}
}

func nameOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
