package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/credcheck/credcheck/engine/watch"
)

// watch reloads the Set whenever one of the files it was loaded from
// changes, until ctx ends. A reload that fails is logged and shown on
// /readyz and in credcheck_config_last_reload_successful, and the last
// good Set goes on serving; the files it came from stay watched, so that
// fixing them reloads.
func (s *Server) watch(ctx context.Context, w *watch.Watcher, roots []watch.Root) {
	s.log.Info("watching the policies and configuration", "paths", len(roots))
	for {
		changes, err := w.Next(ctx)
		if err != nil {
			return
		}
		s.log.Info("reloading", "changed", changes[0].Path, "files", len(changes))
		set, err := s.opts.Load(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			s.reload.Store(&reloadState{at: time.Now(), err: err})
			s.metrics.reloads.WithLabelValues("failure").Inc()
			s.metrics.reloadOK.Set(0)
			s.log.Error("reload failed; still serving the policies loaded before", "error", err.Error(),
				"loaded", s.set.Load().loaded.Format(time.RFC3339))
			continue
		}
		s.set.Store(set)
		s.reload.Store(&reloadState{at: set.loaded})
		s.metrics.reloads.WithLabelValues("success").Inc()
		s.metrics.reloadOK.Set(1)
		s.log.Info("reloaded", "rules", len(set.checker.Policies.Rules))
		if next := set.WatchRoots(); rootKeys(next) != rootKeys(roots) {
			// The configuration now names other policy directories or
			// files; a new snapshot starts from the set just loaded.
			if w, err = watch.New(ctx, next, watch.Options{Interval: s.opts.WatchInterval}); err != nil {
				return
			}
			roots = next
		}
	}
}

// readiness is the body of /readyz.
type readiness struct {
	Ready bool `json:"ready"`
	// Loaded is when the set being served was loaded.
	Loaded string `json:"loaded"`
	Rules  int    `json:"rules"`
	// ReloadError says why the last reload failed, while the server goes
	// on serving the set loaded before it.
	ReloadError string `json:"reload_error,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// handleReady answers 200 while the server takes requests, with a
// reload's failure in the body: the last good set still answers
// correctly, and taking every copy out of a load balancer because one
// edit broke would stop the service. It answers 503 once shutting down.
func (s *Server) handleReady(w http.ResponseWriter, _ *http.Request) {
	set := s.set.Load()
	body := readiness{Ready: true, Loaded: set.loaded.UTC().Format(time.RFC3339), Rules: len(set.checker.Policies.Rules)}
	if st := s.reload.Load(); st.err != nil {
		body.ReloadError = st.err.Error()
	}
	status := http.StatusOK
	if s.stop.Load() {
		body.Ready, body.Reason, status = false, "shutting down", http.StatusServiceUnavailable
	}
	b, _ := json.Marshal(body)
	writeJSON(w, status, append(b, '\n'))
}

// handleHealth answers 200 while the process can answer at all.
func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}
