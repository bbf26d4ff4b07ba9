// Command loadserve is credcheck serve's load test (docs/performance.md):
// it starts `credcheck serve` on a free loopback port, posts one
// news-length article to /v1/check from as many workers as the server
// evaluates requests at once, for a bounded time, and prints the requests
// per second, the latency percentiles, the status codes and the server's
// resident memory at the start, middle and end of the run.
//
//	go build -o /tmp/credcheck ./cmd/credcheck
//	go run ./scripts/loadserve -bin /tmp/credcheck -duration 30s
//
// It exits 1 when any request fails other than by the documented 429, or
// when the answers to the same article differ; scripts/load-serve.sh
// builds the binary and runs it. The attack itself is vegeta's, as a
// library: its closed loop of workers, its latency estimates and its
// status counts.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	os.Exit(run())
}

func run() int {
	var (
		bin         = flag.String("bin", "credcheck", "credcheck binary to serve with")
		articlePath = flag.String("article", "fixtures/testdata/load/port-merger-wire.md", "article posted by every request (Markdown)")
		duration    = flag.Duration("duration", 30*time.Second, "how long the load lasts (at most 10m)")
		warmup      = flag.Duration("warmup", 2*time.Second, "load before the measured run, not counted")
		concurrency = flag.Int("concurrency", runtime.NumCPU(), "the server's --concurrency")
		workers     = flag.Int("workers", 0, "requests kept in flight (default: --concurrency, the server's limit)")
		sample      = flag.Duration("sample", time.Second, "how often the server's resident memory is read")
	)
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: loadserve [flags] [-- extra credcheck serve flags]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *duration <= 0 || *duration > 10*time.Minute {
		return die("-duration must be between 0 and 10m, not %s", *duration)
	}
	if *concurrency < 1 {
		return die("-concurrency must be positive, not %d", *concurrency)
	}
	if *workers == 0 {
		*workers = *concurrency
	}
	if *workers < 1 || *workers > 256 {
		return die("-workers must be between 1 and 256, not %d", *workers)
	}
	text, err := os.ReadFile(*articlePath)
	if err != nil {
		return die("-article: %v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := startServe(ctx, *bin, append([]string{"--concurrency", fmt.Sprint(*concurrency), "--log-level", "warn"}, flag.Args()...))
	if err != nil {
		return die("%v", err)
	}
	defer srv.kill()
	plan := Plan{URL: srv.url, PID: srv.pid, Article: text, Path: *articlePath, Workers: *workers,
		Duration: *duration, Warmup: *warmup, Sample: *sample}
	res, err := Run(ctx, plan)
	if err != nil {
		return die("%v", err)
	}
	exit := srv.terminate()
	fmt.Print(res.Markdown(plan, *concurrency))
	code := 0
	if exit != nil {
		fmt.Printf("\nFAIL: credcheck serve after SIGTERM: %v\n%s", exit, srv.tail())
		code = 1
	}
	if problems := res.Problems(); len(problems) > 0 {
		for _, p := range problems {
			fmt.Printf("\nFAIL: %s", p)
		}
		fmt.Println()
		code = 1
	}
	return code
}

func die(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "loadserve: "+format+"\n", args...)
	return 2
}

// serveProcess is the credcheck serve process under load.
type serveProcess struct {
	cmd  *exec.Cmd
	url  string
	pid  int
	done chan error
	// exited is set once the process has been waited for.
	exited atomic.Bool
	logs   *lines
}

var servingLine = regexp.MustCompile(`^credcheck: serving on (http://127\.0\.0\.1:\d+)$`)

// startServe runs bin serve on a free loopback port and waits for the
// address it prints.
func startServe(ctx context.Context, bin string, args []string) (*serveProcess, error) {
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Stdout = os.Stderr
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %v", bin, err)
	}
	s := &serveProcess{cmd: cmd, pid: cmd.Process.Pid, done: make(chan error, 1), logs: &lines{}}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			s.logs.add(sc.Text())
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		_, _ = io.Copy(io.Discard, pipe)
		err := cmd.Wait()
		s.exited.Store(true)
		s.done <- err
	}()
	select {
	case s.url = <-addr:
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("credcheck serve exited (%v) before serving:\n%s", err, s.logs.tail())
	case <-ctx.Done():
		s.kill()
		return nil, ctx.Err()
	case <-time.After(2 * time.Minute):
		s.kill()
		return nil, errors.New("credcheck serve printed no address within 2 minutes")
	}
}

// terminate stops the server as a platform does, with SIGTERM, and
// returns how it exited.
func (s *serveProcess) terminate() error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-s.done:
		return err
	case <-time.After(time.Minute):
		s.kill()
		return errors.New("still running a minute after SIGTERM")
	}
}

func (s *serveProcess) kill() {
	if !s.exited.Load() {
		_ = s.cmd.Process.Kill()
	}
}

func (s *serveProcess) tail() string { return s.logs.tail() }
