package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/changes"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/resultcache"
	"github.com/credcheck/credcheck/engine/safefile"
	"github.com/credcheck/credcheck/engine/safetext"
	"github.com/credcheck/credcheck/engine/story"
	"github.com/credcheck/credcheck/engine/suppress"
	"github.com/credcheck/credcheck/engine/watch"
)

func newCheckCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [paths...]",
		Short: "Check articles and score them",
		Long: `Check articles and score them.

Paths may be files (.txt, .md, .jsonl, .html, .html.gz, or anything else
read as plain text), directories (searched recursively for .txt, .text, .md,
.markdown, .jsonl, .ndjson, .html, .htm and gzip-compressed .html.gz and
.htm.gz files, leaving out what .gitignore files ignore and --exclude globs
match; -v lists what was left out) or - for standard input. With no paths,
the working directory is checked. A path named here is read even if ignored.

Formats: text, json, jsonl (one JSON object per article per line, written
as each is checked, then a summary line), sarif, junit, github, markdown,
gitlab (GitLab Code Quality), html (one self-contained page: each article
marked up with its findings and scorecard) and template (a Go template:
--format template=FILE, or --format template with --template FILE). --format may be given several times; the Nth
--output names the file the Nth format is written to, and a format without one
(or with "-") goes to standard output.

With --story, the articles are also read together as stories and the
story rules' findings reported beside the articles' (credcheck story says
more); the report is then written once every article is checked.

The result of each file is kept in a cache and reused while the file, the
policies and their data, the configuration and the binary are unchanged; a
run whose every file is cached loads no policy. --no-cache (or cache: false)
checks every file afresh; credcheck cache dir says where the cache is, and
credcheck cache clean empties it. Standard input, URLs, JSON Lines records
and --story runs are not cached.

Findings switched off by a comment in the article, an ignore entry of the
configuration or the --baseline file are suppressed: they stay in the json
report (and in sarif with --include-suppressed), marked so, but cost no
points and fail no run.

Exit codes: 0 when no finding reaches --fail-level and no article scores below
--fail-under; 1 when one does; 2 on a usage error or when an input could not be
checked (the other inputs are still checked and reported).`,
		Example: `  credcheck check fixtures/
  credcheck check --format json --fail-level warning articles/
  credcheck check --format sarif --output credcheck.sarif --format text articles/
  credcheck check --format gitlab --output gl-code-quality-report.json articles/
  credcheck check --format template=ci/findings.tmpl articles/
  credcheck check --write-baseline .credcheck-baseline.json articles/
  credcheck check --baseline .credcheck-baseline.json --changed-since origin/main articles/
  credcheck check -v --exclude 'archive/**' articles/
  credcheck check --watch --policy house-rules/ articles/
  credcheck check --no-cache articles/
  credcheck check --story --format json fixtures/testdata/stories/
  cat story.md | credcheck check -
  zcat wire.jsonl.gz | credcheck check --format jsonl - > results.jsonl`,
		RunE: runCheck,
	}
	f := cmd.Flags()
	f.StringArrayP("format", "f", []string{"text"}, "output format: text, json, jsonl, sarif, junit, github, markdown, gitlab, html or template[=FILE] (repeatable)")
	f.String("template", "", "Go template file for the template format (docs/output/template.md)")
	f.StringArrayP("output", "o", nil, "file for the format given in the same position (repeatable; - for standard output)")
	f.String("fail-level", "error", "lowest severity that fails the run: error, warning, info or none")
	f.Float64("fail-under", 0, "fail when an article scores below this (0 turns it off)")
	f.String("baseline", "", "file of known findings: only findings not in it fail the run")
	f.String("write-baseline", "", "write the findings of this run to a baseline file")
	f.String("changed-since", "", "check only articles changed since the merge base of this git revision and HEAD (committed, staged, modified or new)")
	f.Bool("changed-since-tip", false, "with --changed-since: compare with the revision's tip instead of the merge base")
	f.Int("workers", 0, "articles checked at once (default: one per CPU)")
	f.Bool("story", false, "also read the articles together and report the stories they tell (text, json, jsonl, markdown, sarif and html; docs/story.md)")
	addInputFlags(f)
	budgetFlags(f)
	f.String("stdin-format", "", "format of standard input: text, markdown, jsonl or html (default: detect)")
	f.String("stdin-name", "-", "path reported for standard input")
	f.String("language", "auto", "auto: leave articles not in English unscored, with a notice; en: take every article as English")
	f.Bool("scorecard", true, "print a scorecard per article (text format)")
	f.BoolP("quiet", "q", false, "text format: print only the findings that fail the run, and the summary")
	f.Bool("full-sentences", false, "text format: print each finding's whole sentence, wrapped to the terminal, not a window around it")
	f.Bool("include-suppressed", false, "sarif format: keep suppressed findings as results (marked suppressed) rather than leave them out")
	f.Bool("include-credits", false, "sarif format: keep credits (the sourcing category: good practice, not problems) as results rather than leave them out")
	f.Int("markdown-limit", report.DefaultMarkdownLimit, "markdown format: cut the report at this many bytes, with a pointer to the full one (0: no limit)")
	f.String("json-indent", "auto", "json format: auto (indented on a terminal, one line otherwise), always or never")
	f.String("color", "auto", "colour the text format: auto, always or never")
	f.Bool("no-cache", false, "check every article afresh, neither reading nor writing the result cache (setting cache: false)")
	f.String("cache-dir", "", "directory of the result cache (default: credcheck under the user's cache directory; credcheck cache dir prints it)")
	f.Bool("watch", false, "check again whenever an article, a policy, the configuration or the baseline changes, until Ctrl-C")
	// Tests poll quickly so that they wait little; nobody else needs to.
	f.Duration("watch-interval", watch.DefaultInterval, "how often --watch looks for changes")
	_ = f.MarkHidden("watch-interval")
	return cmd
}

