package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/report"
)

func newCheckCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [paths...]",
		Short: "Check articles and score them",
		Long: `Check articles and score them.

Paths may be files (.txt, .md, .jsonl, or anything else read as plain text),
directories (searched recursively for .txt, .text, .md, .markdown, .jsonl and
.ndjson files) or - for standard input. With no paths, the working directory
is checked.

Exit codes: 0 when no finding reaches --fail-level and no article scores below
--fail-under; 1 when one does; 2 on a usage error or when an input could not be
checked (the other inputs are still checked and reported).`,
		Example: `  credcheck check fixtures/
  credcheck check --format json --fail-level warning articles/
  cat story.md | credcheck check -`,
		RunE: runCheck,
	}
	f := cmd.Flags()
	f.StringP("format", "f", "text", "output format: text or json")
	f.String("fail-level", "error", "lowest severity that fails the run: error, warning, info or none")
	f.Float64("fail-under", 0, "fail when an article scores below this (0 turns it off)")
	f.Int("workers", 0, "articles checked at once (default: one per CPU)")
	f.String("stdin-format", "", "format of standard input: text, markdown or jsonl (default: detect)")
	f.String("stdin-name", "-", "path reported for standard input")
	f.Bool("scorecard", true, "print a scorecard per article (text format)")
	f.String("color", "auto", "colour the text format: auto, always or never")
	return cmd
}

func runCheck(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	rank, err := cfg.FailLevelRank()
	if err != nil {
		return err
	}
	stdinFormat, _ := cmd.Flags().GetString("stdin-format")
	stdinName, _ := cmd.Flags().GetString("stdin-name")
	scorecards, _ := cmd.Flags().GetBool("scorecard")
	colorMode, _ := cmd.Flags().GetString("color")
	color, err := useColor(colorMode)
	if err != nil {
		return err
	}
	if err := report.CheckFormat(cfg.Format); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	c, err := checker.New(cmd.Context(), cfg)
	if err != nil {
		return err
	}
	if isTerminal(os.Stderr) {
		c.Progress = progress()
	}
	r := c.Run(cmd.Context(), args, article.LoadOptions{
		Stdin: cmd.InOrStdin(), StdinFormat: article.Format(stdinFormat), StdinName: stdinName,
	})
	for _, e := range r.Errors {
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: %s\n", e.Error())
	}
	gate := report.Gate{FailRank: rank, FailUnder: cfg.FailUnder}
	if err := report.Write(cmd.OutOrStdout(), cfg.Format, r, report.Options{Color: color, Scorecards: scorecards, Gate: gate}); err != nil {
		return err
	}
	if code := gate.ExitCode(r); code != report.ExitClean {
		return &exitError{code: code}
	}
	return nil
}

// progress reports on standard error how far a long run has got, so that a
// run over thousands of articles does not look stuck.
func progress() func(done, total int) {
	return func(done, total int) {
		if total < 200 {
			return
		}
		if done%100 == 0 || done == total {
			fmt.Fprintf(os.Stderr, "\rchecked %d/%d articles", done, total)
			if done == total {
				fmt.Fprint(os.Stderr, "\r\x1b[K")
			}
		}
	}
}

func useColor(mode string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return os.Getenv("NO_COLOR") == "" && isTerminal(os.Stdout), nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, not %q", mode)
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
