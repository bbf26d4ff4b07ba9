package main

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/accuracy"
	"github.com/credcheck/credcheck/engine/calibrate"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/safefile"
)

func newCalibrateCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "calibrate --good LABEL FILE.jsonl... -o weights.yaml",
		Short: "Fit the rules' scoring weights on labelled articles",
		Long: `Fit each rule's scoring weight on articles labelled credible or not
(JSON Lines: text, optional title, label, optional group naming the
outlet), as SpamAssassin fits rule scores on labelled mail.

The model is a logistic regression over each rule's feature (log2 of 1 +
its findings per 1,000 words), L2-penalised, with every weight held to
point its rule's way (problems lower the score, sourcing credits raise
it; a rule that would point the wrong way ends at weight 0). The penalty
is chosen by cross-validation that keeps each group (outlet) in one fold,
so the reported AUROC is measured on outlets the fit never saw.

The output is a data file with the weights, the base score, category caps,
grade bands and the provenance of the fit. Use it with --data FILE (or
data: in .credcheck.yaml), or review it and put it in place of the
built-in policies/credcheck/data.yaml.`,
		Example: `  credcheck calibrate --good reliable labelled.jsonl -o weights.yaml
  credcheck check --data weights.yaml articles/
  credcheck eval --task credibility --data weights.yaml held-out.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: runCalibrate,
	}
	defaults := calibrate.DefaultOptions()
	f := cmd.Flags()
	f.String("good", "reliable", "the label of credible articles; every other label is not credible")
	f.StringP("output", "o", "", "file to write the data to (default: standard output)")
	f.Int("folds", defaults.Folds, "cross-validation folds by group; 0 leaves one group out at a time")
	f.Float64("scale", defaults.Scale, "score points per unit of log-odds")
	f.Float64Slice("lambda", defaults.Lambdas, "L2 penalties to try; the best cross-validated one is kept")
	f.String("date", "", "date recorded in the provenance (default: today, UTC)")
	addMaxBytesFlag(f)
	budgetFlags(f)
	return cmd
}

func runCalibrate(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	f := cmd.Flags()
	good, _ := f.GetString("good")
	output, _ := f.GetString("output")
	date, _ := f.GetString("date")
	opts := calibrate.DefaultOptions()
	opts.Folds, _ = f.GetInt("folds")
	opts.Scale, _ = f.GetFloat64("scale")
	opts.Lambdas, _ = f.GetFloat64Slice("lambda")
	if opts.Folds < 0 || opts.Folds == 1 {
		return fmt.Errorf("--folds must be 0 (one group out at a time) or at least 2, got %d", opts.Folds)
	}
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02")
	}
	c, err := checker.New(cmd.Context(), cfg, checker.WithoutStories())
	if err != nil {
		return err
	}
	labelled, problems, _, err := accuracy.Labelled(cmd.Context(), c, args, good, cfg.MaxBytes)
	if err != nil {
		return err
	}
	for _, p := range problems {
		printError(cmd.ErrOrStderr(), p)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "calibrating %d rules on %d articles…\n", len(c.Policies.Rules), len(labelled))
	res, catalog, err := calibrate.Checked(c, labelled, opts)
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(catalog.Kept)) {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s\n", id, catalog.Kept[id])
	}
	corpus := make([]string, len(args))
	for i, a := range args {
		corpus[i] = filepath.Base(a)
	}
	var buf bytes.Buffer
	prov := calibrate.Provenance{Corpus: corpus, Good: good, Date: date, Floor: c.Scoring.Floor,
		Command: "credcheck calibrate --good " + good + " " + strings.Join(corpus, " ")}
	if err := calibrate.WriteData(&buf, res, prov, catalog.Rules, catalog.Category); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "cross-validated AUROC %.3f (penalty %g, %d groups); mean held-out score %.1f credible, %.1f not\n",
		res.CVAUROC, res.Lambda, res.Groups, res.CVMeanGood, res.CVMeanBad)
	if output == "" {
		_, err = cmd.OutOrStdout().Write(buf.Bytes())
	} else {
		err = safefile.WriteFile(output, buf.Bytes(), 0o644)
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &exitError{code: 2}
	}
	return nil
}
