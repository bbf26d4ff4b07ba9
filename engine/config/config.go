// Package config describes credcheck's configuration (the .credcheck.yaml
// file, CREDCHECK_* environment variables and flags, merged by the command
// line) and turns it into the settings the engine stages take.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/safefile"
	"github.com/credcheck/credcheck/engine/scoring"
)

// FileNames are the configuration file names looked for, in order, in the
// working directory and each directory above it.
var FileNames = []string{".credcheck.yaml", ".credcheck.yml"}

// Config is the merged configuration.
type Config struct {
	// Policies are user policy directories added to the built-in rules.
	Policies []string `mapstructure:"policies" yaml:"policies"`
	// Data are data files that change lexicons and set rule parameters.
	Data []string `mapstructure:"data" yaml:"data"`
	// FailLevel is the lowest severity that fails a run: error, warning,
	// info or none.
	FailLevel string `mapstructure:"fail-level" yaml:"fail-level"`
	// FailUnder fails a run when an article scores below it (0 disables).
	FailUnder float64 `mapstructure:"fail-under" yaml:"fail-under"`
	// Format lists the output formats of check; Output the files they go
	// to, by position ("" or "-" for standard output).
	Format StringList `mapstructure:"format" yaml:"format"`
	Output StringList `mapstructure:"output" yaml:"output"`
	// Template is the Go template file of the template format, unless the
	// format names its own ("template=FILE").
	Template string `mapstructure:"template" yaml:"template"`
	// Quiet keeps the text report to the findings that fail the run and
	// the summary.
	Quiet bool `mapstructure:"quiet" yaml:"quiet"`
	// FullSentences prints each finding's whole sentence in the text
	// report, wrapped, rather than a window around the finding.
	FullSentences bool `mapstructure:"full-sentences" yaml:"full-sentences"`
	// IncludeSuppressed keeps suppressed findings in SARIF as results
	// marked suppressed.
	IncludeSuppressed bool `mapstructure:"include-suppressed" yaml:"include-suppressed"`
	// IncludeCredits keeps credits (the sourcing category) in SARIF as
	// results.
	IncludeCredits bool `mapstructure:"include-credits" yaml:"include-credits"`
	// MarkdownLimit cuts the Markdown report at this many bytes (0: no
	// limit). The command line's default is GitHub's 1 MiB job summary.
	MarkdownLimit int `mapstructure:"markdown-limit" yaml:"markdown-limit"`
	// JSONIndent is how the json report is laid out: "auto" (or empty)
	// indents it for a terminal and writes it on one line for a program
	// or a file; "always" and "never" force either.
	JSONIndent string `mapstructure:"json-indent" yaml:"json-indent"`
	// Story makes check read the articles together as well and report
	// the stories they tell (check --story, docs/story.md).
	Story bool `mapstructure:"story" yaml:"story"`
	// Rules adjusts rules by ID.
	Rules map[string]Rule `mapstructure:"rules" yaml:"rules"`
	// Scoring adjusts the score formula.
	Scoring Scoring `mapstructure:"scoring" yaml:"scoring"`
	// Workers is how many articles are checked at once (0: one per CPU).
	Workers int `mapstructure:"workers" yaml:"workers"`
	// Ignore suppresses findings by rule and path.
	Ignore []Ignore `mapstructure:"ignore" yaml:"ignore"`
	// Overrides set other thresholds for some paths.
	Overrides []Override `mapstructure:"overrides" yaml:"overrides"`
	// Baseline is a file of known findings that do not fail a run.
	Baseline string `mapstructure:"baseline" yaml:"baseline"`
	// MaxBytes is the largest article read, a file or one JSON Lines
	// record (0: article.DefaultMaxBytes).
	MaxBytes int64 `mapstructure:"max-bytes" yaml:"max-bytes"`
	// FollowSymlinks reads articles that links met while walking a
	// directory lead to outside it; by default they are refused.
	FollowSymlinks bool `mapstructure:"follow-symlinks" yaml:"follow-symlinks"`
	// Offline refuses inputs named by URL instead of fetching them.
	Offline bool `mapstructure:"offline" yaml:"offline"`
	// Exclude lists globs of files and directories a directory walk
	// leaves out, relative to ExcludeDir.
	Exclude []string `mapstructure:"exclude" yaml:"exclude"`
	// ExcludeDir is the directory the Exclude globs are relative to: the
	// configuration file's when they come from it, else "" (the working
	// directory, for --exclude and CREDCHECK_EXCLUDE).
	ExcludeDir string `mapstructure:"-" yaml:"-"`
	// Timeout bounds the policy evaluation of one article (0: the
	// checker's default); see docs/configuration.md#timeout.
	Timeout time.Duration `mapstructure:"timeout" yaml:"timeout"`
	// MaxFindings caps the findings one rule reports on one article (0:
	// the checker's default).
	MaxFindings int `mapstructure:"max-findings" yaml:"max-findings"`
	// Language is "auto" (or empty) to detect each article's language and
	// leave unscored those not in English, or "en" to take every article
	// as English.
	Language string `mapstructure:"language" yaml:"language"`
	// AllowBuiltins are OPA built-ins policies may call beyond the pure
	// ones (policy.Capabilities), such as http.send.
	AllowBuiltins []string `mapstructure:"allow-builtins" yaml:"allow-builtins"`
	// Cache, when false, turns the result cache off (--no-cache); nil or
	// true keeps results of unchanged files between runs
	// (docs/configuration.md#cache-and-cache-dir).
	Cache *bool `mapstructure:"cache" yaml:"cache"`
	// CacheDir is where the result cache lives ("" for credcheck under
	// the user's cache directory).
	CacheDir string `mapstructure:"cache-dir" yaml:"cache-dir"`
	// Dir is the directory of the configuration file, which paths and
	// globs written in it are relative to; "" when there is no file.
	Dir string `mapstructure:"-" yaml:"-"`
	// Positions are where the file's keys are written (Locate).
	Positions map[string]Position `mapstructure:"-" yaml:"-"`
}

