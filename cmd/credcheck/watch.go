package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safetext"
	"github.com/credcheck/credcheck/engine/watch"
)

// stopGrace is how long a watch session may take to end after Ctrl-C
// before it is ended from outside the step that holds it up.
const stopGrace = 2 * time.Second

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
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		// After the first signal a second one kills the process at once,
		// and the session ends by itself after a short grace even if some
		// step does not heed the context: the user asked to leave, and
		// every file credcheck writes is renamed into place whole, so
		// leaving mid-write loses nothing.
		<-ctx.Done()
		stop()
		select {
		case <-finished:
		case <-time.After(stopGrace):
			fmt.Fprintln(cmd.ErrOrStderr(), "credcheck: stopped")
			os.Exit(0)
		}
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
			printError(stderr, cfgErr)
		} else if err := checkOnce(ctx, cmd, args, cfg); err != nil && ctx.Err() == nil {
			var exit *exitError
			if !errors.As(err, &exit) {
				printError(stderr, err)
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
		line := fmt.Sprintf("credcheck: %s %s", safetext.Name(article.ShortPath(changes[0].Path)), changes[0].Kind)
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
	if err := checkNumericFlags(cmd); err != nil {
		return err
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
		return watch.PolicyFile(path) && !reports[path]
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
