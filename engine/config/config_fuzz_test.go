package config_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/viper"

	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/internal/fuzzseed"
	"github.com/credcheck/credcheck/engine/scoring"
)

// configSeeds are configuration files, good and bad, beside the hostile
// YAML every loader starts from.
var configSeeds = []string{
	"policies: [house]\ndata: house.yaml\nfail-level: warning\nfail-under: 60\nformat: [text, json]\noutput: [\"-\", report.json]\nworkers: 2\nlanguage: en\nbaseline: .credcheck-baseline.json\n",
	"rules:\n  hearsay-hedge: {enabled: false}\n  vague-source: {severity: error, weight: 2.5, params: {min: 3}}\n  ai-vocabulary: {params: {words: [delve, tapestry]}}\n",
	"scoring:\n  base: 100\n  floor: 200\n  factors: {error: 3, warning: 1, info: 0.25}\n  caps: {attribution: 30, hedge: 10}\n",
	"ignore:\n  - rules: [hearsay-hedge]\n    paths: [\"archive/**\"]\n    reason: old copy\n  - paths: [\"[unclosed\"]\noverrides:\n  - paths: [\"drafts/**\"]\n    fail-level: none\n    fail-under: 20\n  - paths: []\n",
	"scoring: {base: .nan, floor: .inf, caps: {hedge: .nan}}\nfail-under: .nan\n",
	"scoring: {factors: {error: -.inf}}\n",
	"rules: {x: {weight: .inf}}\n",
	"scoring: {base: 1e400, floor: -1e400}\nworkers: 99999999999999999999\n",
	"fail-level: \"\\x1b[31merror\"\nlanguage: \"\\u0000\"\nformat: \"text\\nforged: line\"\n",
	"rules: [a, list]\nscoring: 5\nignore: {a: map}\noverrides: scalar\n",
	"unknown: key\nrulez: {}\n",
	"format: {a: b}\nworkers: many\nfail-under: high\n",
}

// FuzzConfig reads bytes as a .credcheck.yaml the way the command line does
// (unknown keys checked, then decoded by viper) and turns it into every
// setting the engine takes. Nothing may panic; errors name the file and a
// line when they come from the key check; accepted scoring settings are
// numbers that keep scores in 0–100.
func FuzzConfig(f *testing.F) {
	for _, s := range configSeeds {
		f.Add([]byte(s))
	}
	for _, s := range fuzzseed.YAML() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			t.Skip("larger than the fuzzed size")
		}
		path := filepath.Join(t.TempDir(), ".credcheck.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := config.CheckFile(path); err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, path+":") {
					t.Fatalf("configuration error does not name the file first: %q", line)
				}
			}
			return
		}
		v := viper.New()
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return
		}
		var cfg config.Config
		if err := v.Unmarshal(&cfg); err != nil {
			return
		}
		cfg.Dir = filepath.Dir(path)
		_, _ = cfg.FailLevelRank()
		_, _ = cfg.ForceEnglish()
		_, _ = cfg.PathGates()
		_, _ = cfg.Severities()
		_, _ = cfg.Disabled(), cfg.Params()
		if ws, err := cfg.Weights(); err == nil {
			for id, w := range ws {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					t.Fatalf("rules.%s.weight %v passed the file check", id, w)
				}
			}
		}
		s, err := cfg.ScoringSettings(scoring.Defaults())
		if err != nil {
			return
		}
		for _, v := range append([]float64{s.Base, s.Floor}, values(s)...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("scoring setting %v passed the file check: %+v", v, s)
			}
		}
	})
}

func values(s scoring.Settings) []float64 {
	var out []float64
	for _, v := range s.Factors {
		out = append(out, v)
	}
	for _, v := range s.Caps {
		out = append(out, v)
	}
	return out
}