// StringList is a list that a file may also give as a single value
// ("format: json").
type StringList []string

// UnmarshalYAML accepts a scalar as a list of one.
func (l *StringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = StringList{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*l = list
	return nil
}

// Ignore suppresses the findings of some rules in some paths.
type Ignore struct {
	// Rules are rule IDs or category names; empty means every rule.
	Rules []string `mapstructure:"rules" yaml:"rules"`
	// Paths are globs relative to the configuration file; empty means
	// every path.
	Paths []string `mapstructure:"paths" yaml:"paths"`
	// Reason is shown with the suppressed findings.
	Reason string `mapstructure:"reason" yaml:"reason"`
}

// Override sets thresholds for the articles under some paths; later
// overrides win over earlier ones.
type Override struct {
	Paths     []string `mapstructure:"paths" yaml:"paths"`
	FailLevel string   `mapstructure:"fail-level" yaml:"fail-level"`
	FailUnder *float64 `mapstructure:"fail-under" yaml:"fail-under"`
}

// Rule adjusts one rule.
type Rule struct {
	Enabled  *bool          `mapstructure:"enabled" yaml:"enabled"`
	Severity string         `mapstructure:"severity" yaml:"severity"`
	Weight   *float64       `mapstructure:"weight" yaml:"weight"`
	Params   map[string]any `mapstructure:"params" yaml:"params"`
}

// Scoring adjusts the score formula; unset values keep their defaults.
type Scoring struct {
	Floor   *float64           `mapstructure:"floor" yaml:"floor"`
	Base    *float64           `mapstructure:"base" yaml:"base"`
	Factors map[string]float64 `mapstructure:"factors" yaml:"factors"`
	Caps    map[string]float64 `mapstructure:"caps" yaml:"caps"`
}

// Find looks for a configuration file in dir and its parents and returns
// its path, or "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// InUse is the configuration file a run reads: the one named (a
// --config flag), else CREDCHECK_CONFIG's, else the first found from the
// working directory up; named says it was named, so that it must exist.
// "" when there is none.
func InUse(flag string) (path string, named bool) {
	path = flag
	if path == "" {
		path = os.Getenv("CREDCHECK_CONFIG")
	}
	if path != "" {
		return path, true
	}
	wd, _ := os.Getwd()
	return Find(wd), false
}

// DirOf is the directory of a configuration file's path, for either
// separator, which the paths written in the file are relative to.
func DirOf(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	if i < 0 {
		return "."
	}
	return path[:i]
}

// knownKeys are the top-level keys a configuration file may hold.
var knownKeys = map[string]bool{}

func init() {
	for _, k := range []string{"policies", "data", "fail-level", "fail-under", "format", "output", "template", "quiet", "full-sentences", "include-suppressed", "include-credits", "markdown-limit", "json-indent", "story", "rules", "scoring", "workers", "ignore", "overrides", "baseline", "language", "max-bytes", "follow-symlinks", "offline", "exclude", "allow-builtins", "timeout", "max-findings", "cache", "cache-dir"} {
		knownKeys[k] = true
	}
}

// CheckFile reports keys a configuration file holds that credcheck does not
// know, with their line, so that a misspelt setting is not silently ignored.
func CheckFile(path string) error {
	data, err := ReadFile(path)
	if err != nil {
		return err
	}
	return CheckData(path, data)
}

// ReadFile reads a configuration file: a regular file (a FIFO or a device
// named as one is refused without being opened) of at most
// safefile.MaxSideBytes.
func ReadFile(path string) ([]byte, error) {
	return safefile.ReadFile(path, safefile.MaxSideBytes)
}

// CheckData is CheckFile for a file already read.
func CheckData(path string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: configuration must be a mapping of settings", path, root.Line)
	}
	var problems []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if !knownKeys[k.Value] {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: unknown setting %q (known: %s)", path, k.Line, k.Column, k.Value, strings.Join(sortedKnown(), ", ")))
		}
		switch k.Value {
		case "fail-under":
			problems = append(problems, checkNumber(path, "fail-under", k, root.Content[i+1], FailUnderRange)...)
		case "workers":
			problems = append(problems, checkWorkersNode(path, k, root.Content[i+1])...)
		}
		if k.Value == "rules" {
			problems = append(problems, checkRules(path, root.Content[i+1])...)
		}
		if k.Value == "scoring" {
			problems = append(problems, checkScoring(path, root.Content[i+1])...)
		}
		if k.Value == "ignore" {
			problems = append(problems, checkList(path, "ignore", root.Content[i+1], "rules", "paths", "reason")...)
		}
		if k.Value == "overrides" {
			problems = append(problems, checkList(path, "overrides", root.Content[i+1], "paths", "fail-level", "fail-under")...)
			problems = append(problems, checkOverrideNumbers(path, root.Content[i+1])...)
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

func checkRules(path string, n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // "rules:" with every entry commented out
	}
	if n.Kind != yaml.MappingNode {
		return []string{fmt.Sprintf("%s:%d:%d: rules must map rule IDs to settings", path, n.Line, n.Column)}
	}
	var problems []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		if v.Kind != yaml.MappingNode {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: rule %s: expected enabled, severity, weight or params", path, v.Line, v.Column, n.Content[i].Value))
			continue
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			switch key := v.Content[j]; key.Value {
			case "weight":
				problems = append(problems, checkNumber(path, "rules."+n.Content[i].Value+".weight", key, v.Content[j+1], scoring.WeightRange)...)
			case "params":
				problems = append(problems, checkFinite(path, "rules."+n.Content[i].Value+".params", key, v.Content[j+1])...)
			case "enabled", "severity":
			default:
				problems = append(problems, fmt.Sprintf("%s:%d:%d: rule %s: unknown setting %q (known: enabled, severity, weight, params)", path, key.Line, key.Column, n.Content[i].Value, key.Value))
			}
		}
	}
	return problems
}

