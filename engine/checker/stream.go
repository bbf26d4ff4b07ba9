package checker

import (
	"context"
	"sync"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
)

// The run is a bounded pipeline: one goroutine reads articles, the workers
// build, evaluate and score them, and the caller's goroutine hands each
// result on in input order. At most window articles are between being read
// and being handed on, so a run holds a few articles whatever its length,
// and a slow article holds up the reader only once the others have filled
// the window behind it.

// window is how many articles may be read and not yet handed on: twice the
// workers, so that each worker has the next article ready while one slow
// article waits to be handed on.
func (c *Checker) window() int { return 4 * c.workers }

// slot is one article in the pipeline and, once checked, its outcome.
type slot struct {
	seq     int
	article *article.Article
	result  *report.Article
	doc     *document.Document
	err     error
}

// Stream reads the inputs named by paths and checks every article in them,
// handing each result to emit in input order as soon as it and those
// before it are checked; emit runs on the caller's goroutine. The report
// returned holds the inputs that could not be read or checked (those that
// could not be read first, as Run gives them), the notices and the rules,
// but no articles.
func (c *Checker) Stream(ctx context.Context, paths []string, opts article.LoadOptions, emit func(*report.Article)) *report.Report {
	return c.StreamDocuments(ctx, paths, opts, func(res *report.Article, _ *document.Document) { emit(res) })
}

// StreamDocuments is Stream, handing on each article's built document
// with its result, for a caller that reads the documents again (check
// --story) and so need not build them twice. A caller that keeps them
// keeps every article in memory. With the result cache (WithCache), an
// article whose result was cached comes with a nil document.
func (c *Checker) StreamDocuments(ctx context.Context, paths []string, opts article.LoadOptions, emit func(*report.Article, *document.Document)) *report.Report {
	var readErrs []*article.InputError
	var mu sync.Mutex
	source := func(yield func(*article.Article) bool) {
		article.Each(paths, opts, yield, func(e *article.InputError) {
			mu.Lock()
			readErrs = append(readErrs, e)
			mu.Unlock()
		})
	}
	checkErrs := c.pipeline(ctx, source, func(_ *article.Article, res *report.Article, doc *document.Document) { emit(res, doc) })
	mu.Lock()
	defer mu.Unlock()
	return c.runReport(append(readErrs, checkErrs...))
}

// pipeline checks the articles source yields with the checker's workers and
// calls emit with each result in the order source yielded them; it returns
// an error for each article that could not be checked, in that order, and
// one for a run cut short.
func (c *Checker) pipeline(ctx context.Context, source func(yield func(*article.Article) bool), emit func(*article.Article, *report.Article, *document.Document)) []*article.InputError {
	window := c.window()
	jobs := make(chan *slot, c.workers)
	done := make(chan *slot, window)
	// tokens bound the articles in flight: the reader takes one per
	// article, the emitter gives it back once the article is handed on.
	tokens := make(chan struct{}, window)
	read := make(chan int, 1) // how many articles the reader read, once done
	go func() {
		n := 0
		source(func(a *article.Article) bool {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			jobs <- &slot{seq: n, article: a}
			n++
			return true
		})
		close(jobs)
		read <- n
	}()
	var wg sync.WaitGroup
	for range c.workers {
		wg.Go(func() {
			for s := range jobs {
				if ctx.Err() != nil {
					s.err = ctx.Err()
				} else {
					s.result, s.doc, s.err = c.checkArticle(ctx, s.article)
				}
				done <- s
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	var errs []*article.InputError
	pending := make(map[int]*slot, window)
	next, total := 0, -1
	for s := range done {
		pending[s.seq] = s
		for {
			s, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			a := s.article
			switch {
			case s.err != nil && ctx.Err() != nil:
				// cut short: reported once below
			case s.err != nil:
				errs = append(errs, &article.InputError{Path: a.Path, Line: a.Line, Reason: describe(a, s.err)})
			default:
				emit(a, s.result, s.doc)
			}
			if c.Progress != nil {
				if total < 0 {
					select {
					case total = <-read:
					default:
					}
				}
				c.Progress(next, max(total, next+len(tokens)))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, &article.InputError{Path: "-", Reason: "interrupted: " + err.Error()})
	}
	c.cacheDone()
	return errs
}
