package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/changes"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/suppress"
	"github.com/credcheck/credcheck/engine/watch"
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

Formats: text, json, sarif, junit, github, markdown. --format may be given
several times; the Nth --output names the file the Nth format is written to,
and a format without one (or with "-") goes to standard output.

Findings switched off by a comment in the article, an ignore entry of the
configuration or the --baseline file are suppressed: they stay in the json
and sarif reports, marked so, but cost no points and fail no run.

Exit codes: 0 when no finding reaches --fail-level and no article scores below
--fail-under; 1 when one does; 2 on a usage error or when an input could not be
checked (the other inputs are still checked and reported).`,
		Example: `  credcheck check fixtures/
  credcheck check --format json --fail-level warning articles/
  credcheck check --format sarif --output credcheck.sarif --format text articles/
  credcheck check --write-baseline .credcheck-baseline.json articles/
  credcheck check --baseline .credcheck-baseline.json --changed-since origin/main articles/
  credcheck check --watch --policy house-rules/ articles/
  cat story.md | credcheck check -`,
		RunE: runCheck,
	}
	f := cmd.Flags()
	f.StringArrayP("format", "f", []string{"text"}, "output format: text, json, sarif, junit, github or markdown (repeatable)")
	f.StringArrayP("output", "o", nil, "file for the format given in the same position (repeatable; - for standard output)")
	f.String("fail-level", "error", "lowest severity that fails the run: error, warning, info or none")
	f.Float64("fail-under", 0, "fail when an article scores below this (0 turns it off)")
	f.String("baseline", "", "file of known findings: only findings not in it fail the run")
	f.String("write-baseline", "", "write the findings of this run to a baseline file")
	f.String("changed-since", "", "check only articles changed since this git revision (committed, staged, modified or new)")
	f.Int("workers", 0, "articles checked at once (default: one per CPU)")
	budgetFlags(f)
	f.String("stdin-format", "", "format of standard input: text, markdown or jsonl (default: detect)")
	f.String("stdin-name", "-", "path reported for standard input")
	f.String("language", "auto", "auto: leave articles not in English unscored, with a notice; en: take every article as English")
	f.Bool("scorecard", true, "print a scorecard per article (text format)")
	f.String("color", "auto", "colour the text format: auto, always or never")
	f.Bool("watch", false, "check again whenever an article, a policy, the configuration or the baseline changes, until Ctrl-C")
	// Tests poll quickly so that they wait little; nobody else needs to.
	f.Duration("watch-interval", watch.DefaultInterval, "how often --watch looks for changes")
	_ = f.MarkHidden("watch-interval")
	return cmd
}

// destination is where one format goes: a file, or standard output ("").
type destination struct{ format, path string }

// destinations pairs each format with the output in the same position.
func destinations(formats, outputs []string) ([]destination, error) {
	if len(outputs) > len(formats) {
		return nil, fmt.Errorf("%d --output values for %d --format values: each output goes with the format in the same position", len(outputs), len(formats))
	}
	var out []destination
	stdout, files := "", map[string]bool{}
	for i, format := range formats {
		if err := report.CheckFormat(format); err != nil {
			return nil, err
		}
		d := destination{format: format}
		if i < len(outputs) && outputs[i] != "-" {
			d.path = outputs[i]
		}
		if d.path == "" {
			if stdout != "" {
				return nil, fmt.Errorf("formats %s and %s both write to standard output; give one of them an --output file", stdout, format)
			}
			stdout = format
		} else {
			clean := filepath.Clean(d.path)
			if files[clean] {
				return nil, fmt.Errorf("two formats write to %s", d.path)
			}
			files[clean] = true
		}
		out = append(out, d)
	}
	return out, nil
}

func runCheck(cmd *cobra.Command, args []string) error {
	if watching, _ := cmd.Flags().GetBool("watch"); watching {
		return watchCheck(cmd, args)
	}
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	return checkOnce(cmd.Context(), cmd, args, cfg)
}

// checkOnce checks the articles named by args and writes the reports. It
// takes the settings rather than reading them so that a watch session can
// read them afresh before each run and report a broken file itself.
func checkOnce(ctx context.Context, cmd *cobra.Command, args []string, cfg config.Config) error {
	rank, err := cfg.FailLevelRank()
	if err != nil {
		return err
	}
	paths, err := cfg.PathGates()
	if err != nil {
		return fmt.Errorf("configuration %v", err)
	}
	flags := cmd.Flags()
	stdinFormat, _ := flags.GetString("stdin-format")
	stdinName, _ := flags.GetString("stdin-name")
	scorecards, _ := flags.GetBool("scorecard")
	colorMode, _ := flags.GetString("color")
	writeBaseline, _ := flags.GetString("write-baseline")
	changedSince, _ := flags.GetString("changed-since")
	color, err := useColor(colorMode)
	if err != nil {
		return err
	}
	dests, err := destinations(cfg.Format, cfg.Output)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	inFormat, err := article.ParseFormat(stdinFormat)
	if err != nil {
		return fmt.Errorf("--stdin-format: %v", err)
	}
	opts := article.LoadOptions{Stdin: cmd.InOrStdin(), StdinFormat: inFormat, StdinName: stdinName, Skip: insideAny(cfg.Policies)}
	if changedSince != "" {
		changed, err := changes.Since(repositoryDir(args), changedSince)
		if err != nil {
			return err
		}
		opts.Only = changed.Has
	}
	c, err := checker.New(ctx, cfg)
	if err != nil {
		return err
	}
	// A baseline that --write-baseline is about to create need not exist.
	if cfg.Baseline != "" && !(writeBaseline != "" && sameFile(cfg.Baseline, writeBaseline) && !exists(cfg.Baseline)) {
		if c.Baseline, err = suppress.LoadBaseline(cfg.Baseline); err != nil {
			return err
		}
	}
	if isTerminal(os.Stderr) {
		c.Progress = progress()
	}
	r := c.Run(ctx, args, opts)
	if err := ctx.Err(); err != nil {
		// Only a watch session's context ends (on Ctrl-C or SIGTERM): the
		// user is leaving, and the report of a run cut short is partial.
		return err
	}
	if changedSince != "" && len(r.Articles) == 0 && len(r.Errors) == 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: no articles changed since %s\n", changedSince)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: %s\n", e.Error())
	}
	if writeBaseline != "" {
		if err := c.WriteBaseline(writeBaseline, r); err != nil {
			return err
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: wrote %s\n", writeBaseline)
	}
	gate := report.Gate{FailRank: rank, FailUnder: cfg.FailUnder, Paths: paths}
	ropts := report.Options{Color: color, Scorecards: scorecards, Gate: gate, Version: version, StepSummary: os.Getenv("GITHUB_STEP_SUMMARY")}
	var failed error
	for _, d := range dests {
		if err := writeReport(cmd, d, r, ropts); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: %v\n", err)
			failed = &exitError{code: report.ExitError}
		}
	}
	if failed != nil {
		return failed
	}
	if code := gate.ExitCode(r); code != report.ExitClean {
		return &exitError{code: code}
	}
	return nil
}

// insideAny skips, while walking directories of articles, the user's
// policy directories: their example articles are written to fail.
func insideAny(dirs []string) func(string) bool {
	var abs []string
	for _, d := range dirs {
		if a, err := filepath.Abs(d); err == nil {
			abs = append(abs, a)
		}
	}
	return func(path string) bool {
		p, err := filepath.Abs(path)
		if err != nil {
			return false
		}
		for _, d := range abs {
			if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
}

// repositoryDir is where git is asked about changes: the first path
// checked (its directory, for a file), so that the articles' repository is
// used whatever the working directory.
func repositoryDir(paths []string) string {
	for _, p := range paths {
		if p == article.Stdin {
			continue
		}
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return filepath.Dir(p)
		}
		return p
	}
	return "."
}

func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// writeReport writes one format to its destination.
func writeReport(cmd *cobra.Command, d destination, r *report.Report, opts report.Options) error {
	if d.path == "" {
		return report.Write(cmd.OutOrStdout(), d.format, r, opts)
	}
	opts.Color = false
	if err := os.MkdirAll(filepath.Dir(d.path), 0o755); err != nil {
		return fmt.Errorf("%s output: %v", d.format, err)
	}
	f, err := os.Create(d.path)
	if err != nil {
		return fmt.Errorf("%s output: %v", d.format, err)
	}
	if err := report.Write(f, d.format, r, opts); err != nil {
		f.Close()
		return fmt.Errorf("%s output %s: %v", d.format, d.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s output %s: %v", d.format, d.path, err)
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

// watchCheck checks once, then again whenever one of the check's inputs
// changes, until Ctrl-C or SIGTERM. The session is interactive: a failing
// check, a broken policy or a broken configuration is reported and the
// session goes on, so that the user can fix it and see the result; and it
// ends with status 0, since being stopped is how it is meant to end.
func watchCheck(cmd *cobra.Command, args []string) error {
	if err := checkWatchUsage(cmd, args); err != nil {
		return err
	}
	interval, _ := cmd.Flags().GetDuration("watch-interval")
	if len(args) == 0 {
		args = []string{"."}
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal a second one kills the process at once,
		// should the session take longer to end than the user will wait.
		<-ctx.Done()
		stop()
	}()
	stderr := cmd.ErrOrStderr()
	var (
		w        *watch.Watcher
		watching []string
		// lastGood is the last configuration that could be read: while the
		// file is broken its policy directories and baseline stay watched.
		lastGood config.Config
	)
	for {
		cfg, cfgErr := settings(cmd)
		if cfgErr == nil {
			lastGood = cfg
		}
		roots, keys := watchRoots(cmd, args, lastGood)
		announce := false
		if w == nil || !slices.Equal(keys, watching) {
			// The snapshot is taken before the run, so that an edit made
			// while it runs leads to another run.
			var err error
			if w, err = watch.New(ctx, roots, watch.Options{Interval: interval}); err != nil {
				return nil
			}
			watching, announce = keys, true
		}
		if cfgErr != nil {
			fmt.Fprintf(stderr, "credcheck: %v\n", cfgErr)
		} else if err := checkOnce(ctx, cmd, args, cfg); err != nil && ctx.Err() == nil {
			var exit *exitError
			if !errors.As(err, &exit) {
				fmt.Fprintf(stderr, "credcheck: %v\n", err)
			}
		}
		if ctx.Err() != nil {
			return nil
		}
		if announce {
			fmt.Fprintf(stderr, "credcheck: watching %s; press Ctrl-C to stop\n", plural(len(roots), "path"))
		}
		changes, err := w.Next(ctx)
		if err != nil {
			return nil
		}
		line := fmt.Sprintf("credcheck: %s %s", displayPath(changes[0].Path), changes[0].Kind)
		if len(changes) > 1 {
			line += fmt.Sprintf(" (and %s)", plural(len(changes)-1, "other file"))
		}
		fmt.Fprintln(stderr, line+"; checking again")
	}
}

// checkWatchUsage rejects what --watch cannot do. Flag values are checked
// here too, as no edit made during the session could correct them; the
// configuration file's are checked at each run, as the file can be fixed.
func checkWatchUsage(cmd *cobra.Command, args []string) error {
	flags := cmd.Flags()
	if slices.Contains(args, article.Stdin) {
		return errors.New("--watch cannot watch standard input (-); name the files or directories to check")
	}
	if path, _ := flags.GetString("write-baseline"); path != "" {
		return errors.New("--watch cannot be combined with --write-baseline; write the baseline in a run of its own")
	}
	if interval, _ := flags.GetDuration("watch-interval"); interval <= 0 {
		return fmt.Errorf("--watch-interval must be positive, not %v", interval)
	}
	colorMode, _ := flags.GetString("color")
	if _, err := useColor(colorMode); err != nil {
		return err
	}
	if changed(flags, "format") {
		formats, _ := flags.GetStringArray("format")
		for _, f := range formats {
			if err := report.CheckFormat(f); err != nil {
				return err
			}
		}
	}
	if changed(flags, "fail-level") {
		level, _ := flags.GetString("fail-level")
		if _, err := config.ParseFailLevel(level); err != nil {
			return err
		}
	}
	return nil
}

// watchRoots lists what a watch session watches: the articles, the policy
// directories, the configuration file in use and the baseline. Report files
// written into those directories are left out, or every run would set off
// the next. keys identify the roots and what they leave out, to tell when a
// configuration change calls for another watcher.
func watchRoots(cmd *cobra.Command, args []string, cfg config.Config) (roots []watch.Root, keys []string) {
	reports := map[string]bool{}
	for _, o := range cfg.Output {
		if o != "" && o != "-" {
			if abs, err := filepath.Abs(o); err == nil {
				reports[abs] = true
				keys = append(keys, "report "+abs)
			}
		}
	}
	articles := func(path string) bool {
		return slices.Contains(article.Extensions(), strings.ToLower(filepath.Ext(path))) && !reports[path]
	}
	policies := func(path string) bool {
		name := filepath.Base(path)
		ext := filepath.Ext(name)
		switch {
		case ext == ".rego":
			// Tests are not loaded by check, so editing one changes nothing.
			return !strings.HasSuffix(name, "_test.rego") && !reports[path]
		case ext == ".json" || ext == ".yaml" || ext == ".yml":
			return strings.TrimSuffix(name, ext) == "data" && !reports[path]
		}
		return false
	}
	seen := map[string]bool{}
	add := func(kind, path string, include func(string) bool) {
		key := kind + " " + filepath.Clean(path)
		if path == "" || seen[key] {
			return
		}
		seen[key] = true
		roots = append(roots, watch.Root{Path: path, Include: include})
		keys = append(keys, key)
	}
	for _, a := range args {
		add("articles", a, articles)
	}
	// The --policy and --baseline flags are watched even while the
	// configuration cannot be read and cfg does not hold them.
	flagPolicies, _ := cmd.Flags().GetStringArray("policy")
	for _, dir := range append(slices.Clone(cfg.Policies), flagPolicies...) {
		add("policies", dir, policies)
	}
	configFile, _ := configPath(cmd)
	add("file", configFile, nil)
	flagData, _ := cmd.Flags().GetStringArray("data")
	for _, f := range append(slices.Clone(cfg.Data), flagData...) {
		add("file", f, nil)
	}
	add("file", cfg.Baseline, nil)
	if changed(cmd.Flags(), "baseline") {
		flagBaseline, _ := cmd.Flags().GetString("baseline")
		add("file", flagBaseline, nil)
	}
	slices.Sort(keys)
	return roots, keys
}

// displayPath shortens an absolute path below the working directory to the
// relative path the user typed, most likely.
func displayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