// checkScoring reports keys of the scoring section other than base,
// floor, factors and caps; an empty section is fine.
func checkScoring(path string, n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return []string{fmt.Sprintf("%s:%d:%d: scoring must map base, floor, factors and caps to values", path, n.Line, n.Column)}
	}
	var problems []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch key := n.Content[i]; key.Value {
		case "base", "floor", "factors", "caps":
			problems = append(problems, checkScoringNumbers(path, key, n.Content[i+1])...)
		default:
			problems = append(problems, fmt.Sprintf("%s:%d:%d: scoring: unknown setting %q (known: base, caps, factors, floor)", path, key.Line, key.Column, key.Value))
		}
	}
	return problems
}

// checkList reports entries of a list section that are not mappings of
// the known keys.
func checkList(path, section string, n *yaml.Node, keys ...string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return []string{fmt.Sprintf("%s:%d:%d: %s must be a list of entries with %s", path, n.Line, n.Column, section, strings.Join(keys, ", "))}
	}
	var problems []string
	for _, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: %s: each entry needs %s", path, e.Line, e.Column, section, strings.Join(keys, ", ")))
			continue
		}
		for j := 0; j+1 < len(e.Content); j += 2 {
			key := e.Content[j]
			known := false
			for _, k := range keys {
				known = known || key.Value == k
			}
			if !known {
				problems = append(problems, fmt.Sprintf("%s:%d:%d: %s: unknown setting %q (known: %s)", path, key.Line, key.Column, section, key.Value, strings.Join(keys, ", ")))
			}
		}
	}
	return problems
}

func sortedKnown() []string {
	keys := make([]string, 0, len(knownKeys))
	for k := range knownKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ResolvePaths makes relative paths relative to base, the directory of the
// file they were written in.
func ResolvePaths(paths []string, base string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if filepath.IsAbs(p) || base == "" {
			out[i] = p
		} else {
			out[i] = filepath.Join(base, p)
		}
	}
	return out
}
