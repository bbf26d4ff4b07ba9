package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/resultcache"
)

// houseRule fires on sentences holding its cue, with a message that names
// its parameter, so that a test sees which policy text and which
// parameter value produced a finding.
const houseRule = `# METADATA
# title: House word
# description: Flags the house word.
# custom:
#   category: hedge
#   severity: warning
#   weight: 2
#   params:
#     label: first
package credcheck.rules.hedge["house-word"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["house-word"]
} else := lib.params(rego.metadata.chain())

report contains {"sentence": i, "message": sprintf("%s %s", [prefix, params.label])} if {
	some i, s in input.sentences
	contains(s.text, "allegedly")
}

prefix := "MESSAGE-A"
`

// cacheSetup writes a user policy directory with houseRule and a data
// file, and gives a configuration that loads both.
func cacheSetup(t *testing.T) (config.Config, string) {
	t.Helper()
	dir := t.TempDir()
	rules := filepath.Join(dir, "house")
	writeFile(t, filepath.Join(rules, "house.rego"), houseRule)
	data := filepath.Join(dir, "extra.yaml")
	writeFile(t, data, "params: {}\n")
	return config.Config{Policies: []string{rules}, Data: []string{data}}, dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func weight(w float64) config.Rule                          { return config.Rule{Weight: &w} }
func label(s string) config.Rule                            { return config.Rule{Params: map[string]any{"label": s}} }
func enabled(on bool) config.Rule                           { return config.Rule{Enabled: &on} }
func severity(s string) config.Rule                         { return config.Rule{Severity: s} }
func rules(id string, r config.Rule) map[string]config.Rule { return map[string]config.Rule{id: r} }

func TestCacheKeyCoversEveryInput(t *testing.T) {
	cfg, dir := cacheSetup(t)
	base, err := setKey(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := setKey(cfg); again != base {
		t.Fatal("the same inputs gave two keys")
	}
	policyFile := filepath.Join(cfg.Policies[0], "house.rego")
	changes := map[string]func(*config.Config) func(){
		"a policy file's text": func(*config.Config) func() {
			writeFile(t, policyFile, houseRule+"\n# edited\n")
			return func() { writeFile(t, policyFile, houseRule) }
		},
		"a new file in a policy directory": func(*config.Config) func() {
			extra := filepath.Join(cfg.Policies[0], "sub", "data.yaml")
			writeFile(t, extra, "credcheck: {}\n")
			return func() { os.RemoveAll(filepath.Dir(extra)) }
		},
		"a data file's text": func(*config.Config) func() {
			writeFile(t, cfg.Data[0], "params: {}\n# edited\n")
			return func() { writeFile(t, cfg.Data[0], "params: {}\n") }
		},
		"a weight":        func(c *config.Config) func() { c.Rules = rules("house-word", weight(3)); return nil },
		"a parameter":     func(c *config.Config) func() { c.Rules = rules("house-word", label("second")); return nil },
		"a rule off":      func(c *config.Config) func() { c.Rules = rules("house-word", enabled(false)); return nil },
		"a severity":      func(c *config.Config) func() { c.Rules = rules("house-word", severity("error")); return nil },
		"the language":    func(c *config.Config) func() { c.Language = "en"; return nil },
		"the finding cap": func(c *config.Config) func() { c.MaxFindings = 7; return nil },
		"the scoring":     func(c *config.Config) func() { f := 100.0; c.Scoring.Floor = &f; return nil },
		"another policy directory": func(c *config.Config) func() {
			other := filepath.Join(dir, "other")
			writeFile(t, filepath.Join(other, "x.rego"), "package credcheck.lib\n")
			c.Policies = append(c.Policies, other)
			return nil
		},
		"the binary": func(*config.Config) func() {
			saved := binaryIdentity
			binaryIdentity = func() (string, error) { return "another build", nil }
			return func() { binaryIdentity = saved }
		},
	}
	for name, change := range changes {
		c := cfg
		undo := change(&c)
		got, err := setKey(c)
		if undo != nil {
			undo()
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if got == base {
			t.Errorf("changing %s kept the key", name)
		}
	}
	// What is decided after the cache, or only shapes the report, keeps it.
	same := map[string]func(*config.Config){
		"the formats":    func(c *config.Config) { c.Format = []string{"sarif"} },
		"the fail level": func(c *config.Config) { c.FailLevel = "info" },
		"the baseline":   func(c *config.Config) { c.Baseline = "known.json" },
		"an ignore":      func(c *config.Config) { c.Ignore = []config.Ignore{{Rules: []string{"house-word"}}} },
		"the workers":    func(c *config.Config) { c.Workers = 1 },
	}
	for name, change := range same {
		c := cfg
		change(&c)
		if got, err := setKey(c); err != nil || got != base {
			t.Errorf("changing %s changed the key (%v)", name, err)
		}
	}
}

func TestArticleKeyCoversTheArticle(t *testing.T) {
	rc := &resultCache{}
	a := &article.Article{ID: "a.md", Path: "a.md", Format: article.Markdown, Source: "The mayor allegedly resigned.\n"}
	base, ok := rc.articleKey(a)
	if !ok {
		t.Fatal("a file is not cached")
	}
	for name, b := range map[string]article.Article{
		"text":     {ID: "a.md", Path: "a.md", Format: article.Markdown, Source: "The mayor allegedly resigned!\n"},
		"path":     {ID: "a.md", Path: "./a.md", Format: article.Markdown, Source: a.Source},
		"format":   {ID: "a.md", Path: "a.md", Format: article.Text, Source: a.Source},
		"metadata": {ID: "a.md", Path: "a.md", Format: article.Markdown, Source: a.Source, Author: "A. Writer"},
		"evidence": {ID: "a.md", Path: "a.md", Format: article.Markdown, Source: a.Source, Evidence: &article.Evidence{From: "html"}},
		// Two invalid bytes that an encoding to JSON would both turn
		// into U+FFFD.
		"bad bytes": {ID: "a.md", Path: "a.md", Format: article.Markdown, Source: "The mayor \xff resigned.\n"},
	} {
		k, _ := rc.articleKey(&b)
		if k == base {
			t.Errorf("another %s kept the key", name)
		}
	}
	x, _ := rc.articleKey(&article.Article{Path: "a.md", Source: "\xfe"})
	y, _ := rc.articleKey(&article.Article{Path: "a.md", Source: "\xff"})
	if x == y {
		t.Error("two invalid bytes share a key")
	}
	for _, skipped := range []*article.Article{
		{ID: "-", Path: article.Stdin, Format: article.Text, Source: a.Source},
		{ID: "r1", Path: "wire.jsonl", Line: 1, Format: article.JSONLines, Source: a.Source},
		{ID: "https://example.com/a", Path: "https://example.com/a", Format: article.HTML, Source: a.Source},
	} {
		if _, ok := rc.articleKey(skipped); ok {
			t.Errorf("%s is cached", skipped.Path)
		}
	}
}

// checkWith checks one article with a checker of cfg, with the cache or
// without (nil), and tells whether the checker loaded any policy.
func checkWith(t *testing.T, cfg config.Config, cache *resultcache.Cache, a *article.Article) (*report.Article, bool) {
	t.Helper()
	var opts []Option
	if cache != nil {
		opts = append(opts, WithCache(cache))
	}
	c, err := New(context.Background(), cfg, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var got []*report.Article
	rep := c.CheckArticles(context.Background(), []*article.Article{a}, func(r *report.Article) { got = append(got, r) })
	if len(rep.Errors) > 0 || len(got) != 1 {
		t.Fatalf("errors %v, %d results", rep.Errors, len(got))
	}
	loaded := c.cache == nil || c.cache.lazy == nil || c.cache.lazy.set != nil
	return got[0], loaded
}

func TestCachedResultsAreNeverStale(t *testing.T) {
	t.Parallel()
	cfg, _ := cacheSetup(t)
	cache := resultcache.Open(t.TempDir(), 0)
	a := &article.Article{ID: "a.md", Path: "a.md", Format: article.Markdown,
		Source: "# Mayor quits\n\nThe mayor allegedly resigned on Monday, two aides said in a statement to reporters.\n"}
	compare := func(step string, cfg config.Config, a *article.Article, wantLoad bool) *report.Article {
		t.Helper()
		want, _ := checkWith(t, cfg, nil, a)
		got, loaded := checkWith(t, cfg, cache, a)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: cached result differs from a fresh one (-fresh +cached):\n%s", step, diff)
		}
		if loaded != wantLoad {
			t.Errorf("%s: policies loaded = %v, want %v", step, loaded, wantLoad)
		}
		return got
	}
	first := compare("cold", cfg, a, true)
	if len(first.Findings) == 0 {
		t.Fatal("the house rule did not fire")
	}
	compare("warm", cfg, a, false)

	// A file written again with the same text (a checkout, a touch) keeps
	// the cache: the key is of contents, not times.
	writeFile(t, filepath.Join(cfg.Policies[0], "house.rego"), houseRule)
	compare("policy rewritten unchanged", cfg, a, false)
	writeFile(t, filepath.Join(cfg.Policies[0], "house.rego"), replaceOnce(houseRule, "MESSAGE-A", "MESSAGE-B"))
	got := compare("policy edited", cfg, a, true)
	if !hasMessage(got, "MESSAGE-B first") {
		t.Errorf("after editing the policy, no finding says MESSAGE-B: %v", messages(got))
	}
	withParam := cfg
	withParam.Rules = rules("house-word", label("second"))
	if got := compare("parameter", withParam, a, true); !hasMessage(got, "MESSAGE-B second") {
		t.Errorf("after setting the parameter, no finding says it: %v", messages(got))
	}
	heavier := cfg
	heavier.Rules = rules("house-word", weight(9))
	compare("weight", heavier, a, true)
	compare("weight, warm", heavier, a, false)
	b := *a
	b.Source = replaceOnce(a.Source, "Monday", "Tuesday")
	compare("article edited", cfg, &b, true)
	// An ignore entry is applied after the cache: a warm run honours it.
	ignoring := cfg
	ignoring.Ignore = []config.Ignore{{Rules: []string{"house-word"}, Reason: "house style"}}
	if got := compare("ignore", ignoring, a, false); !allSuppressed(got, "house-word") {
		t.Error("the ignore entry did not suppress the cached finding")
	}
}

func TestCorruptEntriesAreMisses(t *testing.T) {
	cfg, _ := cacheSetup(t)
	dir := t.TempDir()
	cache := resultcache.Open(dir, 0)
	a := &article.Article{ID: "a.md", Path: "a.md", Format: article.Markdown, Source: "The mayor allegedly resigned on Monday.\n"}
	want, _ := checkWith(t, cfg, cache, a)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			data, _ := os.ReadFile(path)
			err = os.WriteFile(path, data[:len(data)/2], 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, loaded := checkWith(t, cfg, cache, a)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after cutting every entry short (-before +after):\n%s", diff)
	}
	if !loaded {
		t.Error("a cut entry was read as a hit")
	}
	if _, loaded := checkWith(t, cfg, cache, a); loaded {
		t.Error("the entries written again after the misses were not used")
	}
}

func replaceOnce(s, old, new string) string { return strings.Replace(s, old, new, 1) }

func messages(a *report.Article) []string {
	var out []string
	for _, f := range a.Findings {
		out = append(out, f.Message)
	}
	return out
}

func hasMessage(a *report.Article, m string) bool {
	for _, f := range a.Findings {
		if f.Message == m {
			return true
		}
	}
	return false
}

func allSuppressed(a *report.Article, rule string) bool {
	n := 0
	for _, f := range a.Findings {
		if f.Rule == rule {
			n++
			if f.Suppressed == nil {
				return false
			}
		}
	}
	return n > 0
}
