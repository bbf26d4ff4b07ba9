package main

import (
	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/report"
)

func newRulesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the loaded rules",
		Long: `List every loaded rule: built-in ones and those of user policy
directories, with their category, default severity and weight, whether
configuration leaves them enabled, and where they come from. The story
rules, which judge several articles read together (credcheck story,
check --story), follow the article rules; they have no weight, since story
findings are not scored.`,
		Example: `  credcheck rules
  credcheck rules --policy house-rules/ --format json
  credcheck rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := settings(cmd)
			if err != nil {
				return err
			}
			// The story rules are listed from their METADATA.
			c, err := checker.New(cmd.Context(), cfg, checker.WithoutStories())
			if err != nil {
				return err
			}
			format, _ := cmd.Flags().GetString("format")
			return report.WriteRules(cmd.OutOrStdout(), format, c.Catalog())
		},
	}
	cmd.Flags().StringP("format", "f", "text", "output format: text, json or markdown")
	return cmd
}