// destination is where one format goes: a file, or standard output ("").
type destination struct {
	format, path string
	// template is the template format's parsed template.
	template *report.Template
}

// destinations pairs each format with the output in the same position. A
// template is parsed here, so that a broken one stops the run before any
// article is read.
func destinations(formats, outputs []string, templateFile string) ([]destination, error) {
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
		if name, file := report.SplitFormat(format); name == "template" {
			if file == "" {
				file = templateFile
			}
			if file == "" {
				return nil, fmt.Errorf("the template format needs a template: --format template=FILE or --template FILE")
			}
			t, err := report.ParseTemplate(file)
			if err != nil {
				return nil, err
			}
			d.template = t
		}
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
	// Flags, CREDCHECK_* variables or the configuration file, through cfg.
	// (settings has validated them: markdown-limit is not negative).
	quiet, fullSentences, includeSuppressed, markdownLimit := cfg.Quiet, cfg.FullSentences, cfg.IncludeSuppressed, cfg.MarkdownLimit
	colorMode, _ := flags.GetString("color")
	writeBaseline, _ := flags.GetString("write-baseline")
	changedSince, _ := flags.GetString("changed-since")
	sinceTip, _ := flags.GetBool("changed-since-tip")
	if sinceTip && changedSince == "" {
		return fmt.Errorf("--changed-since-tip needs --changed-since REV")
	}
	color, err := useColor(colorMode)
	if err != nil {
		return err
	}
	dests, err := destinations(cfg.Format, cfg.Output, cfg.Template)
	if err != nil {
		return err
	}
	if cfg.Story {
		if err := storyFormats(dests); err != nil {
			return err
		}
	}
	if _, err := cfg.IndentJSON(false); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	inFormat, err := article.ParseFormat(stdinFormat)
	if err != nil {
		return fmt.Errorf("--stdin-format: %v", err)
	}
	opts, err := loadOptions(cmd, cfg)
	if err != nil {
		return err
	}
	opts.Stdin, opts.StdinFormat, opts.StdinName = cmd.InOrStdin(), inFormat, stdinName
	opts.Skip, opts.SkipReason = insideAny(cfg.Policies), "a policy directory (--policy)"
	if changedSince != "" {
		changed, err := changes.Since(repositoryDir(args), changedSince, changes.Options{Tip: sinceTip})
		if err != nil {
			return err
		}
		opts.Only, opts.OnlyReason = changed.Has, "not changed since "+changedSince
	}
	var load []checker.Option
	if noCache, _ := flags.GetBool("no-cache"); !noCache && cfg.CacheOn() && !cfg.Story {
		// Story mode reads every article's document, which the cache
		// does not keep. No cache directory (no home) is no error.
		if dir, err := cacheDir(cfg); err == nil {
			load = append(load, checker.WithCache(resultcache.Open(dir, 0)))
		}
	}
	if !cfg.Story {
		load = append(load, checker.WithoutStories())
	}
	c, err := checker.New(ctx, cfg, load...)
	if err != nil {
		return err
	}
	for _, d := range dests {
		c.KeepText = c.KeepText || d.format == "html"
	}
	// A baseline that --write-baseline is about to create need not exist.
	if cfg.Baseline != "" && !(writeBaseline != "" && sameFile(cfg.Baseline, writeBaseline) && !exists(cfg.Baseline)) {
		if c.Baseline, err = suppress.LoadBaseline(cfg.Baseline); err != nil {
			return err
		}
	}
	if isTerminal(os.Stderr) {
		c.Progress = progress(os.Stderr)
	}
	var stories *story.Runner
	if cfg.Story {
		if stories, err = story.NewRunner(ctx, c); err != nil {
			return err
		}
	}
	gate := report.Gate{FailRank: rank, FailUnder: cfg.FailUnder, Paths: paths}
	ropts := report.Options{Color: color, Scorecards: scorecards, Gate: gate, Version: toolVersion(), StepSummary: os.Getenv("GITHUB_STEP_SUMMARY"),
		Quiet: quiet, FullSentences: fullSentences, IncludeSuppressed: includeSuppressed, IncludeCredits: cfg.IncludeCredits, MarkdownLimit: markdownLimit}
	var (
		r          *report.Report
		outputErrs []error
	)
	if writeBaseline != "" || stories != nil {
		// Writing a baseline judges the run against it again, and stories
		// are read from every article: every result is kept and the
		// reports written once that is done.
		var (
			results []*report.Article
			docs    []*document.Document
		)
		r = c.StreamDocuments(ctx, args, opts, func(a *report.Article, d *document.Document) {
			results = append(results, a)
			if stories != nil {
				docs = append(docs, d)
			}
		})
		r.Articles = results
		if err := ctx.Err(); err != nil {
			return err
		}
		printErrors(cmd, r, changedSince)
		if writeBaseline != "" {
			if err := c.WriteBaseline(writeBaseline, r); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: wrote %s\n", safetext.Name(writeBaseline))
		}
		if stories != nil {
			// After the baseline, so that each article's own score in
			// the stories is the one the report gives it.
			rep := stories.Judge(ctx, r.Articles, docs)
			r.Stories = rep
			for _, e := range rep.Errors {
				printError(cmd.ErrOrStderr(), e)
			}
			r.Errors = append(r.Errors, rep.Errors...)
		}
		for _, d := range dests {
			if err := writeReport(cmd, cfg, dests, d, r, ropts); err != nil {
				outputErrs = append(outputErrs, err)
			}
		}
	} else {
		head := &report.Report{Notices: slices.Clone(c.Policies.Notices), Rules: c.Policies.Rules}
		r, outputErrs = streamReports(cmd, cfg, dests, head, ropts, func(emit func(*report.Article)) *report.Report {
			return c.Stream(ctx, args, opts, emit)
		})
		if err := ctx.Err(); err != nil {
			// Only a watch session's context ends (on Ctrl-C or SIGTERM): the
			// user is leaving, and the report of a run cut short is partial.
			return err
		}
		printErrors(cmd, r, changedSince)
	}
	for _, err := range outputErrs {
		printError(cmd.ErrOrStderr(), err)
	}
	if len(outputErrs) > 0 {
		return &exitError{code: report.ExitError}
	}
	if code := gate.ExitCode(r); code != report.ExitClean {
		return &exitError{code: code}
	}
	return nil
}

