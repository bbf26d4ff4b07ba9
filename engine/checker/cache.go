package checker

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/config"
	"github.com/credcheck/credcheck/engine/policy"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/resultcache"
)

// The result cache (WithCache) keeps each article's result as checking
// left it before the configuration's ignore entries, the baseline and
// scoring are applied: those three run on every result, cached or not, so
// that a changed baseline or ignore entry is honoured and each ignore
// entry's "suppressed nothing" notice counts this run. What is cached is
// fixed by
//
//   - the article as read (every field of article.Article: its path as
//     given, its text, its metadata and page evidence),
//   - the policies: every file under each user policy directory, each data
//     file, and the built-in policies and their data, which are in the
//     binary and so covered by
//   - the binary (resultcache.Binary: build information and the
//     executable's size and time),
//   - and every setting of the configuration but those that only choose
//     what is reported, how, and what is read (formats, outputs, gates,
//     workers, baseline, ignore, exclude…): a setting added later is in
//     the key unless it is left out here.
//
// Only files are cached: standard input and URLs come once, and a JSON
// Lines archive of a million records must not become a million entries.
//
// The set's catalog (rules, notices, scoring data; policy.Catalog) is
// cached too, under the key of everything but the article. A run that
// finds it starts without loading any policy, and loads them at the first
// article that is not cached: a run whose every article is cached, as a
// pre-commit hook's or a CI job's run again often is, costs reading and
// hashing its inputs.

// WithCache keeps results in c between runs (see cache.go), and loads the
// policies only when an article is not in it. Without it, or with policy
// tests or comparisons (whose commands do not check articles), nothing is
// cached.
func WithCache(c *resultcache.Cache) Option { return func(o *options) { o.cache = c } }

// resultCache is a checker's use of the result cache.
type resultCache struct {
	store *resultcache.Cache
	// set is the key of everything a result depends on but the article.
	set resultcache.Key
	// lazy, when the checker started from a cached catalog, loads the
	// policies at the first article not in the cache; nil when they were
	// loaded at start.
	lazy *lazySet
}

type lazySet struct {
	once sync.Once
	load func() (*policy.Set, error)
	set  *policy.Set
	err  error
}

// ErrPoliciesChanged says the policies or their data changed between
// the start of a run and their loading, so the catalog the run started
// from is not theirs.
var ErrPoliciesChanged = errors.New("the policies or their data changed during the run; run again")

// loadPolicies gives the policy set a checker runs with: a catalog from
// the cache when there is one (with the real set loaded on demand), else
// the loaded set, whose catalog is then cached. The key is computed again
// after loading: when a policy file changed while it was read, the run
// keeps no cache rather than file results under a key their policies do
// not match.
func loadPolicies(ctx context.Context, cfg config.Config, o options) (*policy.Set, *resultCache, error) {
	if o.cache == nil || o.policy.Tests || o.policy.Comparisons {
		set, err := policy.Load(ctx, o.policy)
		return set, nil, err
	}
	key, err := setKey(cfg)
	if err != nil {
		set, err := policy.Load(ctx, o.policy)
		return set, nil, err
	}
	rc := &resultCache{store: o.cache, set: key}
	if cat, ok := rc.catalog(); ok {
		rc.lazy = &lazySet{load: func() (*policy.Set, error) {
			set, err := policy.Load(ctx, o.policy)
			if err != nil {
				return nil, err
			}
			if again, err := setKey(cfg); err != nil || again != key {
				return nil, ErrPoliciesChanged
			}
			return set, nil
		}}
		return policy.FromCatalog(cat), rc, nil
	}
	set, err := policy.Load(ctx, o.policy)
	if err != nil {
		return nil, nil, err
	}
	if again, err := setKey(cfg); err != nil || again != key {
		return set, nil, nil
	}
	rc.putCatalog(set.Catalog())
	return set, rc, nil
}

// binaryIdentity names the running binary in keys (a test gives another).
var binaryIdentity = resultcache.Binary

