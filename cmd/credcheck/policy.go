package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safefile"
)

func newPolicyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Test, format, scaffold and bundle Rego policies",
		Long: `Commands for the people who write credcheck's judgement: run the Rego
tests of the built-in and user policies, format policy files as opa fmt does,
scaffold a new rule, and pack everything as an OPA bundle.

User policy directories come from --policy or the policies: setting, as for
check. docs/writing-policies.md walks through adding a rule.`,
	}
	cmd.AddCommand(newPolicyTestCommand(), newPolicyFmtCommand(), newPolicyNewCommand(), newPolicyBundleCommand())
	return cmd
}

func newPolicyTestCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego tests of the built-in and user policies",
		Long: `Run the Rego unit tests (test_* rules in *_test.rego files) of the built-in
policies and of the user policy directories: those given as arguments, or
else those configured. Prints PASS or FAIL for each test with its file and
line (and the line of the expression that failed), and exits 1 when a test
fails. Tests see the policy data without the run configuration, as under
stock opa test.`,
		Example: `  credcheck policy test house-rules/
  credcheck policy test --coverage house-rules/
  credcheck policy test --run sources_say house-rules/`,
		RunE: runPolicyTest,
	}
	f := cmd.Flags()
	f.Bool("coverage", false, "report the share of each policy file's lines the tests run")
	f.String("run", "", "run only tests whose package and name match this regular expression")
	f.BoolP("verbose", "v", false, "print passing tests too")
	f.StringP("format", "f", "text", "output format: text or json")
	return cmd
}

func runPolicyTest(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		cfg.Policies = args
	}
	f := cmd.Flags()
	coverage, _ := f.GetBool("coverage")
	runFilter, _ := f.GetString("run")
	verbose, _ := f.GetBool("verbose")
	format, _ := f.GetString("format")
	if format != "text" && format != "json" {
		return fmt.Errorf("unknown format %q (formats: text, json)", format)
	}
	opts := checker.PolicyOptions(cfg)
	opts.Tests = true
	set, err := policy.Load(cmd.Context(), opts)
	if err != nil {
		return err
	}
	run, err := set.Test(cmd.Context(), policy.TestOptions{Coverage: coverage, Run: runFilter})
	if err != nil {
		return err
	}
	if err := report.WriteTestRun(cmd.OutOrStdout(), format, run, verbose); err != nil {
		return err
	}
	if len(run.Tests) == 0 {
		fmt.Fprintln(cmd.ErrOrStderr(), "credcheck: no tests matched")
		return &exitError{code: 1}
	}
	if run.Passed() < len(run.Tests) {
		return &exitError{code: 1}
	}
	return nil
}

func newPolicyFmtCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Format Rego policy files as opa fmt does",
		Long: `Format Rego policy files (files, or directories searched recursively) as
opa fmt does, rewriting those that change; with no paths, the configured user
policy directories. With --check nothing is written: the files that are not
formatted are listed and the command exits 1, for CI on a policy repository.`,
		Example: `  credcheck policy fmt house-rules/
  credcheck policy fmt --check house-rules/`,
		RunE: runPolicyFmt,
	}
	cmd.Flags().Bool("check", false, "list unformatted files and exit 1 if there are any; write nothing")
	return cmd
}

func runPolicyFmt(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	paths := args
	if len(paths) == 0 {
		paths = cfg.Policies
	}
	if len(paths) == 0 {
		return errors.New("name the policy files or directories to format (or set policies: in .credcheck.yaml)")
	}
	check, _ := cmd.Flags().GetBool("check")
	results, err := policy.FormatFiles(paths)
	unformatted := 0
	for _, r := range results {
		if !r.Changed {
			continue
		}
		unformatted++
		fmt.Fprintln(cmd.OutOrStdout(), r.File)
		if !check {
			// Renamed over the file, which keeps its mode: an editor or
			// a crash mid-write never sees half a policy.
			if werr := safefile.WriteFile(r.File, r.Formatted, 0o644); werr != nil {
				return fmt.Errorf("%s: %v", r.File, werr)
			}
		}
	}
	if err != nil {
		return err
	}
	if check && unformatted > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: %d of %d files are not formatted; run credcheck policy fmt\n", unformatted, len(results))
		return &exitError{code: 1}
	}
	return nil
}

func newPolicyNewCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new CATEGORY/NAME",
		Short: "Scaffold a rule with its test, lexicon and example article",
		Long: `Scaffold a rule in a user policy directory: the rule with its METADATA,
a test file with a case that fires and one that stays quiet, a lexicon the rule
matches, and an example article that makes it fire, in the rule's testdata
directory, which check skips when it walks a directory. The scaffold passes
credcheck policy test and policy fmt --check as written. The directory is
--dir, or else the first configured policy directory.

Categories: attribution, hedge, contradiction, machine, editorial, boilerplate.`,
		Example: `  credcheck policy new hedge/sources-say-headline --dir house-rules`,
		Args:    cobra.ExactArgs(1),
		RunE:    runPolicyNew,
	}
	cmd.Flags().String("dir", "", "user policy directory to write the rule into")
	return cmd
}

func runPolicyNew(cmd *cobra.Command, args []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	dir, _ := cmd.Flags().GetString("dir")
	if dir == "" && len(cfg.Policies) > 0 {
		dir = cfg.Policies[0]
	}
	if dir == "" {
		return errors.New("say where the rule goes with --dir DIR (or set policies: in .credcheck.yaml)")
	}
	made, err := policy.Scaffold(dir, args[0])
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	for _, f := range []string{made.Rule, made.Test, made.Lexicon, made.Example} {
		fmt.Fprintf(out, "created %s\n", f)
	}
	fmt.Fprintf(out, "\nnext:\n  credcheck policy test %s\n  credcheck check --policy %s %s\n", dir, dir, made.Example)
	return nil
}

func newPolicyBundleCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle -o FILE",
		Short: "Pack the built-in and user policies as an OPA bundle",
		Long: `Pack the built-in policies, the user policy directories and data, and
the run configuration as an OPA bundle (a .tar.gz) that a stock OPA server can
serve. Evaluating data.credcheck.main.findings with a document printed by
credcheck parse as input gives the findings check reports.

Beside the bundle goes its OPA capabilities file (FILE without .tar.gz, plus
.capabilities.json): the pure built-ins and those --allow-builtin adds. Check
a bundle against it (opa check or opa build --capabilities) before a server
serves it, so that OPA refuses what check refuses.`,
		Example: `  credcheck policy bundle -o credcheck-bundle.tar.gz
  opa check --capabilities credcheck-bundle.capabilities.json --bundle credcheck-bundle.tar.gz
  opa run --server --bundle credcheck-bundle.tar.gz`,
		Args: cobra.NoArgs,
		RunE: runPolicyBundle,
	}
	cmd.Flags().StringP("output", "o", "", "bundle file to write (required)")
	return cmd
}

func runPolicyBundle(cmd *cobra.Command, _ []string) error {
	cfg, err := settings(cmd)
	if err != nil {
		return err
	}
	out, _ := cmd.Flags().GetString("output")
	if out == "" {
		return errors.New("say where to write the bundle with -o FILE")
	}
	c, err := checker.New(cmd.Context(), cfg, checker.WithComparisons())
	if err != nil {
		return err
	}
	b, err := c.Policies.Bundle()
	if err != nil {
		return err
	}
	caps, err := c.Policies.CapabilitiesJSON()
	if err != nil {
		return err
	}
	if err := safefile.Write(out, 0o644, func(w io.Writer) error { return policy.WriteBundle(w, b) }); err != nil {
		return fmt.Errorf("bundle %s: %v", out, err)
	}
	capsPath := policy.CapabilitiesPath(out)
	if err := safefile.Write(capsPath, 0o644, func(w io.Writer) error { _, err := w.Write(caps); return err }); err != nil {
		return fmt.Errorf("capabilities %s: %v", capsPath, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %d modules, revision %s; capabilities in %s\n", out, len(b.Modules), b.Manifest.Revision, capsPath)
	return nil
}
