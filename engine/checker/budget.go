package checker

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/credcheck/credcheck/engine/policy"
)

// The budgets of one article. A policy directory may come from anyone (a
// pull request, a colleague), so a rule that loops, or reports without
// end, must cost one article a bounded time and memory, not the run.
const (
	// DefaultTimeout bounds the policy evaluation of one article. The
	// slowest real article measured (92 KB of news) evaluates in about
	// 50 ms and a 1 MB article in about 2.4 s, so 10 s stops only a rule
	// that has gone wrong.
	DefaultTimeout = 10 * time.Second
	// DefaultMaxFindings caps the findings one rule reports on one
	// article; real articles give at most 44.
	DefaultMaxFindings = 100
	// MaxMessage caps, in characters, a finding's message (and its cue).
	// Real messages run to about 250 characters; a longer one is a broken
	// or hostile rule. Excerpts have their own bound (MaxExcerpt).
	MaxMessage = 500
)

// Deadline gives the context one article's policy evaluation runs in.
func (c *Checker) Deadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.timeout)
}

// Within runs f, which evaluates a query of the caller's own against the
// policies for one article, under the article's deadline, and turns the
// deadline passing into a *TimeoutError.
func (c *Checker) Within(ctx context.Context, f func(context.Context) error) error {
	ectx, cancel := c.Deadline(ctx)
	defer cancel()
	err := f(ectx)
	if err != nil && ctx.Err() == nil && errors.Is(ectx.Err(), context.DeadlineExceeded) {
		return &TimeoutError{Timeout: c.timeout}
	}
	return err
}

// TimeoutError says that the policies ran out of time on an article.
type TimeoutError struct {
	// Rule is the rule running when time ran out, or "" when it could
	// not be told.
	Rule    string
	Timeout time.Duration
}

func (e *TimeoutError) Error() string {
	who := "the policies did"
	if e.Rule != "" {
		who = "rule " + e.Rule + " did"
	}
	return fmt.Sprintf("stopped after %v: %s not finish (--timeout raises the limit)", e.Timeout, who)
}

// evaluate runs the policies on an article's input within the deadline.
func (c *Checker) evaluate(ctx context.Context, input ast.Value) ([]policy.Hit, error) {
	set, err := c.engine()
	if err != nil {
		return nil, err
	}
	ectx, cancel := c.Deadline(ctx)
	defer cancel()
	hits, err := set.Evaluate(ectx, input)
	if err == nil {
		return hits, nil
	}
	if ctx.Err() == nil && errors.Is(ectx.Err(), context.DeadlineExceeded) {
		return nil, &TimeoutError{Rule: c.slowRule(ctx, input), Timeout: c.timeout}
	}
	return nil, fmt.Errorf("evaluating policies: %w", err)
}

// slowRule names the rule that made an article run out of time. Watching
// which rule the all-rules query is in would need an OPA tracer, which
// slows every article; instead, only after a timeout, the enabled rules
// run again one at a time under one more deadline, and the rule running
// when it passes is named. A timed-out article so costs up to twice the
// timeout, and articles within it nothing.
func (c *Checker) slowRule(ctx context.Context, input ast.Value) string {
	set, err := c.engine()
	if err != nil {
		return ""
	}
	dctx, cancel := c.Deadline(ctx)
	defer cancel()
	for _, r := range set.Rules {
		if !r.Enabled {
			continue
		}
		if err := set.EvalRule(dctx, r, input); err != nil && dctx.Err() != nil {
			if ctx.Err() != nil {
				return ""
			}
			return r.ID
		}
	}
	return ""
}

// capHits keeps the first max hits of each rule (hits come sorted by rule,
// then position) and gives a notice for each rule that reported more.
// OPA builds a rule's whole set of findings before the checker sees any,
// so this bounds locating, scoring and reporting them; the building
// itself is bounded by the deadline.
func capHits(hits []policy.Hit, max int) ([]policy.Hit, []string) {
	var notices []string
	out := hits[:0]
	for i := 0; i < len(hits); {
		j := i
		for j < len(hits) && hits[j].Rule == hits[i].Rule {
			j++
		}
		n := j - i
		if n > max {
			notices = append(notices, fmt.Sprintf("rule %s reported %d findings; the first %d are kept (--max-findings raises the cap)", hits[i].Rule, n, max))
			n = max
		}
		out = append(out, hits[i:i+n]...)
		i = j
	}
	return out, notices
}

// cuts counts, by rule, the messages cut to their cap, for the notices of
// one article. (Excerpts of long sentences are windows marked with
// ellipses, which say so where they are shown.)
type cuts struct {
	rules    []string
	messages map[string]int
}

func (c *cuts) add(rule string) {
	if c.messages == nil {
		c.messages = map[string]int{}
	}
	if c.messages[rule] == 0 {
		c.rules = append(c.rules, rule)
	}
	c.messages[rule]++
}

func (c *cuts) notices() []string {
	var out []string
	for _, rule := range c.rules {
		if n := c.messages[rule]; n > 0 {
			out = append(out, fmt.Sprintf("rule %s: %s longer than %d characters cut short", rule, plural(n, "message"), MaxMessage))
		}
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// shorten cuts s to at most limit characters, the last an ellipsis, and
// reports whether it did.
func shorten(s string, limit int) (string, bool) {
	if len(s) <= limit {
		return s, false // no more bytes than the cap, so no more characters
	}
	n := 0
	for i := range s {
		if n == limit-1 {
			if utf8.RuneCountInString(s[i:]) == 1 {
				return s, false
			}
			return s[:i] + "…", true
		}
		n++
	}
	return s, false
}
