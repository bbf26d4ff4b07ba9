package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/safefile"
	"github.com/credcheck/credcheck/engine/server"
	"github.com/credcheck/credcheck/engine/watch"
)

func newServeCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Answer checks over HTTP, for content systems' pre-publish hooks",
		Long: `Answer checks over HTTP (docs/serve.md). POST /v1/check takes one article
as JSON ({"text": …} or {"html": …} or {"url": …}, with title, author, date,
outlet, format and path) or several as JSON Lines (Content-Type
application/x-ndjson) and answers the report check --format json writes for
them, byte for byte; POST /v1/story reads several articles as story mode;
GET /v1/rules and /v1/rules/{id} list and explain the rules; /healthz,
/readyz and /metrics (Prometheus) are for the platform. GET / is the web
scorecard: paste or upload articles and see them marked up, as check
--format html writes them (with --token-file its form asks for the token).

The policies, data and configuration are loaded once, as check loads them;
--watch reloads them when they change, and a reload that fails keeps the
last good set serving (said on /readyz and in the log). SIGTERM or Ctrl-C
stops taking requests and lets those in flight finish.`,
		Example: `  credcheck serve
  credcheck serve --addr 0.0.0.0:8080 --token-file /run/secrets/credcheck-token
  credcheck serve --watch --policy house-rules/`,
		Args: cobra.NoArgs,
		RunE: runServe,
	}
	f := cmd.Flags()
	f.String("addr", server.DefaultAddr, "address to listen on (host:port; port 0 picks a free one, printed on standard error)")
	f.Bool("watch", false, "reload the policies, data, configuration and baseline when they change")
	f.Duration("watch-interval", watch.DefaultInterval, "how often --watch looks for changes")
	_ = f.MarkHidden("watch-interval")
	f.String("token-file", "", "file holding the bearer token every /v1/ request must carry (none: no authentication)")
	f.StringArray("cors-origin", nil, "browser origin allowed to call the API, such as https://cms.example.org (repeatable; none by default)")
	f.Int64("max-body", server.DefaultMaxBody, "largest request body, in bytes (413 beyond)")
	f.Duration("deadline", server.DefaultDeadline, "longest evaluation of one request (503 beyond)")
	f.Int("concurrency", 0, "check and story requests evaluated at once, more answered 429 (default: one per CPU)")
	f.Duration("read-timeout", server.DefaultReadTimeout, "longest time to read a request")
	f.Duration("write-timeout", server.DefaultWriteTimeout, "longest time from the end of a request's headers to the end of its answer")
	f.Duration("idle-timeout", server.DefaultIdleTimeout, "how long an idle keep-alive connection stays open")
	f.Duration("shutdown-timeout", server.DefaultShutdown, "how long requests in flight may take to finish after SIGTERM")
	f.String("log-format", "text", "log lines on standard error: text or json")
	f.String("log-level", "info", "lowest level logged: debug (also the probes), info, warn or error")
	f.String("fail-level", "error", "lowest severity that sets summary.failed: error, warning, info or none")
	f.Float64("fail-under", 0, "set summary.failed when an article scores below this (0 turns it off)")
	f.String("baseline", "", "file of known findings, applied as check applies it")
	f.Int("workers", 0, "articles of one request checked at once (default: one per CPU)")
	f.String("language", "auto", "auto: leave articles not in English unscored, with a notice; en: take every article as English")
	f.String("json-indent", "auto", "json answers: auto or never (one line), or always (indented)")
	f.Bool("offline", false, "refuse articles named by url instead of fetching them")
	f.Duration("fetch-timeout", article.DefaultFetchTimeout, "longest wait for one page named by url, connection to last byte")
	addMaxBytesFlag(f)
	budgetFlags(f)
	return cmd
}

func runServe(cmd *cobra.Command, _ []string) error {
	flags := cmd.Flags()
	logger, err := serveLogger(cmd)
	if err != nil {
		return err
	}
	opts := server.Options{Logger: logger}
	opts.Watch, _ = flags.GetBool("watch")
	opts.WatchInterval, _ = flags.GetDuration("watch-interval")
	opts.CORSOrigins, _ = flags.GetStringArray("cors-origin")
	opts.MaxBody, _ = flags.GetInt64("max-body")
	opts.Deadline, _ = flags.GetDuration("deadline")
	opts.Concurrency, _ = flags.GetInt("concurrency")
	opts.ReadTimeout, _ = flags.GetDuration("read-timeout")
	opts.WriteTimeout, _ = flags.GetDuration("write-timeout")
	opts.IdleTimeout, _ = flags.GetDuration("idle-timeout")
	opts.ShutdownTimeout, _ = flags.GetDuration("shutdown-timeout")
	for _, name := range []string{"max-body", "deadline", "concurrency", "read-timeout", "write-timeout", "idle-timeout", "shutdown-timeout", "watch-interval", "fetch-timeout"} {
		if f := flags.Lookup(name); f.Changed && (strings.HasPrefix(f.Value.String(), "-") || f.Value.String() == "0" || f.Value.String() == "0s") {
			return fmt.Errorf("--%s must be positive, not %s", name, f.Value)
		}
	}
	if path, _ := flags.GetString("token-file"); path != "" {
		if opts.Token, err = readToken(path); err != nil {
			return err
		}
	}
	fetchTimeout, _ := flags.GetDuration("fetch-timeout")
	configFile, _ := configPath(cmd)
	opts.Load = func(ctx context.Context) (*server.Set, error) {
		cfg, err := settings(cmd)
		if err != nil {
			return nil, err
		}
		return server.NewSet(ctx, cfg, server.SetOptions{Version: toolVersion(), ConfigFile: configFile, FetchTimeout: fetchTimeout})
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := server.New(ctx, opts)
	if err != nil {
		return err
	}
	addr, _ := flags.GetString("addr")
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %v", addr, err)
	}
	// Tests and scripts that ask for port 0 read the port from this line.
	fmt.Fprintf(cmd.ErrOrStderr(), "credcheck: serving on http://%s\n", ln.Addr())
	return srv.Serve(ctx, ln)
}

// serveLogger is the server's structured log on standard error.
func serveLogger(cmd *cobra.Command) (*slog.Logger, error) {
	format, _ := cmd.Flags().GetString("log-format")
	levelName, _ := cmd.Flags().GetString("log-level")
	var level slog.Level
	if err := level.UnmarshalText([]byte(levelName)); err != nil {
		return nil, fmt.Errorf("--log-level must be debug, info, warn or error, not %q", levelName)
	}
	hopts := &slog.HandlerOptions{Level: level}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), hopts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), hopts)), nil
	}
	return nil, fmt.Errorf("--log-format must be text or json, not %q", format)
}

// readToken reads the bearer token: the file's first line, which must
// not be empty.
func readToken(path string) (string, error) {
	data, err := safefile.ReadFile(path, 4096)
	if err != nil {
		return "", fmt.Errorf("--token-file %s: %s", path, safefile.Reason(err))
	}
	token, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	if token = strings.TrimSpace(token); token == "" {
		return "", fmt.Errorf("--token-file %s: empty file; put the token on its first line", path)
	}
	return token, nil
}
