// Package server answers credcheck's HTTP API (credcheck serve): a
// content system's pre-publish hook posts an article and gets the same
// JSON report check --format json writes for it, byte for byte. The
// policies, data and configuration are loaded once into a Set and, when
// watched, reloaded whole and swapped in atomically; a reload that fails
// leaves the last good Set serving. Requests are bounded in body size,
// evaluation time and number at once; the server keeps no state between
// requests, so any number of copies can stand behind a load balancer.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credcheck/credcheck/engine/watch"
)

// Defaults of the limits, which credcheck serve's flags start from.
const (
	DefaultAddr         = "127.0.0.1:8080"
	DefaultMaxBody      = 16 << 20
	DefaultDeadline     = 30 * time.Second
	DefaultReadTimeout  = 30 * time.Second
	DefaultWriteTimeout = 60 * time.Second
	DefaultIdleTimeout  = 120 * time.Second
	DefaultShutdown     = 30 * time.Second
)

// Options configure a Server; zero values take the defaults.
type Options struct {
	// Load builds a Set from the configuration as it is now: at start and
	// on each reload.
	Load func(ctx context.Context) (*Set, error)
	// Watch reloads the Set when one of the files it was loaded from
	// changes, polling at WatchInterval.
	Watch         bool
	WatchInterval time.Duration
	// Token, when set, is the bearer token every /v1/ request must carry.
	Token string
	// CORSOrigins are the browser origins allowed to call the API; none
	// by default, so no page of another site can.
	CORSOrigins []string
	// MaxBody is the largest request body, in bytes.
	MaxBody int64
	// Deadline bounds the evaluation of one request.
	Deadline time.Duration
	// Concurrency is how many check or story requests are evaluated at
	// once; more are answered 429 at once rather than queued.
	Concurrency int
	// The connection timeouts of net/http.Server.
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout bounds how long in-flight requests may take to
	// finish once the server is asked to stop.
	ShutdownTimeout time.Duration
	// Logger gets one line per request (never the article's text) and
	// the reloads; nil discards them.
	Logger *slog.Logger
}

// Server is credcheck's HTTP API.
type Server struct {
	opts    Options
	set     atomic.Pointer[Set]
	reload  atomic.Pointer[reloadState]
	slots   chan struct{}
	stop    atomic.Bool
	metrics *metrics
	log     *slog.Logger
	watcher *watch.Watcher
}

// reloadState is the outcome of the last reload, for /readyz.
type reloadState struct {
	at  time.Time
	err error
}

// New loads the first Set; a configuration or policy that cannot be
// loaded stops the server before it listens.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Load == nil {
		return nil, errors.New("server: no loader")
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Deadline <= 0 {
		opts.Deadline = DefaultDeadline
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = runtime.GOMAXPROCS(0)
	}
	if opts.ReadTimeout <= 0 {
		opts.ReadTimeout = DefaultReadTimeout
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = DefaultWriteTimeout
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = DefaultIdleTimeout
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = DefaultShutdown
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	set, err := opts.Load(ctx)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, slots: make(chan struct{}, opts.Concurrency), metrics: newMetrics(), log: log}
	s.set.Store(set)
	s.reload.Store(&reloadState{at: set.loaded})
	s.metrics.reloadOK.Set(1)
	if opts.Watch {
		// The first snapshot is taken right after the first load, so that
		// no edit made from then on goes unseen.
		if s.watcher, err = watch.New(ctx, set.WatchRoots(), watch.Options{Interval: opts.WatchInterval}); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Registry holds the server's metrics, for tests and embedding.
func (s *Server) Registry() *prometheus.Registry { return s.metrics.registry }

// Serve answers on ln until ctx ends, then stops taking requests, lets
// those in flight finish (within ShutdownTimeout) and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: min(s.opts.ReadTimeout, 10*time.Second),
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       s.opts.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if s.watcher != nil {
		go s.watch(ctx, s.watcher, s.set.Load().WatchRoots())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Not ready from here on, so that a load balancer still polling
	// /readyz sends nothing new while the requests in flight finish.
	s.stop.Store(true)
	s.log.Info("shutting down", "grace", s.opts.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler routes the API. The probes and the metrics need no token: a
// kubelet or a scraper has none, and they say nothing about articles.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern, name string, h http.HandlerFunc, limited bool) {
		var handler http.Handler = h
		if limited {
			handler = s.limit(handler)
		}
		handler = s.cors(s.auth(handler))
		mux.Handle(pattern, s.instrument(name, handler))
	}
	api("POST /v1/check", "check", s.handleCheck, true)
	api("POST /v1/story", "story", s.handleStory, true)
	api("GET /v1/rules", "rules", s.handleRules, false)
	api("GET /v1/rules/{id}", "rule", s.handleRule, false)
	api("OPTIONS /v1/", "preflight", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }, false)
	// The web scorecard: the form needs no token (it shows nothing), its
	// posts carry one in the form when the server has one (ui.go).
	mux.Handle("GET /{$}", s.instrument("page", http.HandlerFunc(s.handlePage)))
	mux.Handle("POST /{$}", s.instrument("form", http.HandlerFunc(s.handleForm)))
	mux.Handle("GET /healthz", s.instrument("healthz", http.HandlerFunc(s.handleHealth)))
	mux.Handle("GET /readyz", s.instrument("readyz", http.HandlerFunc(s.handleReady)))
	mux.Handle("GET /metrics", s.metrics.handler())
	return mux
}
