package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/compare"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/safefile"
)

func newCompareCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "compare ARTICLE [SUMMARY]",
		Short: "Check a summary, headline or post against the article it reports on",
		Long: `Check a summary, headline or social post against the article it reports
on: figures, names and negations the article does not support, words
swapped for their opposites, one weekday or colour swapped for another.
The consistency rules (docs/compare.md) judge what the engine lines up.

ARTICLE is a file in any format check reads, or a URL; SUMMARY is a plain
text file, "-" for standard input, or given with --summary. Exits 0 when
nothing contradicts the article, 1 when a rule found something, 2 when an
input cannot be read.`,
		Example: `  credcheck compare article.md summary.txt
  credcheck compare article.md --summary "Council votes to keep the library open"
  echo "Shares fell 3% on Friday" | credcheck compare article.md -`,
		Args: cobra.RangeArgs(1, 2),
		RunE: runCompare,
	}
	f := cmd.Flags()
	f.String("summary", "", "the summary as text, instead of a SUMMARY file")
	f.StringP("format", "f", "text", "output format: text or json")
	f.Bool("input", false, "print the comparison document the rules read, as JSON, instead of judging it")
	addInputFlags(f)
	return cmd
}

func runCompare(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	f := cmd.Flags()
	format, _ := f.GetString("format")
	if format != "text" && format != "json" {
		return fmt.Errorf("unknown format %q (formats: %s)", format, strings.Join(compare.Formats, ", "))
	}
	text, _ := f.GetString("summary")
	showInput, _ := f.GetBool("input")
	name := "summary"
	switch {
	case len(args) == 2 && f.Changed("summary"):
		return fmt.Errorf("give the summary as a SUMMARY file or with --summary, not both")
	case len(args) == 1 && !f.Changed("summary"):
		return fmt.Errorf("no summary: give a SUMMARY file, - for standard input, or --summary TEXT")
	case len(args) == 2:
		name = args[1]
		var data []byte
		if name == "-" {
			data, err = safefile.ReadAll(cmd.InOrStdin(), name, cfg.MaxBytes)
		} else {
			data, err = safefile.ReadFile(name, cfg.MaxBytes)
		}
		if err != nil {
			printError(cmd.ErrOrStderr(), &article.InputError{Path: name, Reason: safefile.Reason(err)})
			return &exitError{code: 2}
		}
		text = string(data)
	}
	opts, err := loadOptions(cmd, cfg)
	if err != nil {
		return err
	}
	c, err := checker.New(cmd.Context(), cfg, checker.WithComparisons())
	if err != nil {
		return err
	}
	judge, err := compare.NewJudge(cmd.Context(), c.Policies)
	if err != nil {
		return err
	}
	docs, problems := c.Parse(args[:1], opts)
	if len(problems) == 0 && len(docs) != 1 {
		problems = append(problems, &article.InputError{Path: args[0], Reason: fmt.Sprintf("holds %d articles; compare takes one", len(docs))})
	}
	summary, err := document.Build(&article.Article{ID: "summary", Path: name, Format: article.Text, Source: text}, c.Policies.Lexicons)
	if err != nil {
		problems = append(problems, &article.InputError{Path: name, Reason: err.Error()})
	}
	if len(problems) > 0 {
		for _, p := range problems {
			printError(cmd.ErrOrStderr(), p)
		}
		return &exitError{code: 2}
	}
	if showInput {
		data, err := compare.MarshalInput(judge.Input(docs[0], summary))
		if err != nil {
			return err
		}
		fmt.Fprintln(cmd.OutOrStdout(), string(data))
		return nil
	}
	findings, err := judge.CompareDocuments(cmd.Context(), docs[0], summary)
	if err != nil {
		return err
	}
	r := &compare.Report{Version: compare.ReportVersion, Article: args[0], Summary: name, Consistent: len(findings) == 0, Findings: findings}
	if err := compare.Write(cmd.OutOrStdout(), format, r); err != nil {
		return err
	}
	if !r.Consistent {
		return &exitError{code: 1}
	}
	return nil
}
