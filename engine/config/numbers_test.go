package config_test

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/config"
)

// Every number a configuration file holds is checked where it is written:
// NaN, infinities and values out of range are errors at the setting's line
// and column, before any of them can reach a score or a gate.
func TestCheckFileLocatesBadNumbers(t *testing.T) {
	cases := map[string]struct {
		content string
		want    []string
	}{
		"fail-under NaN":      {"fail-under: .nan\n", []string{`FILE:1:1: fail-under must be a number from 0 to 100, not NaN`}},
		"fail-under above":    {"format: text\nfail-under: 101\n", []string{`FILE:2:1: fail-under must be a number from 0 to 100, not 101`}},
		"fail-under negative": {"fail-under: -1\n", []string{`FILE:1:1: fail-under must be a number from 0 to 100, not -1`}},
		"fail-under text":     {"fail-under: high\n", []string{`FILE:1:1: fail-under must be a number from 0 to 100, not "high"`}},
		"workers negative":    {"workers: -2\n", []string{`FILE:1:1: workers must be a whole number from 0 to 1024, not "-2"`}},
		"workers too many":    {"workers: 100000\n", []string{`FILE:1:1: workers must be a whole number from 0 to 1024, not "100000"`}},
		"workers fraction":    {"workers: 1.5\n", []string{`FILE:1:1: workers must be a whole number from 0 to 1024, not "1.5"`}},
		"weight infinite": {"rules:\n  loaded-language:\n    weight: .inf\n",
			[]string{`FILE:3:5: rules.loaded-language.weight must be a number from 0 to 100, not +Inf`}},
		"weight NaN in flow style": {"rules: {hearsay-hedge: {weight: .NaN}}\n",
			[]string{`FILE:1:25: rules.hearsay-hedge.weight must be a number from 0 to 100, not NaN`}},
		"weight too large": {"rules:\n  loaded-language: {weight: 1e300}\n",
			[]string{`FILE:2:21: rules.loaded-language.weight must be a number from 0 to 100, not 1e+300`}},
		"parameter infinite": {"rules:\n  number-mismatch:\n    params:\n      tolerance: -.inf\n",
			[]string{`FILE:4:7: rules.number-mismatch.params.tolerance must be a finite number, not -.inf`}},
		"scoring numbers": {"scoring:\n  base: .nan\n  floor: 0\n  factors: {error: .inf, critical: 3}\n  caps:\n    hedge: 1000\n    style: 2\n",
			[]string{
				`FILE:2:3: scoring.base must be a number from 0 to 100, not NaN`,
				`FILE:3:3: scoring.floor must be a number from 1 to 1000000, not 0`,
				`FILE:4:13: scoring.factors.error must be a number from 0 to 100, not +Inf`,
				`FILE:4:26: scoring.factors: unknown severity "critical" (want error, warning or info)`,
				`FILE:6:5: scoring.caps.hedge must be a number from 0 to 100, not 1000`,
				`FILE:7:5: scoring.caps: unknown category "style" (categories: attribution, hedge, contradiction, machine, editorial, boilerplate, sourcing)`,
			}},
		"override fail-under": {"overrides:\n  - paths: [a]\n    fail-under: .inf\n",
			[]string{`FILE:3:5: overrides[0].fail-under must be a number from 0 to 100, not +Inf`}},
		"numbers in range": {"fail-under: 100\nworkers: 0\nrules: {x: {weight: 0}}\nscoring: {base: 0, floor: 1, factors: {info: 100}, caps: {hedge: 0}}\noverrides: [{paths: [a], fail-under: 0}]\n", nil},
		"unset numbers":    {"fail-under:\nworkers:\nscoring:\n  base:\n", nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".credcheck.yaml")
			write(t, path, c.content)
			err := config.CheckFile(path)
			if c.want == nil {
				if err != nil {
					t.Errorf("CheckFile = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("CheckFile = nil, want an error")
			}
			got := strings.Split(strings.ReplaceAll(err.Error(), path, "FILE"), "\n")
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("CheckFile error lines (-want +got):\n%s", diff)
			}
		})
	}
}

// Validate checks what flags, the environment and callers of the API set,
// naming the setting.
func TestValidateNamesTheSetting(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := map[string]struct {
		cfg  config.Config
		want string
	}{
		"fail-under NaN":   {config.Config{FailUnder: nan}, "fail-under must be a number from 0 to 100, not NaN"},
		"fail-under above": {config.Config{FailUnder: 250}, "fail-under must be a number from 0 to 100, not 250"},
		"workers":          {config.Config{Workers: -1}, "workers must be a whole number from 0 to 1024, not -1"},
		"weight":           {config.Config{Rules: map[string]config.Rule{"b": {Weight: ptr(inf)}, "a": {Weight: ptr(-inf)}}}, "rules.a.weight must be a number from 0 to 100, not -Inf"},
		"base":             {config.Config{Scoring: config.Scoring{Base: ptr(nan)}}, "scoring.base must be a number from 0 to 100, not NaN"},
		"floor":            {config.Config{Scoring: config.Scoring{Floor: ptr(inf)}}, "scoring.floor must be a number from 1 to 1000000, not +Inf"},
		"factor":           {config.Config{Scoring: config.Scoring{Factors: map[string]float64{"error": nan}}}, "scoring.factors.error must be a number from 0 to 100, not NaN"},
		"cap":              {config.Config{Scoring: config.Scoring{Caps: map[string]float64{"hedge": inf}}}, "scoring.caps.hedge must be a number from 0 to 100, not +Inf"},
		"override":         {config.Config{Overrides: []config.Override{{Paths: []string{"a"}, FailUnder: ptr(nan)}}}, "overrides[0].fail-under must be a number from 0 to 100, not NaN"},
		"valid":            {config.Config{FailUnder: 37, Workers: 4, Rules: map[string]config.Rule{"a": {Weight: ptr(5.0)}}}, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := c.cfg.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("Validate = %v, want %q", err, c.want)
			}
		})
	}
}
