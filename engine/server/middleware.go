package server

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/rs/cors"
)

// requestInfo is what a handler tells the request's log line: counts,
// never the article's text.
type requestInfo struct {
	articles, inputErrors int
}

type infoKey struct{}

// logArticles records a request's counts for its log line.
func logArticles(r *http.Request, articles, inputErrors int) {
	if info, ok := r.Context().Value(infoKey{}).(*requestInfo); ok {
		info.articles, info.inputErrors = articles, inputErrors
	}
}

// statusWriter remembers the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// instrument counts, times and logs each request of an endpoint.
func (s *Server) instrument(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inFlight.Inc()
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), infoKey{}, info)))
		s.metrics.inFlight.Dec()
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		elapsed := time.Since(start)
		s.metrics.observe(name, sw.status, elapsed)
		level := slog.LevelInfo
		if name == "healthz" || name == "readyz" {
			level = slog.LevelDebug // probes come every few seconds
		}
		attrs := []slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", sw.status),
			slog.Duration("duration", elapsed), slog.Int("bytes", sw.bytes), slog.String("remote", r.RemoteAddr)}
		if name == "check" || name == "story" || name == "form" {
			attrs = append(attrs, slog.Int64("body", r.ContentLength), slog.Int("articles", info.articles), slog.Int("input_errors", info.inputErrors))
		}
		s.log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// auth lets through the requests that carry the bearer token, when one
// is set.
func (s *Server) auth(next http.Handler) http.Handler {
	if s.opts.Token == "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			next.ServeHTTP(w, r) // a browser's preflight carries no credentials
			return
		}
		if got, ok := bearer(r); !ok || !s.tokenMatches(got) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="credcheck"`)
			fail(w, http.StatusUnauthorized, "missing or wrong bearer token (Authorization: Bearer TOKEN, the token of --token-file)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearer is the token of the request's Authorization header; the
// scheme's name is case-insensitive (RFC 9110 section 11.1).
func bearer(r *http.Request) (string, bool) {
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(got), true
}

// tokenMatches compares a token given with the server's in constant time.
func (s *Server) tokenMatches(got string) bool {
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) == 1
}

// limit evaluates at most Concurrency requests at once and answers the
// others 429 at once: queued, they would only wait out their deadline
// while the client's own timeout runs.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, ok := s.acquire(w)
		if !ok {
			fail(w, http.StatusTooManyRequests, "the server is checking as many requests as it takes at once (--concurrency); retry shortly")
			return
		}
		defer release()
		next.ServeHTTP(w, r)
	})
}

// acquire takes one of the Concurrency slots the API and the web page
// share; when none is free it counts the refusal and sets Retry-After, and
// the caller answers 429 in its own form.
func (s *Server) acquire(w http.ResponseWriter) (release func(), ok bool) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, true
	default:
		s.metrics.saturated.Inc()
		w.Header().Set("Retry-After", "1")
		return nil, false
	}
}

// cors lets the configured origins' pages call the API from a browser;
// with none configured no CORS header is ever sent.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.opts.CORSOrigins) == 0 {
		return next
	}
	return cors.New(cors.Options{
		AllowedOrigins: s.opts.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Authorization", "Content-Type"},
		MaxAge:         600,
	}).Handler(next)
}
