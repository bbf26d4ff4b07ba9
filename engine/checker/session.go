package checker

import (
	"context"
	"fmt"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/suppress"
)

// Session is a copy of c for one run of its own, as a server checks each
// request: the configuration's ignore entries count anew, so that the
// notice that one suppressed nothing speaks of this run alone, and the
// baseline (a copy the caller made for the run, or nil) is this run's. The
// policies and settings are shared, not copied.
func (c *Checker) Session(baseline *suppress.Baseline) *Checker {
	s := *c
	s.Baseline, s.Progress = baseline, nil
	s.ignores = make([]*suppress.Ignore, len(c.ignores))
	for i, ig := range c.ignores {
		s.ignores[i] = &suppress.Ignore{Rules: ig.Rules, Paths: ig.Paths, Reason: ig.Reason, Label: ig.Label}
	}
	return &s
}

// CheckArticles checks articles already in hand (an API request's) as
// Stream checks those it reads: each result to emit in input order, and
// the report of the run (errors, notices, rules) returned.
func (c *Checker) CheckArticles(ctx context.Context, articles []*article.Article, emit func(*report.Article)) *report.Report {
	return c.CheckDocuments(ctx, articles, func(res *report.Article, _ *document.Document) { emit(res) })
}

// CheckDocuments is CheckArticles handing on each article's document too,
// for a request that also reads the articles as stories.
func (c *Checker) CheckDocuments(ctx context.Context, articles []*article.Article, emit func(*report.Article, *document.Document)) *report.Report {
	source := func(yield func(*article.Article) bool) {
		for _, a := range articles {
			if !yield(a) {
				return
			}
		}
	}
	errs := c.pipeline(ctx, source, func(_ *article.Article, res *report.Article, d *document.Document) { emit(res, d) })
	return c.runReport(errs)
}

// runReport is a run's report without its articles: the inputs that could
// not be checked, the notices of the policies and of the ignore entries
// that suppressed nothing, and the rules.
func (c *Checker) runReport(errs []*article.InputError) *report.Report {
	r := &report.Report{Errors: errs, Notices: append([]string(nil), c.Policies.Notices...), Rules: c.Policies.Rules}
	for _, ig := range c.ignores {
		if ig.Stale() {
			r.Notices = append(r.Notices, fmt.Sprintf("configuration %s suppressed no finding; remove it", ig.Describe()))
		}
	}
	return r
}
