package server

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/story"
	"github.com/credcheck/credcheck/engine/suppress"
	"github.com/credcheck/credcheck/engine/watch"
)

// Set is one consistent load of everything a request is judged by: the
// compiled policies and data, the configuration's settings, the baseline.
// A reload builds a new Set and swaps it in whole, so a request sees one
// set from start to end.
type Set struct {
	checker  *checker.Checker
	baseline *suppress.Baseline
	load     article.LoadOptions
	report   report.Options
	cfg      config.Config
	file     string
	loaded   time.Time

	// The explain checker loads the policies' tests too, and the story
	// runner prepares the story queries; both only when first asked for.
	explainOnce sync.Once
	explainer   *checker.Checker
	explainErr  error
	storyOnce   sync.Once
	stories     *story.Runner
	storyErr    error
}

// SetOptions are what a Set takes beside the configuration.
type SetOptions struct {
	// Version is the tool's version, recorded in reports.
	Version string
	// ConfigFile is the configuration file cfg was read from ("" when
	// none), watched with the policies.
	ConfigFile string
	// FetchTimeout bounds the fetch of a page named by URL.
	FetchTimeout time.Duration
}

// NewSet loads the policies and settings cfg names, as check does: the
// same loading path, so the same capability restrictions on user policies
// (no network, files or environment unless allow-builtins opts in).
func NewSet(ctx context.Context, cfg config.Config, o SetOptions) (*Set, error) {
	rank, err := cfg.FailLevelRank()
	if err != nil {
		return nil, err
	}
	paths, err := cfg.PathGates()
	if err != nil {
		return nil, fmt.Errorf("configuration %v", err)
	}
	indent, err := cfg.IndentJSON(false)
	if err != nil {
		return nil, err
	}
	c, err := checker.New(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s := &Set{checker: c, cfg: cfg, file: o.ConfigFile, loaded: time.Now(),
		load: article.LoadOptions{MaxBytes: cfg.MaxBytes, Offline: cfg.Offline, FetchTimeout: o.FetchTimeout},
		report: report.Options{Gate: report.Gate{FailRank: rank, FailUnder: cfg.FailUnder, Paths: paths},
			Version: o.Version, CompactJSON: !indent}}
	if cfg.Baseline != "" {
		if s.baseline, err = suppress.LoadBaseline(cfg.Baseline); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// session is the checker for one request: its own ignore counts and its
// own copy of the baseline, so that no request's result depends on
// another's.
func (s *Set) session() *checker.Checker {
	return s.checker.Session(s.baseline.Clone())
}

// explain is the checker that describes rules (with their tests).
func (s *Set) explain(ctx context.Context) (*checker.Checker, error) {
	s.explainOnce.Do(func() {
		s.explainer, s.explainErr = checker.New(context.WithoutCancel(ctx), s.cfg, checker.WithPolicyTests())
	})
	return s.explainer, s.explainErr
}

// storyRunner is the runner of the story rules.
func (s *Set) storyRunner(ctx context.Context) (*story.Runner, error) {
	s.storyOnce.Do(func() {
		s.stories, s.storyErr = story.NewRunner(context.WithoutCancel(ctx), s.checker)
	})
	return s.stories, s.storyErr
}

// WatchRoots are the files a reload reads: the policy directories (their
// Rego files other than tests, and data files), the data files, the
// configuration file and the baseline.
func (s *Set) WatchRoots() []watch.Root {
	return Roots(s.cfg, s.file)
}

// Roots are the files a Set loaded from cfg and the configuration file
// file reads, for watching.
func Roots(cfg config.Config, file string) []watch.Root {
	var roots []watch.Root
	seen := map[string]bool{}
	add := func(path string, include func(string) bool) {
		if path == "" {
			return
		}
		key := filepath.Clean(path)
		if seen[key] {
			return
		}
		seen[key] = true
		roots = append(roots, watch.Root{Path: path, Include: include})
	}
	for _, dir := range cfg.Policies {
		add(dir, watch.PolicyFile)
	}
	for _, f := range append(slices.Clone(cfg.Data), file, cfg.Baseline) {
		add(f, nil)
	}
	return roots
}

// rootKeys name roots, to tell when a reload calls for another watcher.
func rootKeys(roots []watch.Root) string {
	keys := make([]string, len(roots))
	for i, r := range roots {
		keys[i] = filepath.Clean(r.Path)
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x00")
}
