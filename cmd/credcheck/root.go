package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safefile"
)

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "credcheck",
		Short: "Check news articles for credibility problems",
		Long: `credcheck checks news articles for credibility problems: claims with no
source, hearsay hedges, contradictions, machine-styled copy, loaded words and
scraper residue. Rules are Rego policies; add your own with --policy DIR.

Configuration is read from .credcheck.yaml (found by walking up from the
working directory), CREDCHECK_* environment variables and flags; flags win.`,
		Version:       toolVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("credcheck {{.Version}}\n")
	root.PersistentFlags().String("config", "", "configuration file (default: .credcheck.yaml in this or a parent directory)")
	root.PersistentFlags().StringArray("policy", nil, "user policy directory to load beside the built-in rules (repeatable)")
	root.PersistentFlags().StringArray("data", nil, "data file that changes lexicons or rule parameters (repeatable)")
	root.PersistentFlags().StringArray("allow-builtin", nil, "let policies call this OPA built-in, such as http.send, beyond the pure ones (repeatable)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return fmt.Errorf("%v\nRun '%s --help' for usage", err, cmd.CommandPath())
	})
	root.AddCommand(newCheckCommand(), newParseCommand(), newRulesCommand(), newExplainCommand(), newEvalCommand(),
		newCalibrateCommand(), newPolicyCommand(), newVersionCommand(), newStoryCommand(), newServeCommand(), newCompareCommand(), newCacheCommand())
	return root
}

// budgetFlags adds the limits on what evaluating one article may cost, for
// the commands that check articles.
func budgetFlags(f *pflag.FlagSet) {
	f.Duration("timeout", checker.DefaultTimeout, "time the policies may take on one article before it is reported as an error")
	f.Int("max-findings", checker.DefaultMaxFindings, "findings one rule may report on one article; more are dropped with a notice")
}

// settings merges configuration file, environment and flags (flags win) and
// resolves policy directories written in the file against its directory.
func settings(cmd *cobra.Command) (config.Config, error) {
	var cfg config.Config
	v := viper.New()
	v.SetEnvPrefix("CREDCHECK")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for _, key := range []string{"policies", "data", "fail-level", "fail-under", "format", "output", "template", "quiet", "full-sentences", "include-suppressed", "include-credits", "markdown-limit", "json-indent", "story", "workers", "baseline", "language", "max-bytes", "follow-symlinks", "offline", "exclude", "allow-builtins", "timeout", "max-findings", "cache", "cache-dir"} {
		if err := v.BindEnv(key); err != nil {
			return cfg, err
		}
	}
	v.SetDefault("fail-level", "error")
	v.SetDefault("format", []string{"text"})

	path, named := configPath(cmd)
	if named {
		if _, err := os.Stat(path); err != nil {
			return cfg, fmt.Errorf("configuration file %s: %w", path, errors.Unwrap(err))
		}
	}
	var data []byte
	if path != "" {
		// Read once, bounded and only if a regular file, and handed to
		// viper as bytes: viper would open a FIFO and read a device to
		// its end.
		var err error
		data, err = config.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("configuration file %s: %s", path, safefile.Reason(err))
		}
		if err := config.CheckData(path, data); err != nil {
			return cfg, err
		}
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return cfg, fmt.Errorf("configuration file %s: %w", path, err)
		}
	}
	if err := checkNumericEnv(cmd); err != nil {
		return cfg, err
	}
	bind := map[string]string{"policy": "policies", "data": "data", "fail-level": "fail-level", "fail-under": "fail-under", "format": "format", "output": "output", "template": "template", "quiet": "quiet", "full-sentences": "full-sentences", "include-suppressed": "include-suppressed", "include-credits": "include-credits", "markdown-limit": "markdown-limit", "json-indent": "json-indent", "story": "story", "workers": "workers", "baseline": "baseline", "language": "language", "max-bytes": "max-bytes", "follow-symlinks": "follow-symlinks", "offline": "offline", "exclude": "exclude", "allow-builtin": "allow-builtins", "timeout": "timeout", "max-findings": "max-findings", "cache-dir": "cache-dir"}
	for flag, key := range bind {
		if f := cmd.Flags().Lookup(flag); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return cfg, err
			}
		}
	}
	if err := v.Unmarshal(&cfg); err != nil {
		if path != "" {
			return cfg, fmt.Errorf("configuration (%s, CREDCHECK_* variables or flags): %w", path, err)
		}
		return cfg, fmt.Errorf("configuration (CREDCHECK_* variables or flags): %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, settingError(cmd, path, err)
	}
	if path != "" {
		cfg.Dir = config.DirOf(path)
		cfg.Positions = config.Locate(path, data)
	}
	if cfg.MaxBytes < 0 {
		return cfg, fmt.Errorf("max-bytes must not be negative, got %d", cfg.MaxBytes)
	}
	if err := pairFormatsAndOutputs(cmd, &cfg); err != nil {
		return cfg, err
	}
	// Paths written in the file are relative to it; paths from flags and
	// the environment to the working directory.
	if path != "" && !changed(cmd.Flags(), "policy") && os.Getenv("CREDCHECK_POLICIES") == "" {
		cfg.Policies = config.ResolvePaths(cfg.Policies, cfg.Dir)
	}
	if path != "" && !changed(cmd.Flags(), "data") && os.Getenv("CREDCHECK_DATA") == "" {
		cfg.Data = config.ResolvePaths(cfg.Data, cfg.Dir)
	}
	if path != "" && !changed(cmd.Flags(), "exclude") && os.Getenv("CREDCHECK_EXCLUDE") == "" {
		cfg.ExcludeDir = cfg.Dir
	}
	if path != "" && cfg.Baseline != "" && !changed(cmd.Flags(), "baseline") && os.Getenv("CREDCHECK_BASELINE") == "" {
		cfg.Baseline = config.ResolvePaths([]string{cfg.Baseline}, cfg.Dir)[0]
	}
	if path != "" && len(cfg.Output) > 0 && !changed(cmd.Flags(), "output") && !changed(cmd.Flags(), "format") &&
		os.Getenv("CREDCHECK_OUTPUT") == "" && os.Getenv("CREDCHECK_FORMAT") == "" {
		for i, o := range cfg.Output {
			if o != "-" && o != "" {
				cfg.Output[i] = config.ResolvePaths([]string{o}, cfg.Dir)[0]
			}
		}
	}
	if path != "" && !changed(cmd.Flags(), "format") && os.Getenv("CREDCHECK_FORMAT") == "" {
		for i, f := range cfg.Format {
			if name, file := report.SplitFormat(f); file != "" {
				cfg.Format[i] = name + "=" + config.ResolvePaths([]string{file}, cfg.Dir)[0]
			}
		}
	}
	if path != "" && cfg.CacheDir != "" && !changed(cmd.Flags(), "cache-dir") && os.Getenv("CREDCHECK_CACHE_DIR") == "" {
		cfg.CacheDir = config.ResolvePaths([]string{cfg.CacheDir}, cfg.Dir)[0]
	}
	if path != "" && cfg.Template != "" && !changed(cmd.Flags(), "template") && os.Getenv("CREDCHECK_TEMPLATE") == "" {
		cfg.Template = config.ResolvePaths([]string{cfg.Template}, cfg.Dir)[0]
	}
	return cfg, nil
}

