// Package checker runs the whole pipeline: it reads articles, builds their
// documents, evaluates the compiled policies on them concurrently, locates
// and scores the findings, and assembles the report in input order.
package checker

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/pathglob"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/resultcache"
	"github.com/credcheck/credcheck/engine/scoring"
	"github.com/credcheck/credcheck/engine/suppress"
)

// Checker holds compiled policies and scoring settings; one Checker checks
// any number of articles and is safe for concurrent use.
type Checker struct {
	Policies   *policy.Set
	Scoring    scoring.Settings
	weights    map[string]float64
	severities map[string]finding.Severity
	workers    int
	ignores    []*suppress.Ignore
	// english takes every article as English (--language en) rather than
	// detecting its language.
	english bool
	// timeout bounds the policy evaluation of one article; maxFindings
	// the findings one rule reports on one article (budget.go).
	timeout     time.Duration
	maxFindings int
	// Baseline, when set, suppresses the findings it knows.
	Baseline *suppress.Baseline
	// Progress, when set, is called after each article with the number
	// done and the total.
	Progress func(done, total int)
	// cache, when set, keeps results between runs (cache.go).
	cache *resultCache
	// KeepText hands each result the article's analysed text
	// (report.Article.Text), for the html format, which shows the text
	// with its findings marked; off, a run that holds its results does
	// not hold their texts too.
	KeepText bool
}

// Option adjusts how New loads the policies.
type Option func(*options)

type options struct {
	policy policy.Options
	cache  *resultcache.Cache
}

// WithPolicyTests loads the policies' Rego tests too, for commands that
// run or list them.
func WithPolicyTests() Option { return func(o *options) { o.policy.Tests = true } }

// WithComparisons loads the consistency rules too, for commands that
// compare a summary with its article.
func WithComparisons() Option { return func(o *options) { o.policy.Comparisons = true } }

// WithoutStories leaves the story rules uncompiled (policy.Options.NoStories),
// for a run that checks articles one by one and never as stories.
func WithoutStories() Option { return func(o *options) { o.policy.NoStories = true } }

// PolicyOptions says which policies and data the configuration loads and
// how it adjusts the rules.
func PolicyOptions(cfg config.Config) policy.Options {
	return policy.Options{Dirs: cfg.Policies, DataFiles: cfg.Data, Disabled: cfg.Disabled(), Params: cfg.Params(),
		AllowBuiltins: cfg.AllowBuiltins, Where: cfg.Where}
}

