package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/story"
)

func newStoryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "story [paths…]",
		Short: "Read several articles about one story together",
		Long: `Group the articles into stories (by the names they share and their
dates, or by a "story" key in front matter or a JSON Lines record) and
judge each story with the story rules: figures that disagree across
articles, articles that all rest on one upstream report, a party said to
announce in one article and to stay silent in another, a sole on-record
confirmation, and sentences copied between articles. Each finding names
the articles and lines it rests on; a scorecard says how well the story is
corroborated and which article is its best-sourced telling (docs/story.md).`,
		Example: `  credcheck story fixtures/testdata/stories/one-report/
  credcheck story --format json fixtures/testdata/stories/one-report/
  credcheck story --input fixtures/testdata/stories/one-report/ > story.json`,
		Args: cobra.ArbitraryArgs,
		RunE: runStory,
	}
	cmd.Flags().StringP("format", "f", "text", "output format: "+strings.Join(story.Formats, ", "))
	cmd.Flags().Bool("rules", false, "list the story rules (in --format text, json or markdown) instead of reading articles")
	cmd.Flags().Bool("input", false, "print each story's input document for the story rules (JSON, one per line) instead of judging it")
	cmd.Flags().String("language", "auto", "auto: detect the article's language; en: take it as English")
	addInputFlags(cmd.Flags())
	return cmd
}

func runStory(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	format, _ := cmd.Flags().GetString("format")
	if list, _ := cmd.Flags().GetBool("rules"); list {
		if len(args) > 0 {
			return fmt.Errorf("--rules takes no paths")
		}
		c, err := checker.New(cmd.Context(), cfg)
		if err != nil {
			return err
		}
		return report.WriteRules(cmd.OutOrStdout(), format, c.StoryRules())
	}
	if !slices.Contains(story.Formats, format) {
		return fmt.Errorf("--format: unknown story format %q (formats: %s)", format, strings.Join(story.Formats, ", "))
	}
	c, err := checker.New(cmd.Context(), cfg)
	if err != nil {
		return err
	}
	opts, err := loadOptions(cmd, cfg)
	if err != nil {
		return err
	}
	opts.Stdin = cmd.InOrStdin()
	if len(args) == 0 {
		args = []string{"."}
	}
	if in, _ := cmd.Flags().GetBool("input"); in {
		return printStoryInputs(cmd.OutOrStdout(), cmd, c, args, opts)
	}
	r, err := story.NewRunner(cmd.Context(), c)
	if err != nil {
		return err
	}
	rep := r.Run(cmd.Context(), args, opts)
	if err := story.Write(cmd.OutOrStdout(), format, rep); err != nil {
		return err
	}
	for _, p := range rep.Errors {
		printError(cmd.ErrOrStderr(), p)
	}
	if len(rep.Errors) > 0 {
		return &exitError{code: 2}
	}
	return nil
}

// printStoryInputs prints the story documents the rules would read, one
// JSON document per line.
func printStoryInputs(w io.Writer, cmd *cobra.Command, c *checker.Checker, args []string, opts article.LoadOptions) error {
	inputs, problems := story.Inputs(c, args, opts)
	for _, in := range inputs {
		b, err := in.JSON()
		if err != nil {
			return err
		}
		fmt.Fprintln(w, string(b))
	}
	for _, p := range problems {
		printError(cmd.ErrOrStderr(), p)
	}
	if len(problems) > 0 {
		return &exitError{code: 2}
	}
	return nil
}

// storyFormats refuses, with --story, a format that has no place for
// story findings, rather than write a report that silently lacks them.
func storyFormats(dests []destination) error {
	for _, d := range dests {
		if name, _ := report.SplitFormat(d.format); !slices.Contains(report.StoryFormats, name) {
			return fmt.Errorf("--story: the %s format has no place for story findings (formats with one: %s)", name, strings.Join(report.StoryFormats, ", "))
		}
	}
	return nil
}
