package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safetext"
	"github.com/credcheck/credcheck/engine/story"
)

// articleRequest is one article posted to /v1/check as JSON: its text,
// its page or the URL of its page, and what the content system knows of
// it.
type articleRequest struct {
	Text *string `json:"text"`
	HTML *string `json:"html"`
	URL  string  `json:"url"`
	// Format is how text is laid out: text, markdown or html; left out,
	// it is detected as for standard input.
	Format string `json:"format"`
	// Path is the name the article is reported under, as --stdin-name
	// gives standard input; it is matched by ignore entries, path gates
	// and the baseline. Default "-".
	Path   string `json:"path"`
	Title  string `json:"title"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Outlet string `json:"outlet"`
}

// requestError is a request the server cannot read: status and reason.
type requestError struct {
	status int
	reason string
}

func (e *requestError) Error() string { return e.reason }

func badRequest(format string, args ...any) error {
	return &requestError{status: http.StatusBadRequest, reason: fmt.Sprintf(format, args...)}
}

// batch reports whether a request's body is JSON Lines, one article per
// line, rather than one article as JSON.
func batch(r *http.Request) bool {
	media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch media {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return true
	}
	return false
}

// readBody reads the whole body within the size limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &requestError{status: http.StatusRequestEntityTooLarge,
			reason: fmt.Sprintf("request body larger than %d bytes, the server's limit (--max-body)", tooLarge.Limit)}
	}
	if err != nil {
		return nil, badRequest("reading the request body: %v", err)
	}
	return data, nil
}

// articles reads the articles a check or story request names, the way
// check reads standard input or a URL, with the set's limits.
func (s *Server) articles(w http.ResponseWriter, r *http.Request, set *Set) ([]*article.Article, []*article.InputError, error) {
	data, err := s.readBody(w, r)
	if err != nil {
		return nil, nil, err
	}
	opts := set.load
	if batch(r) {
		opts.Stdin, opts.StdinFormat, opts.StdinName = bytes.NewReader(data), article.JSONLines, r.URL.Query().Get("path")
		articles, problems := article.Load([]string{article.Stdin}, opts)
		return articles, problems, nil
	}
	req, err := decodeArticle(data)
	if err != nil {
		return nil, nil, err
	}
	source := article.Stdin
	switch {
	case req.URL != "":
		source = req.URL
	case req.HTML != nil:
		opts.Stdin, opts.StdinFormat = strings.NewReader(*req.HTML), article.HTML
	default:
		opts.Stdin = strings.NewReader(*req.Text)
		if req.Format != "" {
			opts.StdinFormat = article.Format(req.Format)
		}
	}
	opts.StdinName = req.Path
	articles, problems := article.Load([]string{source}, opts)
	for _, a := range articles {
		a.Title = or(req.Title, a.Title)
		a.Author = or(req.Author, a.Author)
		a.Date = or(req.Date, a.Date)
		a.Outlet = or(req.Outlet, a.Outlet)
	}
	return articles, problems, nil
}

// decodeArticle reads one article request, strictly: a field the API
// does not know is an error rather than silently left out.
func decodeArticle(data []byte) (*articleRequest, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req articleRequest
	if err := dec.Decode(&req); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, badRequest("empty request body: post one article as JSON, or JSON Lines with Content-Type application/x-ndjson")
		}
		return nil, badRequest("request body is not an article in JSON: %s", safetext.Text(err.Error()))
	}
	if dec.More() {
		return nil, badRequest("request body holds more than one JSON value: post several articles as JSON Lines with Content-Type application/x-ndjson")
	}
	given := 0
	for _, set := range []bool{req.Text != nil, req.HTML != nil, req.URL != ""} {
		if set {
			given++
		}
	}
	if given != 1 {
		return nil, badRequest(`give exactly one of "text", "html" and "url"`)
	}
	switch req.Format {
	case "", "text", "markdown", "html":
	default:
		return nil, badRequest(`"format" must be text, markdown or html, not %q`, req.Format)
	}
	if req.Format != "" && req.Text == nil {
		return nil, badRequest(`"format" goes with "text"`)
	}
	if req.URL != "" {
		if !article.IsURL(req.URL) {
			return nil, badRequest(`"url" must be an http:// or https:// address`)
		}
		if req.Path != "" {
			return nil, badRequest(`"path" goes with "text" or "html"; a page named by "url" is reported under its URL`)
		}
	}
	return &req, nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// handleCheck checks the posted articles and answers the json report