// printErrors names on standard error each input that could not be
// checked, and says so when --changed-since left nothing to check.
func printErrors(cmd *cobra.Command, r *report.Report, changedSince string) {
	if changedSince != "" && r.Summarize().Articles == 0 && len(r.Errors) == 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: no articles changed since %s\n", safetext.Name(changedSince))
	}
	for _, e := range r.Errors {
		printError(cmd.ErrOrStderr(), e)
	}
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

// repositoryDir is where the repository asked about changes is looked
// for: the first path checked (its directory, for a file), so that the
// articles' repository is used whatever the working directory.
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

// writeReport writes one format to its destination, for a run whose
// results are all in hand. A file is replaced only once the whole report
// is written (safefile.Write): a writer that fails leaves the previous
// report as it was, rather than the empty file that creating it first
// would leave.
func writeReport(cmd *cobra.Command, cfg config.Config, dests []destination, d destination, r *report.Report, opts report.Options) error {
	opts = destinationOptions(cmd, cfg, dests, d, opts)
	if d.path == "" {
		if err := report.Write(cmd.OutOrStdout(), d.format, r, opts); err != nil {
			return fmt.Errorf("%s output: %v", d.format, err)
		}
		return nil
	}
	err := safefile.Write(d.path, 0o644, func(w io.Writer) error {
		return report.Write(w, d.format, r, opts)
	})
	if err != nil {
		return fmt.Errorf("%s output %s: %v", d.format, d.path, err)
	}
	return nil
}

