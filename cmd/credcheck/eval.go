package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/accuracy"
	"github.com/credcheck/credcheck/engine/checker"
)

func newEvalCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval [--task TASK] FILE...",
		Short: "Measure the policies' accuracy on labelled text",
		Long: `Measure the policies' accuracy on labelled text: precision, recall and F1
per category and per rule, a confusion summary, and the worst false
positives and false negatives with their text. The loaded policies and
configuration are the same as for check.

Tasks:
  spans        articles with expected findings, credcheck's format (docs/eval.md)
  hedge        sentences labelled "uncertain" (CoNLL-2010 format)
  machine      texts labelled "machine" (and "generator"), ranked by machine style
  attribution  articles with annotated attributions (PolNeAR format)
  credibility  articles labelled by outlet reliability ("label", "group"):
               AUROC of the score with a bootstrap interval, per-rule QA
  extraction   directories of web pages with their true article body, in the
               layout of the scrapinghub article-extraction benchmark
               (html/KEY.html.gz, ground-truth.json): precision, recall and
               F1 of the extracted text by the benchmark's own method
  consistency  articles with a summary labelled "consistent" (SummEdits
               layout: doc, summary, consistent, edit_types): balanced
               accuracy, precision and recall of "inconsistent", recall
               per edit type

With --compare, the run exits 1 when a figure fell by more than
--tolerance against a result saved with --format json, so that a policy
repository can gate edits on accuracy.`,
		Example: `  credcheck eval fixtures/testdata/eval/spans.jsonl
  credcheck eval --task hedge hedge-conll2010.jsonl
  credcheck eval --task machine --format json machine-*.jsonl > baseline.json
  credcheck eval --task machine --compare baseline.json machine-*.jsonl
  credcheck eval --task credibility --good reliable credibility-recovery.jsonl
  credcheck eval --task extraction --predictions predictions.json extraction/
  credcheck eval --task consistency contradiction-summedits.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: runEval,
	}
	defaults := accuracy.DefaultOptions()
	f := cmd.Flags()
	f.String("task", "spans", "kind of labelled data: spans, hedge, machine, attribution, credibility, extraction or consistency")
	f.String("predictions", "", "extraction task: write the extracted body of each page to this file, as {key: {\"articleBody\": text}}")
	f.StringP("format", "f", "text", "output format: text or json")
	f.String("compare", "", "saved JSON result to compare with; exit 1 on a regression")
	f.Float64("tolerance", 0.005, "how far a figure may fall before --compare calls it a regression")
	f.Int("show", defaults.Show, "false positives and false negatives to list")
	f.Float64("prevalence", defaults.Prevalence, "hedge task: natural share of uncertain sentences")
	f.Float64("threshold", defaults.Threshold, "machine task: machine-style points that call a text machine-generated")
	f.StringSlice("category", nil, "spans task: categories to evaluate (default: those labelled)")
	f.String("good", defaults.Good, "credibility task: the label of credible articles; every other label is not credible")
	f.Int("bootstrap", defaults.Bootstrap, "credibility task: bootstrap resamples for the AUROC interval (0: none)")
	f.String("language", "auto", "auto: records not in English count as flagging nothing; en: take every record as English")
	addMaxBytesFlag(f)
	budgetFlags(f)
	return cmd
}

func runEval(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	f := cmd.Flags()
	task, _ := f.GetString("task")
	format, _ := f.GetString("format")
	compare, _ := f.GetString("compare")
	tolerance, _ := f.GetFloat64("tolerance")
	opts := accuracy.DefaultOptions()
	opts.Show, _ = f.GetInt("show")
	opts.Prevalence, _ = f.GetFloat64("prevalence")
	opts.Threshold, _ = f.GetFloat64("threshold")
	opts.Categories, _ = f.GetStringSlice("category")
	opts.Good, _ = f.GetString("good")
	opts.Bootstrap, _ = f.GetInt("bootstrap")
	opts.MaxBytes = cfg.MaxBytes
	predictions, _ := f.GetString("predictions")
	if predictions != "" {
		if task != "extraction" {
			return fmt.Errorf("--predictions is for --task extraction only")
		}
		opts.Predictions = map[string]string{}
	}

	if err := accuracy.CheckTask(task); err != nil {
		return err
	}
	if err := accuracy.CheckFormat(format); err != nil {
		return err
	}
	if opts.Bootstrap < 0 {
		return fmt.Errorf("--bootstrap must not be negative, got %d", opts.Bootstrap)
	}
	var baseline *accuracy.Result
	if compare != "" {
		if baseline, err = accuracy.ReadResult(compare); err != nil {
			return err
		}
	}
	// No task reads articles together.
	load := []checker.Option{checker.WithoutStories()}
	if task == "consistency" {
		load = append(load, checker.WithComparisons())
	}
	c, err := checker.New(cmd.Context(), cfg, load...)
	if err != nil {
		return err
	}
	result, problems, err := accuracy.Run(cmd.Context(), c, task, args, opts)
	if err != nil {
		return err
	}
	for _, p := range problems {
		printError(cmd.ErrOrStderr(), p)
	}
	if predictions != "" {
		if err := accuracy.WritePredictions(predictions, opts.Predictions); err != nil {
			return err
		}
	}
	if err := accuracy.Write(cmd.OutOrStdout(), format, result); err != nil {
		return err
	}
	if len(problems) > 0 {
		return &exitError{code: 2}
	}
	if baseline != nil {
		regressions, err := accuracy.Compare(baseline, result, tolerance)
		if err != nil {
			return err
		}
		for _, r := range regressions {
			fmt.Fprintf(cmd.ErrOrStderr(), "regression: %s\n", r)
		}
		if len(regressions) > 0 {
			return &exitError{code: 1}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "no figure fell by more than %g against %s\n", tolerance, compare)
	}
	return nil
}