// check --format json writes for them: 200 when every article could be
// checked (summary.failed says whether the run fails its gate), 422 when
// one could not (the report's errors say why), as check exits 2.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	set := s.set.Load()
	articles, problems, err := s.articles(w, r, set)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Deadline)
	defer cancel()
	var results []*report.Article
	rep := set.session().CheckArticles(ctx, articles, func(a *report.Article) { results = append(results, a) })
	if s.late(w, r, ctx) {
		return
	}
	rep.Errors = append(problems, rep.Errors...)
	rep.Articles = results
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", rep, set.report); err != nil {
		fail(w, http.StatusInternalServerError, "writing the report: "+err.Error())
		return
	}
	s.metrics.count(results)
	logArticles(r, len(results), len(rep.Errors))
	status := http.StatusOK
	if len(rep.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, buf.Bytes())
}

// handleStory reads several articles (JSON Lines) as story check --story
// reads them and answers the json story report.
func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	if !batch(r) {
		fail(w, http.StatusUnsupportedMediaType, "post the story's articles as JSON Lines with Content-Type application/x-ndjson")
		return
	}
	set := s.set.Load()
	runner, err := set.storyRunner(r.Context())
	if err != nil {
		fail(w, http.StatusInternalServerError, "story rules: "+err.Error())
		return
	}
	data, err := s.readBody(w, r)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	opts := set.load
	opts.Stdin, opts.StdinFormat, opts.StdinName = bytes.NewReader(data), article.JSONLines, r.URL.Query().Get("path")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Deadline)
	defer cancel()
	rep := runner.Run(ctx, []string{article.Stdin}, opts)
	if s.late(w, r, ctx) {
		return
	}
	var buf bytes.Buffer
	if err := story.Write(&buf, "json", rep); err != nil {
		fail(w, http.StatusInternalServerError, "writing the story report: "+err.Error())
		return
	}
	logArticles(r, 0, len(rep.Errors))
	status := http.StatusOK
	if len(rep.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, buf.Bytes())
}

// late answers 503 when the evaluation ran past the deadline; a report of
// a run cut short would read as a clean one.
func (s *Server) late(w http.ResponseWriter, r *http.Request, ctx context.Context) bool {
	if ctx.Err() == nil {
		return false
	}
	if r.Context().Err() != nil {
		return true // the client left; nobody reads the answer
	}
	s.metrics.deadlines.Inc()
	w.Header().Set("Retry-After", "1")
	fail(w, http.StatusServiceUnavailable, fmt.Sprintf("evaluation took longer than %s, the server's deadline (--deadline)", s.opts.Deadline))
	return true
}

// refuse answers a request the server could not read.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, err error) {
	var re *requestError
	if errors.As(err, &re) {
		fail(w, re.status, re.reason)
		return
	}
	fail(w, http.StatusBadRequest, err.Error())
}

// handleRules lists the loaded rules, story rules included, as credcheck
// rules --format json.
func (s *Server) handleRules(w http.ResponseWriter, _ *http.Request) {
	var buf bytes.Buffer
	if err := report.WriteRules(&buf, "json", s.set.Load().checker.Catalog()); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, buf.Bytes())
}

// handleRule describes one rule as credcheck explain --format json.
func (s *Server) handleRule(w http.ResponseWriter, r *http.Request) {
	set := s.set.Load()
	id := r.PathValue("id")
	if set.checker.Policies.Rule(id) == nil && set.checker.Policies.StoryRule(id) == nil {
		fail(w, http.StatusNotFound, fmt.Sprintf("no rule %q (GET /v1/rules lists them)", id))
		return
	}
	c, err := set.explain(r.Context())
	if err != nil {
		fail(w, http.StatusInternalServerError, "loading the rules' tests: "+err.Error())
		return
	}
	e, err := c.Explain(r.Context(), id)
	if err != nil {
		fail(w, http.StatusNotFound, err.Error())
		return
	}
	var buf bytes.Buffer
	if err := report.WriteExplanation(&buf, "json", e); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, buf.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// fail answers an error as one line of JSON: {"error": reason}.
func fail(w http.ResponseWriter, status int, reason string) {
	b, _ := json.Marshal(struct {
		Error string `json:"error"`
	}{reason})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