// setKey hashes everything a result depends on but the article.
func setKey(cfg config.Config) (resultcache.Key, error) {
	h := resultcache.NewHasher("credcheck results")
	bin, err := binaryIdentity()
	if err != nil {
		return resultcache.Key{}, err
	}
	h.String(bin)
	// What only chooses the report, its layout, the run's gates and which
	// files are read is left out; the rest is hashed whole.
	c := cfg
	c.FailLevel, c.FailUnder, c.Overrides = "", 0, nil
	c.Format, c.Output, c.Template = nil, nil, ""
	c.Quiet, c.FullSentences, c.IncludeSuppressed, c.IncludeCredits, c.MarkdownLimit, c.JSONIndent = false, false, false, false, 0, ""
	c.Story, c.Workers, c.Baseline, c.Ignore = false, 0, "", nil
	c.FollowSymlinks, c.Offline, c.Exclude, c.ExcludeDir = false, false, nil, ""
	c.Positions, c.Cache, c.CacheDir = nil, nil, ""
	if err := h.Value(c); err != nil {
		return resultcache.Key{}, err
	}
	for _, dir := range cfg.Policies {
		if err := h.Tree(dir); err != nil {
			return resultcache.Key{}, err
		}
	}
	for _, file := range cfg.Data {
		if err := h.File(file); err != nil {
			return resultcache.Key{}, err
		}
	}
	return h.Sum(), nil
}

// catalogKey is the key the set's catalog is kept under.
func (rc *resultCache) catalogKey() resultcache.Key {
	h := resultcache.NewHasher("credcheck catalog")
	h.Key(rc.set)
	return h.Sum()
}

func (rc *resultCache) catalog() (policy.Catalog, bool) {
	var cat policy.Catalog
	data, ok := rc.store.Get(rc.catalogKey())
	if !ok || json.Unmarshal(data, &cat) != nil || cat.Scoring == nil {
		return cat, false
	}
	return cat, true
}

func (rc *resultCache) putCatalog(cat policy.Catalog) {
	if data, err := json.Marshal(cat); err == nil {
		_ = rc.store.Put(rc.catalogKey(), data)
	}
}

// articleKey is the key of an article's result, and false for an article
// that is not cached: standard input, a URL, a JSON Lines record.
func (rc *resultCache) articleKey(a *article.Article) (resultcache.Key, bool) {
	if rc == nil || a.Path == article.Stdin || a.Format == article.JSONLines || article.IsURL(a.Path) {
		return resultcache.Key{}, false
	}
	h := resultcache.NewHasher("credcheck result")
	h.Key(rc.set)
	if err := h.Value(a); err != nil {
		return resultcache.Key{}, false
	}
	return h.Sum(), true
}

// entry is what is kept of an article's result.
type entry struct {
	Result *report.Article
	// Text says the result holds the article's analysed text
	// (report.Article.Text), which only the html format asks for: a run
	// for it keeps the text, and reads only entries that have it.
	Text bool
}

// get gives the cached result of the article with the key, or nil.
func (rc *resultCache) get(key resultcache.Key, a *article.Article, text bool) *report.Article {
	data, ok := rc.store.Get(key)
	if !ok {
		return nil
	}
	var e entry
	if json.Unmarshal(data, &e) != nil || e.Result == nil || e.Result.Path != a.Path || e.Result.ID != a.ID || text && !e.Text {
		return nil
	}
	if !text {
		e.Result.Text = ""
	}
	return e.Result
}

// put keeps a result, with the article's text when the run asked for it.
func (rc *resultCache) put(key resultcache.Key, res *report.Article, text bool) {
	if data, err := json.Marshal(entry{Result: res, Text: text}); err == nil {
		_ = rc.store.Put(key, data)
	}
}

// engine is the policy set to build and evaluate with: the checker's own,
// or, when it started from a cached catalog, the set loaded now.
func (c *Checker) engine() (*policy.Set, error) {
	if c.cache == nil || c.cache.lazy == nil {
		return c.Policies, nil
	}
	l := c.cache.lazy
	l.once.Do(func() { l.set, l.err = l.load() })
	return l.set, l.err
}

// cacheDone ends a run's use of the cache (trimming it when the run wrote
// entries).
func (c *Checker) cacheDone() {
	if c.cache != nil {
		_ = c.cache.store.Done()
	}
}
