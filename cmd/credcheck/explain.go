package main

import (
	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/report"
)

func newExplainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Describe a rule: what it finds, why, examples, tests and settings",
		Long: `Describe a rule: what it finds and why it matters, its references, the
examples from its METADATA checked as articles (so you see what the rule
says about them), its Rego tests, and its configuration keys with their
defaults and current values.`,
		Example: `  credcheck explain hearsay-hedge
  credcheck explain --policy house-rules/ sources-say-headline
  credcheck explain --format json vague-source`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := settings(cmd)
			if err != nil {
				return err
			}
			c, err := checker.New(cmd.Context(), cfg, checker.WithPolicyTests())
			if err != nil {
				return err
			}
			e, err := c.Explain(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			format, _ := cmd.Flags().GetString("format")
			return report.WriteExplanation(cmd.OutOrStdout(), format, e)
		},
	}
	cmd.Flags().StringP("format", "f", "text", "output format: text or json")
	return cmd
}
