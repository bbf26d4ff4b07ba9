package config

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/scoring"
)

// FailUnderRange is the scores fail-under may name: 0 turns the gate off,
// and no article scores below 0 or above 100, so another value, or NaN
// (which no score is below), would turn it off without a word.
var FailUnderRange = scoring.Range{Min: 0, Max: 100}

// MaxWorkers bounds workers: more articles at once than this gains no
// speed on any machine credcheck runs on, and each one holds a document.
const MaxWorkers = 1024

// SettingError is a setting whose value cannot be used. Key names it as
// the file writes it (fail-under, rules.hearsay-hedge.weight), so that the
// command line can name the flag or variable it came from instead.
type SettingError struct {
	Key    string
	Reason string
}

func (e *SettingError) Error() string { return e.Key + " " + e.Reason }

// checkWorkers reports a number of workers out of range.
func checkWorkers(n int) error {
	if n < 0 || n > MaxWorkers {
		return fmt.Errorf("must be a whole number from 0 to %d, not %d", MaxWorkers, n)
	}
	return nil
}

// Validate checks every number of the merged configuration against its
// range: finite, and within what the setting means. A file's numbers are
// also checked by CheckFile, where they can be located; this catches those
// from flags, the environment and callers of the API. The first problem
// is returned, the same one on every run.
func (c Config) Validate() error {
	bad := func(key string, err error) error {
		if err == nil {
			return nil
		}
		return &SettingError{Key: key, Reason: err.Error()}
	}
	if err := bad("fail-under", FailUnderRange.Check(c.FailUnder)); err != nil {
		return err
	}
	if err := bad("workers", checkWorkers(c.Workers)); err != nil {
		return err
	}
	if c.MarkdownLimit < 0 {
		return &SettingError{Key: "markdown-limit", Reason: fmt.Sprintf("must not be negative, not %d", c.MarkdownLimit)}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Rules)) {
		if w := c.Rules[id].Weight; w != nil {
			if err := bad("rules."+id+".weight", scoring.WeightRange.Check(*w)); err != nil {
				return err
			}
		}
	}
	s := c.Scoring
	if s.Base != nil {
		if err := bad("scoring.base", scoring.BaseRange.Check(*s.Base)); err != nil {
			return err
		}
	}
	if s.Floor != nil {
		if err := bad("scoring.floor", scoring.FloorRange.Check(*s.Floor)); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Factors)) {
		if err := bad("scoring.factors."+name, scoring.FactorRange.Check(s.Factors[name])); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Caps)) {
		if err := bad("scoring.caps."+name, scoring.CapRange.Check(s.Caps[name])); err != nil {
			return err
		}
	}
	for i, o := range c.Overrides {
		if o.FailUnder != nil {
			if err := bad(fmt.Sprintf("overrides[%d].fail-under", i), FailUnderRange.Check(*o.FailUnder)); err != nil {
				return err
			}
		}
	}
	return nil
}

// ParseFailUnder reads a fail-under value given as text (an environment
// variable) and checks its range.
func ParseFailUnder(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("must be a number from 0 to 100, not %q", s)
	}
	return v, FailUnderRange.Check(v)
}

// ParseWorkers reads a number of workers given as text and checks it.
func ParseWorkers(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("must be a whole number from 0 to %d, not %q", MaxWorkers, s)
	}
	return n, checkWorkers(n)
}

// located formats a problem with a setting of a file at its key.
func located(path string, key *yaml.Node, format string, args ...any) string {
	return fmt.Sprintf("%s:%d:%d: %s", path, key.Line, key.Column, fmt.Sprintf(format, args...))
}