// New loads and compiles the policies named by the configuration (whose
// policy paths must already be resolved) and prepares scoring.
func New(ctx context.Context, cfg config.Config, opts ...Option) (*Checker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	severities, err := cfg.Severities()
	if err != nil {
		return nil, err
	}
	weights, err := cfg.Weights()
	if err != nil {
		return nil, err
	}
	o := options{policy: PolicyOptions(cfg)}
	for _, opt := range opts {
		opt(&o)
	}
	set, cache, err := loadPolicies(ctx, cfg, o)
	if err != nil {
		return nil, err
	}
	settings, err := cfg.ScoringSettings(set.Scoring.Settings)
	if err != nil {
		return nil, err
	}
	if err := unknownRules(cfg, set); err != nil {
		return nil, err
	}
	english, err := cfg.ForceEnglish()
	if err != nil {
		return nil, err
	}
	timeout, maxFindings, err := cfg.Budget()
	if err != nil {
		return nil, err
	}
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	if maxFindings == 0 {
		maxFindings = DefaultMaxFindings
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c := &Checker{Policies: set, Scoring: settings, weights: weights, severities: severities, workers: workers, english: english,
		timeout: timeout, maxFindings: maxFindings, cache: cache}
	for i, ig := range cfg.Ignore {
		label := fmt.Sprintf("ignore[%d]", i)
		if len(ig.Rules) == 0 && len(ig.Paths) == 0 {
			return nil, fmt.Errorf("configuration %s: give rules, paths or both", label)
		}
		for _, r := range ig.Rules {
			if !c.known(r) {
				return nil, fmt.Errorf("configuration %s: %q is neither a loaded rule nor a category", label, r)
			}
		}
		paths, err := pathglob.New(cfg.Dir, ig.Paths)
		if err != nil {
			return nil, fmt.Errorf("configuration %s: %v", label, err)
		}
		c.ignores = append(c.ignores, &suppress.Ignore{Rules: ig.Rules, Paths: paths, Reason: ig.Reason, Label: label})
	}
	return c, nil
}

// known reports whether name is a loaded rule or a category, as a
// suppression may name either.
func (c *Checker) known(name string) bool {
	return c.Policies.Rule(name) != nil || finding.KnownCategory(name)
}

// Weight is the weight of a rule: the configuration's, else the scoring
// data's (fitted by calibration), else its METADATA's.
func (c *Checker) Weight(rule string) float64 {
	if w, ok := c.weights[rule]; ok {
		return w
	}
	if w, ok := c.Policies.Scoring.Weights[rule]; ok {
		return w
	}
	if r := c.Policies.Rule(rule); r != nil {
		return r.Weight
	}
	return 0
}

// Rules lists the loaded rules as this checker scores them: copies whose
// weight and severity are those in force (configuration, else the scoring
// data's fitted weight, else METADATA), for listings.
func (c *Checker) Rules() []*policy.Rule {
	out := make([]*policy.Rule, len(c.Policies.Rules))
	for i, r := range c.Policies.Rules {
		cp := *r
		cp.Weight = c.Weight(r.ID)
		if sev, ok := c.severities[r.ID]; ok {
			cp.Severity = sev
		}
		out[i] = &cp
	}
	return out
}

// Configured is the severity configuration imposes on a rule, if any: it
// wins over the rule's METADATA and over a severity the rule reports.
func (c *Checker) Configured(rule string) (finding.Severity, bool) {
	sev, ok := c.severities[rule]
	return sev, ok
}

// StoryRules lists the loaded story rules with the severity in force
// (configuration, else METADATA). Story findings are not scored, so a
// story rule's weight is its METADATA's and nothing reads it.
func (c *Checker) StoryRules() []*policy.Rule {
	out := make([]*policy.Rule, len(c.Policies.Story))
	for i, r := range c.Policies.Story {
		cp := *r
		if sev, ok := c.severities[r.ID]; ok {
			cp.Severity = sev
		}
		out[i] = &cp
	}
	return out
}

// Catalog lists every loaded rule as credcheck rules shows them: the
// article rules, then the story rules.
func (c *Checker) Catalog() []*policy.Rule {
	return append(c.Rules(), c.StoryRules()...)
}

// Run reads the inputs named by paths and checks every article in them,
// keeping every result (Stream hands them on instead).
func (c *Checker) Run(ctx context.Context, paths []string, opts article.LoadOptions) *report.Report {
	var results []*report.Article
	r := c.Stream(ctx, paths, opts, func(a *report.Article) { results = append(results, a) })
	r.Articles = results
	return r
}

// Check checks articles concurrently and returns their results in the order
// given, with an error for each article that could not be checked.
func (c *Checker) Check(ctx context.Context, articles []*article.Article) ([]*report.Article, []*article.InputError) {
	var out []*report.Article
	source := func(yield func(*article.Article) bool) {
		for _, a := range articles {
			if !yield(a) {
				return
			}
		}
	}
	errs := c.pipeline(ctx, source, func(_ *article.Article, res *report.Article, _ *document.Document) { out = append(out, res) })
	return out, errs
}

func describe(a *article.Article, err error) string {
	if a.Format == article.JSONLines {
		return fmt.Sprintf("article %q: %v", a.ID, err)
	}
	return err.Error()
}

// Parse reads the inputs named by paths and builds their documents without
// evaluating any policy.
func (c *Checker) Parse(paths []string, opts article.LoadOptions) ([]*document.Document, []*article.InputError) {
	articles, problems := article.Load(paths, opts)
	var docs []*document.Document
	for _, a := range articles {
		d, err := c.build(a)
		if err != nil {
			problems = append(problems, &article.InputError{Path: a.Path, Line: a.Line, Reason: describe(a, err)})
			continue
		}
		docs = append(docs, d)
	}
	return docs, problems
}

// build analyses an article, taking it as English when so configured.
func (c *Checker) build(a *article.Article) (*document.Document, error) {
	set, err := c.engine()
	if err != nil {
		return nil, err
	}
	doc, err := document.Build(a, set.Lexicons)
	if err != nil {
		return nil, err
	}
	if c.english {
		doc.Language = document.Language{Code: "en", Name: "English", Source: document.LanguageConfigured}
	}
	return doc, nil
}

// CheckArticle builds, evaluates and scores one article. An article that
// does not read as English is neither evaluated nor scored: the built-in
// rules and lexicons read English, and on other text they find nothing,
// which would score as a clean article.
func (c *Checker) CheckArticle(ctx context.Context, a *article.Article) (*report.Article, error) {
	res, _, err := c.checkArticle(ctx, a)
	return res, err
}

// checkArticle is CheckArticle, giving the built document too, so that
// story mode reads the same documents the check built. A result from the
// result cache comes with no document (nil); story mode runs without the
// cache.
func (c *Checker) checkArticle(ctx context.Context, a *article.Article) (*report.Article, *document.Document, error) {
	key, cached := c.cache.articleKey(a)
	if cached {
		if res := c.cache.get(key, a, c.KeepText); res != nil {
			return c.judge(a, res), nil, nil
		}
	}
	doc, err := c.build(a)
	if err != nil {
		return nil, nil, err
	}
	res := &report.Article{ID: a.ID, Path: a.Path, Line: a.Line, Format: a.Format, Words: doc.Stats.Words,
		Metadata: report.Metadata{Title: a.Title, Author: a.Author, Date: a.Date, Outlet: a.Outlet, URL: a.URL},
		Findings: []*finding.Finding{}, Language: doc.Language.Code, LanguageName: doc.Language.Name}
	if doc.Headline >= 0 {
		res.Headline = doc.Sentences[doc.Headline].Text
	}
	if c.KeepText {
		res.Text = doc.Text
	}
	if !doc.Language.English() {
		res.Unscored = fmt.Sprintf("the text reads as %s (%s); the built-in catalog reads English", doc.Language.Name, doc.Language.Code)
		if cached {
			c.cache.put(key, res, c.KeepText)
		}
		return res, doc, nil
	}
	set, err := c.engine()
	if err != nil {
		return nil, nil, err
	}
	hits, err := c.evaluate(ctx, doc.ValueOf(set.InputParts()))
	if err != nil {
		return nil, nil, err
	}
	hits, res.Notices = capHits(hits, c.maxFindings)
	findings := make([]*finding.Finding, 0, len(hits))
	var cut cuts
	for _, h := range hits {
		f, err := c.locate(doc, h, &cut)
		if err != nil {
			return nil, nil, err
		}
		findings = append(findings, f)
	}
	res.Notices = append(res.Notices, cut.notices()...)
	finding.Sort(findings)
	res.Findings = findings
	// Inline comments first, so that a finding an article switches off is
	// not charged to a configuration entry or a baseline.
	res.Stale = suppress.Inline(doc, findings, c.known)
	if cached {
		c.cache.put(key, res, c.KeepText)
	}
	return c.judge(a, res), doc, nil
}

// judge applies to a checked article's findings what is decided after
// checking it, cached or not: the configuration's ignore entries, the
// baseline and the score.
func (c *Checker) judge(a *article.Article, res *report.Article) *report.Article {
	if !res.Scored() {
		return res
	}
	for _, ig := range c.ignores {
		ig.Apply(a.Path, res.Findings)
	}
	if c.Baseline != nil {
		c.Baseline.Apply(a.Path, res.Record(), res.Findings)
	}
	res.Scorecard = c.Scoring.Score(res.Findings, res.Words, c.Weight)
	return res
}

// locate turns a rule's hit into a finding with line, column, severity and
// the marked sentence, checking that the rule pointed inside the article.
func (c *Checker) locate(doc *document.Document, h policy.Hit, cut *cuts) (*finding.Finding, error) {
	rule := c.Policies.Rule(h.Rule)
	bad := func(format string, args ...any) (*finding.Finding, error) {
		return nil, fmt.Errorf("rule %s reported "+format, append([]any{h.Rule}, args...)...)
	}
	start, end := h.Start, h.End
	si := h.Sentence
	if si >= len(doc.Sentences) {
		return bad("sentence %d, but the article has %d", si, len(doc.Sentences))
	}
	if si < 0 {
		if start > len(doc.Text) {
			return bad("offset %d, past the end of the article (%d bytes)", start, len(doc.Text))
		}
		if si = doc.SentenceAt(start); si < 0 {
			si = len(doc.Sentences) - 1
		}
	}
	s := doc.Sentences[si]
	if start < 0 {
		start, end = s.Start, s.End
	}
	if end < start {
		end = start
	}
	if end > len(doc.Text) {
		return bad("offsets %d–%d, past the end of the article (%d bytes)", start, end, len(doc.Text))
	}
	severity := rule.Severity
	if h.Severity != "" {
		sev, err := finding.ParseSeverity(h.Severity)
		if err != nil {
			return bad("a finding with %v", err)
		}
		severity = sev
	}
	if sev, ok := c.severities[h.Rule]; ok {
		severity = sev
	}
	f := &finding.Finding{
		Rule: h.Rule, Category: rule.Category, Severity: severity, Message: h.Message, Cue: h.Cue,
		Start: start, End: end, Sentence: si, Problem: h.Problem, Strength: h.Strength,
		Lead: s.Zone == document.Headline || s.Zone == document.Lede,
	}
	if f.Cue == "" {
		f.Cue = strings.Join(strings.Fields(doc.Clean[start:end]), " ")
	}
	f.Line, f.Column = doc.Position(start)
	f.EndLine, f.EndColumn = doc.Position(end)
	var long bool
	if f.Message, long = shorten(f.Message, MaxMessage); long {
		cut.add(h.Rule)
	}
	// A cue is a few words; one as long as a run-on sentence is cut like a
	// message, without a notice of its own.
	f.Cue, _ = shorten(f.Cue, MaxMessage)
	f.Excerpt, f.MarkStart, f.MarkEnd = excerpt(doc.Clean, s.Start, s.End, start, end)
	f.Fingerprint = finding.Fingerprint(f.Rule, s.Text, f.Cue)
	return f, nil
}

// WriteBaseline records the findings of a run as known in the baseline file
// at path, then judges the run against it, as the next run will be judged:
// the findings it records are suppressed and the articles scored again.
func (c *Checker) WriteBaseline(path string, r *report.Report) error {
	known := make([]suppress.Article, 0, len(r.Articles))
	for _, a := range r.Articles {
		known = append(known, suppress.Article{Path: a.Path, Record: a.Record(), Findings: a.Findings})
	}
	if err := suppress.WriteBaseline(path, known); err != nil {
		return err
	}
	b, err := suppress.LoadBaseline(path)
	if err != nil {
		return err
	}
	for _, a := range r.Articles {
		if !a.Scored() {
			continue
		}
		b.Apply(a.Path, a.Record(), a.Findings)
		a.Scorecard = c.Scoring.Score(a.Findings, a.Words, c.Weight)
	}
	return nil
}

// unknownRules reports every entry of the configuration's rules: section
// whose ID no loaded rule has, at its line, with the closest ID, so that a
// misspelt rule is never silently left as it was.
func unknownRules(cfg config.Config, set *policy.Set) error {
	ids := map[string]bool{}
	for id := range cfg.Rules {
		ids[id] = true
	}
	// An entry left empty ("house-rule: {}") does not survive decoding but
	// is still a rule the file names.
	for key := range cfg.Positions {
		if id, ok := strings.CutPrefix(key, "rules."); ok && !strings.ContainsAny(id, ".[") {
			ids[id] = true
		}
	}
	// In the file's order, then by name for those given elsewhere.
	sorted := slices.SortedFunc(maps.Keys(ids), func(a, b string) int {
		pa, pb := cfg.Positions["rules."+a], cfg.Positions["rules."+b]
		if pa.Line != pb.Line {
			return cmp.Compare(pa.Line, pb.Line)
		}
		return cmp.Compare(a, b)
	})
	var problems []string
	for _, id := range sorted {
		if story := set.StoryRule(id); story != nil {
			if cfg.Rules[id].Weight != nil {
				problems = append(problems, fmt.Sprintf("%sconfiguration: rules: %s is a story rule, and story findings are not scored: it takes enabled, severity and params, not weight", cfg.Where("rules."+id+".weight"), id))
			}
			continue
		}
		if set.Rule(id) == nil {
			problems = append(problems, fmt.Sprintf("%sconfiguration: rules: unknown rule %q%s (run `credcheck rules` for the list)", cfg.Where("rules."+id), id, set.DidYouMean(id)))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}
