package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
)

// The web scorecard at / is the html format's page with a form above it:
// the same template, so the browser and the file show one rendering. The
// form posts back to / (multipart, so that it works without script); the
// answer is the page again, with the report. Nothing is kept between
// requests.
//
// A token, when the server has one, is asked for in the form and checked
// on every post as the API checks its header: the page is no way around
// it. The empty form itself holds nothing to protect.

// uiPolicy is the page's Content-Security-Policy as a header, which can
// also forbid framing (a meta element cannot).
var uiPolicy = report.HTMLPolicy + "; frame-ancestors 'none'"

// uiForm is the form of an empty page, or the one given back.
func (s *Server) uiForm(set *Set) *report.HTMLForm {
	return &report.HTMLForm{Action: "./", Token: s.opts.Token != "", URLs: !set.load.Offline, MaxBody: s.opts.MaxBody}
}

// handlePage answers GET / with the empty form.
func (s *Server) handlePage(w http.ResponseWriter, _ *http.Request) {
	s.page(w, http.StatusOK, report.HTMLPage{Form: s.uiForm(s.set.Load())}, s.set.Load())
}

// handleForm checks what the form posted and answers the page with its
// report, within the limits of the API: body size, concurrency, deadline.
func (s *Server) handleForm(w http.ResponseWriter, r *http.Request) {
	set := s.set.Load()
	form := s.uiForm(set)
	refuse := func(status int, reason string) {
		form.Error = reason
		s.page(w, status, report.HTMLPage{Form: form}, set)
	}
	release, ok := s.acquire(w)
	if !ok {
		refuse(http.StatusTooManyRequests, "The server is checking as many articles as it takes at once; try again in a moment.")
		return
	}
	defer release()
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	if err := r.ParseMultipartForm(s.opts.MaxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("What was sent is larger than %d bytes, the server's limit.", tooLarge.Limit))
			return
		}
		refuse(http.StatusBadRequest, "The form could not be read: "+err.Error())
		return
	}
	if r.MultipartForm != nil {
		defer func() { _ = r.MultipartForm.RemoveAll() }()
	}
	form.Text, form.Title, form.Outlet = r.PostFormValue("text"), r.PostFormValue("title"), r.PostFormValue("outlet")
	form.URL, form.Story = strings.TrimSpace(r.PostFormValue("url")), r.PostFormValue("story") != ""
	if !s.formAuthorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="credcheck"`)
		refuse(http.StatusUnauthorized, "Missing or wrong access token.")
		return
	}
	articles, problems, err := formArticles(r, form, set)
	if err != nil {
		refuse(http.StatusBadRequest, err.Error())
		return
	}
	c := set.session()
	c.KeepText = true
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Deadline)
	defer cancel()
	var (
		results []*report.Article
		docs    []*document.Document
	)
	rep := c.CheckDocuments(ctx, articles, func(a *report.Article, d *document.Document) {
		results = append(results, a)
		docs = append(docs, d)
	})
	rep.Errors, rep.Articles = append(problems, rep.Errors...), results
	if form.Story && ctx.Err() == nil {
		runner, err := set.storyRunner(ctx)
		if err != nil {
			refuse(http.StatusInternalServerError, "The story rules could not be loaded: "+err.Error())
			return
		}
		stories := runner.Judge(ctx, results, docs)
		rep.Stories, rep.Errors = stories, append(rep.Errors, stories.Errors...)
	}
	if ctx.Err() != nil {
		if r.Context().Err() != nil {
			return // the browser left
		}
		s.metrics.deadlines.Inc()
		refuse(http.StatusServiceUnavailable, fmt.Sprintf("Checking took longer than %s, the server's deadline.", s.opts.Deadline))
		return
	}
	s.metrics.count(results)
	logArticles(r, len(results), len(rep.Errors))
	status := http.StatusOK
	if len(rep.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.page(w, status, report.HTMLPage{Form: form, Report: rep}, set)
}

// formAuthorized checks the token the form carries (or, for a script, the
// Authorization header, read as the API reads it) when the server has one.
func (s *Server) formAuthorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return true
	}
	got, ok := bearer(r)
	if !ok {
		got = r.PostFormValue("token")
	}
	return s.tokenMatches(got)
}

// pastedName is the name a pasted article is reported under, which
// ignore entries and per-path gates of the configuration may match.
const pastedName = "pasted text"

// uploadFormats are the files the form takes, by extension.
var uploadFormats = map[string]article.Format{
	".txt": article.Text, ".text": article.Text, ".md": article.Markdown, ".markdown": article.Markdown,
	".html": article.HTML, ".htm": article.HTML, ".jsonl": article.JSONLines, ".ndjson": article.JSONLines,
}

// formArticles reads the articles the form names, as the API reads them:
// the pasted text, each uploaded file, the page at the address. A file
// that cannot be read is an input error of the report, as in check; a
// form that names nothing is an error of the form.
func formArticles(r *http.Request, form *report.HTMLForm, set *Set) ([]*article.Article, []*article.InputError, error) {
	var (
		articles []*article.Article
		problems []*article.InputError
	)
	load := func(source string, opts article.LoadOptions) {
		as, ps := article.Load([]string{source}, opts)
		for _, a := range as {
			if a.Format != article.JSONLines {
				a.Title, a.Outlet = or(strings.TrimSpace(form.Title), a.Title), or(strings.TrimSpace(form.Outlet), a.Outlet)
			}
		}
		articles, problems = append(articles, as...), append(problems, ps...)
	}
	if strings.TrimSpace(form.Text) != "" {
		opts := set.load
		opts.Stdin, opts.StdinName = strings.NewReader(form.Text), pastedName
		load(article.Stdin, opts)
	}
	var files []*multipart.FileHeader
	if r.MultipartForm != nil {
		files = r.MultipartForm.File["files"]
	}
	for _, fh := range files {
		name := filepath.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
		if name == "" || name == "." || name == "/" {
			continue // an empty file input sends a part with no name
		}
		format, ok := uploadFormats[strings.ToLower(filepath.Ext(name))]
		if !ok {
			problems = append(problems, &article.InputError{Path: name, Reason: "not a .txt, .md, .html or .jsonl file"})
			continue
		}
		data, err := readUpload(fh)
		if err != nil {
			problems = append(problems, &article.InputError{Path: name, Reason: err.Error()})
			continue
		}
		opts := set.load
		opts.Stdin, opts.StdinFormat, opts.StdinName = bytes.NewReader(data), format, name
		load(article.Stdin, opts)
	}
	if form.URL != "" {
		if !form.URLs {
			return nil, nil, errors.New("This server does not fetch pages (--offline); paste the text or upload the file.")
		}
		if !article.IsURL(form.URL) {
			return nil, nil, errors.New("The address must start with http:// or https://.")
		}
		load(form.URL, set.load)
	}
	if len(articles) == 0 && len(problems) == 0 {
		return nil, nil, errors.New("Nothing to check: paste an article, upload a file or give an address.")
	}
	return articles, problems, nil
}

func readUpload(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// page writes a page of the web scorecard.
func (s *Server) page(w http.ResponseWriter, status int, p report.HTMLPage, set *Set) {
	var buf bytes.Buffer
	if err := report.WriteHTMLPage(&buf, p, set.report); err != nil {
		fail(w, http.StatusInternalServerError, "writing the page: "+err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", uiPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	// A checked page holds the article: no cache keeps it.
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