// checkNumber reports, at its key, a value of a file that is not a number
// in r. A null value leaves the setting unset.
func checkNumber(path, name string, key, value *yaml.Node, r scoring.Range) []string {
	if value.Kind == yaml.ScalarNode && value.Tag == "!!null" {
		return nil
	}
	var v float64
	if value.Kind != yaml.ScalarNode || value.Decode(&v) != nil {
		return []string{located(path, key, "%s must be %v, not %s", name, r, shown(value))}
	}
	if err := r.Check(v); err != nil {
		return []string{located(path, key, "%s %v", name, err)}
	}
	return nil
}

// checkWorkersNode reports, at its key, a workers value that is not a
// whole number in range.
func checkWorkersNode(path string, key, value *yaml.Node) []string {
	if value.Kind == yaml.ScalarNode && value.Tag == "!!null" {
		return nil
	}
	// Read as a float, as the YAML decoder would cut 1.5 down to 1.
	var f float64
	if value.Kind != yaml.ScalarNode || value.Decode(&f) != nil || f != math.Trunc(f) || f < 0 || f > MaxWorkers {
		return []string{located(path, key, "workers must be a whole number from 0 to %d, not %s", MaxWorkers, shown(value))}
	}
	return nil
}

// shown is a value of a file as the file writes it, for messages.
func shown(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "a list or mapping"
}

// checkScoringNumbers checks the numbers of the scoring section and the
// names of its factors and caps, each at its key.
func checkScoringNumbers(path string, key, value *yaml.Node) []string {
	switch key.Value {
	case "base":
		return checkNumber(path, "scoring.base", key, value, scoring.BaseRange)
	case "floor":
		return checkNumber(path, "scoring.floor", key, value, scoring.FloorRange)
	}
	if value.Kind == yaml.ScalarNode && value.Tag == "!!null" {
		return nil
	}
	if value.Kind != yaml.MappingNode {
		return []string{located(path, key, "scoring.%s must map names to numbers", key.Value)}
	}
	var problems []string
	for i := 0; i+1 < len(value.Content); i += 2 {
		k, v := value.Content[i], value.Content[i+1]
		name := "scoring." + key.Value + "." + k.Value
		switch key.Value {
		case "factors":
			if _, err := finding.ParseSeverity(k.Value); err != nil {
				problems = append(problems, located(path, k, "scoring.factors: %v", err))
				continue
			}
			problems = append(problems, checkNumber(path, name, k, v, scoring.FactorRange)...)
		case "caps":
			if !finding.KnownCategory(k.Value) {
				problems = append(problems, located(path, k, "scoring.caps: unknown category %q (categories: %s)", k.Value, strings.Join(finding.Categories, ", ")))
				continue
			}
			problems = append(problems, checkNumber(path, name, k, v, scoring.CapRange)...)
		}
	}
	return problems
}

// checkOverrideNumbers checks the fail-under of each override, at its key.
func checkOverrideNumbers(path string, n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		return nil // checkList reports it
	}
	var problems []string
	for i, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(e.Content); j += 2 {
			if k := e.Content[j]; k.Value == "fail-under" {
				problems = append(problems, checkNumber(path, fmt.Sprintf("overrides[%d].fail-under", i), k, e.Content[j+1], FailUnderRange)...)
			}
		}
	}
	return problems
}

// checkFinite reports, at their keys, the NaN and infinities among the
// values below n (the parameters of a rule, whose shapes the policies
// check once loaded): no parameter means anything with them, and a rule
// compares against them silently wrong.
func checkFinite(path, name string, key, n *yaml.Node) []string {
	var problems []string
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			problems = append(problems, checkFinite(path, name+"."+n.Content[i].Value, n.Content[i], n.Content[i+1])...)
		}
	case yaml.SequenceNode:
		for i, e := range n.Content {
			problems = append(problems, checkFinite(path, fmt.Sprintf("%s[%d]", name, i), key, e)...)
		}
	case yaml.ScalarNode:
		var f float64
		if n.Tag == "!!float" && n.Decode(&f) == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
			problems = append(problems, located(path, key, "%s must be a finite number, not %s", name, n.Value))
		}
	}
	return problems
}
