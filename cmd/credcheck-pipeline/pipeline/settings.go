package pipeline

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/safefile"
)

// Settings are what a worker needs to build the checker check would
// build. They travel inside the pipeline (Beam encodes a DoFn's exported
// fields), so the configuration file goes as its bytes, read once at
// launch: a worker on another machine need not see the launcher's disk.
// Policy and data directories named in it must be where the workers run
// (on a cluster: in the worker image, docs/scale.md).
type Settings struct {
	// ConfigFile names the configuration file (paths in it are relative
	// to its directory); ConfigData is its content.
	ConfigFile string
	ConfigData []byte
	// Policies and Data, when given, replace the file's lists, as check's
	// --policy and --data do.
	Policies []string
	Data     []string
	// Workers is how many articles of one input file a worker checks at
	// once (0: the file's setting, else one per CPU).
	Workers int
	// MaxBytes is the largest article read (0: the file's, else the
	// default); Language is auto or en (empty: the file's).
	MaxBytes int64
	Language string
}

// ReadConfig finds the configuration file as check does (named, or
// .credcheck.yaml in the working directory or above) and keeps its bytes.
func (s *Settings) ReadConfig(named string) error {
	path, _ := config.InUse(named)
	if path == "" {
		return nil
	}
	data, err := config.ReadFile(path)
	if err != nil {
		return fmt.Errorf("configuration file %s: %s", path, safefile.Reason(err))
	}
	s.ConfigFile, s.ConfigData = path, data
	return nil
}

// Config is the merged configuration: the file's, then the settings
// given on the command line.
func (s Settings) Config() (config.Config, error) {
	var cfg config.Config
	if s.ConfigFile != "" {
		if err := config.CheckData(s.ConfigFile, s.ConfigData); err != nil {
			return cfg, err
		}
		if err := yaml.Unmarshal(s.ConfigData, &cfg); err != nil {
			return cfg, fmt.Errorf("configuration file %s: %w", s.ConfigFile, err)
		}
		cfg.Dir = config.DirOf(s.ConfigFile)
		cfg.Policies = config.ResolvePaths(cfg.Policies, cfg.Dir)
		cfg.Data = config.ResolvePaths(cfg.Data, cfg.Dir)
	}
	if len(s.Policies) > 0 {
		cfg.Policies = s.Policies
	}
	if len(s.Data) > 0 {
		cfg.Data = s.Data
	}
	if s.Workers > 0 {
		cfg.Workers = s.Workers
	}
	if s.MaxBytes > 0 {
		cfg.MaxBytes = s.MaxBytes
	}
	if s.Language != "" {
		cfg.Language = s.Language
	}
	if cfg.MaxBytes < 0 {
		return cfg, fmt.Errorf("max-bytes must not be negative, got %d", cfg.MaxBytes)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}

// loadOptions are check's for files named one by one: a glob's matches
// are named, so ignore files and excludes do not apply, and a pipeline
// fetches nothing.
func loadOptions(cfg config.Config) article.LoadOptions {
	return article.LoadOptions{MaxBytes: cfg.MaxBytes, Offline: true}
}