// progressFrom is the number of articles from which a run shows its
// progress: fewer take a second or two.
const progressFrom = 100

// progress draws a progress bar on w, a terminal, so that a run over
// thousands of articles does not look stuck. Articles are read as the run
// goes, so the total is those read so far and the bar grows with it; the
// bar is made once it passes progressFrom and cleared when done.
func progress(w io.Writer) func(done, total int) {
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if total < progressFrom {
			return
		}
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription("checking"),
				progressbar.OptionShowCount(),
				progressbar.OptionSetItsString("articles"),
				progressbar.OptionShowIts(),
				progressbar.OptionSetPredictTime(false),
				progressbar.OptionThrottle(100*time.Millisecond),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionFullWidth())
		}
		if int64(total) != bar.GetMax64() {
			bar.ChangeMax(total)
		}
		_ = bar.Set(done)
	}
}

// terminalWidth is the width excerpts are fitted to on standard output:
// COLUMNS when set, else the terminal's width when standard output is one,
// else 0 for the report's default.
func terminalWidth(w io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
			return n
		}
	}
	return 0
}

// fullReportPointer says where the whole report of the run is, for a Markdown
// report that has to be cut short: another file the run writes, or else
// the job's log on GitHub Actions, or else how to get one.
func fullReportPointer(dests []destination, self destination) string {
	for _, d := range dests {
		if d != self && d.path != "" && d.format != "sarif" {
			return fmt.Sprintf("the %s report %s", d.format, d.path)
		}
	}
	server, repo, run := os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_RUN_ID")
	if server != "" && repo != "" && run != "" {
		return fmt.Sprintf("the job log, %s/%s/actions/runs/%s", server, repo, run)
	}
	return "credcheck check --format markdown --markdown-limit 0 --output FILE"
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

// isTerminal reports whether f is a terminal. A character device is not
// enough: /dev/null is one.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
