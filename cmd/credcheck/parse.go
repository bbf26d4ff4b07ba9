package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
)

func newParseCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "parse FILE",
		Short: "Print the input document the policies see for an article",
		Long: `Print the input document the policies see for an article, as JSON
(documented in docs/input.md). Save it to run the policies with stock OPA:

  credcheck parse story.md > input.json
  opa eval -d policies/ -i input.json data.credcheck.main.findings

A JSON Lines file prints one document per record, one per line. A web page
(.html, .htm, .html.gz) prints the text extracted from it as
article.extracted_text, which every position in the document points into,
with the page's metadata and body links beside it.`,
		Example: `  credcheck parse fixtures/hedged-scoop.txt`,
		Args:    cobra.ExactArgs(1),
		RunE:    runParse,
	}
	cmd.Flags().String("stdin-format", "", "format of standard input: text, markdown, jsonl or html (default: detect)")
	cmd.Flags().String("language", "auto", "auto: detect the article's language; en: take it as English")
	addInputFlags(cmd.Flags())
	return cmd
}

func runParse(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	// A document needs no rule, least of all a story rule.
	c, err := checker.New(cmd.Context(), cfg, checker.WithoutStories())
	if err != nil {
		return err
	}
	stdinFormat, _ := cmd.Flags().GetString("stdin-format")
	inFormat, err := article.ParseFormat(stdinFormat)
	if err != nil {
		return fmt.Errorf("--stdin-format: %v", err)
	}
	opts, err := loadOptions(cmd, cfg)
	if err != nil {
		return err
	}
	opts.Stdin, opts.StdinFormat = cmd.InOrStdin(), inFormat
	docs, problems := c.Parse(args, opts)
	for _, d := range docs {
		if err := d.WriteJSON(cmd.OutOrStdout(), len(docs) == 1); err != nil {
			return err
		}
	}
	for _, p := range problems {
		printError(cmd.ErrOrStderr(), p)
	}
	if len(problems) > 0 {
		return &exitError{code: 2}
	}
	return nil
}
