package config

import (
	"fmt"
	"maps"
	"sort"
	"strings"
	"time"

	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/scoring"
)

// The settings below are derived from a Config, each checked as it is
// derived, so that a mistake names its key.

// PathGate holds the fail thresholds of the articles whose path matches
// (an overrides entry); nil thresholds leave the run's own.
type PathGate struct {
	Paths     pathglob.Set
	FailRank  *int
	FailUnder *float64
}

// ScoringSettings applies the configuration to the score formula the
// policies' scoring data set (scoring.Defaults when there is none); the
// maps of base are not changed.
func (c Config) ScoringSettings(base scoring.Settings) (scoring.Settings, error) {
	s := base
	s.Factors = maps.Clone(base.Factors)
	s.Caps = maps.Clone(base.Caps)
	if c.Scoring.Floor != nil {
		s.Floor = *c.Scoring.Floor
	}
	if c.Scoring.Base != nil {
		s.Base = *c.Scoring.Base
	}
	for name, f := range c.Scoring.Factors {
		sev, err := finding.ParseSeverity(name)
		if err != nil {
			return s, fmt.Errorf("scoring.factors: %v", err)
		}
		s.Factors[sev] = f
	}
	for name, v := range c.Scoring.Caps {
		s.Caps[name] = v
	}
	return s, s.Validate()
}

// ForceEnglish reports whether the language setting takes every article as
// English rather than detecting its language.
func (c Config) ForceEnglish() (bool, error) {
	switch strings.ToLower(strings.TrimSpace(c.Language)) {
	case "", "auto":
		return false, nil
	case "en", "english":
		return true, nil
	}
	return false, fmt.Errorf("language: %q is not auto or en (the built-in catalog reads English, so only English can be forced)", c.Language)
}

// IndentJSON reports whether the json report is indented, given whether it
// goes to a terminal.
func (c Config) IndentJSON(terminal bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(c.JSONIndent)) {
	case "", "auto":
		return terminal, nil
	case "always":
		return true, nil
	case "never":
		return false, nil
	}
	return false, fmt.Errorf("json-indent: %q is not auto, always or never", c.JSONIndent)
}

// Budget gives the evaluation deadline of one article and the cap on the
// findings of one rule on one article; zero leaves the checker's default.
// A bare number in the file is read as nanoseconds by the duration
// decoder, so a deadline under a millisecond is refused as a likely
// missing unit rather than failing every article.
func (c Config) Budget() (time.Duration, int, error) {
	if c.Timeout < 0 || (c.Timeout > 0 && c.Timeout < time.Millisecond) {
		return 0, 0, fmt.Errorf("timeout: %v is too short; give a duration with its unit, such as 10s", c.Timeout)
	}
	if c.MaxFindings < 0 {
		return 0, 0, fmt.Errorf("max-findings must not be negative, got %d", c.MaxFindings)
	}
	return c.Timeout, c.MaxFindings, nil
}

// FailLevelRank returns the rank of the severity that fails a run, 0 for
// "none".
func (c Config) FailLevelRank() (int, error) {
	rank, err := ParseFailLevel(c.FailLevel)
	if err != nil {
		return 0, fmt.Errorf("fail-level: %v", err)
	}
	return rank, nil
}

// ParseFailLevel reads a fail level: a severity, or "none" (rank 0);
// empty means error.
func ParseFailLevel(level string) (int, error) {
	switch strings.ToLower(strings.TrimSpace(level)) {
	case "", "error":
		return finding.Error.Rank(), nil
	case "none":
		return 0, nil
	}
	sev, err := finding.ParseSeverity(level)
	if err != nil {
		return 0, fmt.Errorf("%v (or none)", err)
	}
	return sev.Rank(), nil
}

// PathGates turns the overrides into per-path thresholds for the report
// gate, their globs relative to the configuration file.
func (c Config) PathGates() ([]PathGate, error) {
	var out []PathGate
	for i, o := range c.Overrides {
		if len(o.Paths) == 0 {
			return nil, fmt.Errorf("overrides[%d]: paths is required", i)
		}
		set, err := pathglob.New(c.Dir, o.Paths)
		if err != nil {
			return nil, fmt.Errorf("overrides[%d]: %v", i, err)
		}
		g := PathGate{Paths: set, FailUnder: o.FailUnder}
		if o.FailLevel != "" {
			rank, err := ParseFailLevel(o.FailLevel)
			if err != nil {
				return nil, fmt.Errorf("overrides[%d].fail-level: %v", i, err)
			}
			g.FailRank = &rank
		}
		if g.FailRank == nil && g.FailUnder == nil {
			return nil, fmt.Errorf("overrides[%d]: set fail-level or fail-under", i)
		}
		out = append(out, g)
	}
	return out, nil
}

// CacheOn reports whether the result cache is on: unless the setting
// turns it off.
func (c Config) CacheOn() bool { return c.Cache == nil || *c.Cache }

// Excludes is the exclude globs as a set, relative to ExcludeDir.
func (c Config) Excludes() (pathglob.Set, error) {
	set, err := pathglob.New(c.ExcludeDir, c.Exclude)
	if err != nil {
		return set, fmt.Errorf("exclude: %v", err)
	}
	return set, nil
}

// Disabled lists the rules configuration switches off, sorted.
func (c Config) Disabled() []string {
	var out []string
	for id, r := range c.Rules {
		if r.Enabled != nil && !*r.Enabled {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Params gives the parameter overrides by rule.
func (c Config) Params() map[string]map[string]any {
	out := map[string]map[string]any{}
	for id, r := range c.Rules {
		if len(r.Params) > 0 {
			out[id] = r.Params
		}
	}
	return out
}

// Severities gives the severities configuration imposes on rules.
func (c Config) Severities() (map[string]finding.Severity, error) {
	out := map[string]finding.Severity{}
	for id, r := range c.Rules {
		if r.Severity == "" {
			continue
		}
		sev, err := finding.ParseSeverity(r.Severity)
		if err != nil {
			return nil, fmt.Errorf("rules.%s.severity: %v", id, err)
		}
		out[id] = sev
	}
	return out, nil
}

// Weights gives the weights configuration imposes on rules.
func (c Config) Weights() (map[string]float64, error) {
	out := map[string]float64{}
	for id, r := range c.Rules {
		if r.Weight == nil {
			continue
		}
		if err := scoring.WeightRange.Check(*r.Weight); err != nil {
			return nil, fmt.Errorf("rules.%s.weight %v", id, err)
		}
		out[id] = *r.Weight
	}
	return out, nil
}