// pairFormatsAndOutputs takes formats and outputs from one place: the Nth
// output belongs to the Nth format, so a format given on the command line
// must not be paired with outputs from the configuration file, nor the
// other way round. Flags come first, then the environment, then the file.
func pairFormatsAndOutputs(cmd *cobra.Command, cfg *config.Config) error {
	flags := cmd.Flags()
	f, o := flags.Lookup("format"), flags.Lookup("output")
	if f == nil || o == nil || f.Value.Type() != "stringArray" || o.Value.Type() != "stringArray" {
		return nil // a command without report outputs (policy bundle's -o is a file)
	}
	if changed(flags, "format") || changed(flags, "output") {
		formats, err := flags.GetStringArray("format")
		if err != nil {
			return err
		}
		outputs, err := flags.GetStringArray("output")
		if err != nil {
			return err
		}
		cfg.Format, cfg.Output = formats, outputs
		return nil
	}
	envFormat, envOutput := os.Getenv("CREDCHECK_FORMAT"), os.Getenv("CREDCHECK_OUTPUT")
	if envFormat != "" || envOutput != "" {
		cfg.Format, cfg.Output = []string{"text"}, nil
		if envFormat != "" {
			cfg.Format = strings.Split(envFormat, ",")
		}
		if envOutput != "" {
			cfg.Output = strings.Split(envOutput, ",")
		}
	}
	return nil
}

func changed(fs *pflag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Changed
}

// configPath is the configuration file in use (config.InUse, with the
// --config flag).
func configPath(cmd *cobra.Command) (path string, named bool) {
	flag, _ := cmd.Flags().GetString("config")
	return config.InUse(flag)
}

// numericEnv are the numeric settings the environment can set, with their
// parsers; a value viper could not decode would otherwise be reported in
// several lines that do not name the variable.
var numericEnv = map[string]func(string) error{
	"fail-under": func(s string) error { _, err := config.ParseFailUnder(s); return err },
	"workers":    func(s string) error { _, err := config.ParseWorkers(s); return err },
}

// envName is the environment variable of a setting.
func envName(key string) string {
	return "CREDCHECK_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

// checkNumericEnv checks the numeric variables that are in effect (no flag
// overrides them), naming the variable.
func checkNumericEnv(cmd *cobra.Command) error {
	for _, key := range slices.Sorted(maps.Keys(numericEnv)) {
		value, set := os.LookupEnv(envName(key))
		if !set || value == "" || changed(cmd.Flags(), key) {
			continue
		}
		if err := numericEnv[key](value); err != nil {
			return fmt.Errorf("%s %v", envName(key), err)
		}
	}
	return nil
}

// checkNumericFlags checks the numeric flags given on the command line.
func checkNumericFlags(cmd *cobra.Command) error {
	for _, key := range slices.Sorted(maps.Keys(numericEnv)) {
		if f := cmd.Flags().Lookup(key); f != nil && f.Changed {
			if err := numericEnv[key](f.Value.String()); err != nil {
				return fmt.Errorf("--%s %v", key, err)
			}
		}
	}
	return nil
}

// settingError names where a setting that cannot be used came from: its
// flag, else its environment variable, else the configuration file (whose
// numbers CheckFile has located already, so that is the API's case).
func settingError(cmd *cobra.Command, path string, err error) error {
	var se *config.SettingError
	if !errors.As(err, &se) {
		return err
	}
	if f := cmd.Flags().Lookup(se.Key); f != nil && f.Changed {
		return fmt.Errorf("--%s %s", se.Key, se.Reason)
	}
	if _, ok := numericEnv[se.Key]; ok && os.Getenv(envName(se.Key)) != "" {
		return fmt.Errorf("%s %s", envName(se.Key), se.Reason)
	}
	if path != "" {
		return fmt.Errorf("%s: %v", path, err)
	}
	return err
}
