package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Plan is one load run against a server already listening.
type Plan struct {
	// URL is the server's base address; PID its process, whose memory
	// and CPU time are read from /proc.
	URL string
	PID int
	// Article is posted, as Markdown reported under Path, by every
	// request.
	Article []byte
	Path    string
	// Workers is how many requests are kept in flight: each worker sends
	// its next request as soon as the last is answered.
	Workers int
	// Duration is the measured run, after Warmup.
	Duration, Warmup time.Duration
	// Sample is how often the server's memory is read.
	Sample time.Duration
}

// Sample is the server's state at one moment of the run.
type Sample struct {
	At  time.Duration // since the measured run began
	RSS int64         // resident memory, bytes
}

// Result is what a run measured.
type Result struct {
	Metrics vegeta.Metrics
	// OK are the latencies of the 200 answers alone: a 429 is answered
	// at once and would flatter the percentiles.
	OK vegeta.LatencyMetrics
	// Other are the requests that failed other than by 429: transport
	// errors and any other status, by reason.
	Other map[string]int
	// Answers counts the distinct bodies of the 200 answers; the same
	// article must get the same bytes every time.
	Answers int
	// Idle is the server's memory before the warm-up; Samples during the
	// measured run, the first at its start and the last at its end.
	Idle    Sample
	Samples []Sample
	// CPU is the server's user and system time over the measured run.
	CPU time.Duration
	// Load is the machine's load average (1 min) at the start and end.
	Load [2]string
}

// Run warms the server up, then loads it for plan.Duration.
func Run(ctx context.Context, plan Plan) (*Result, error) {
	body, err := json.Marshal(map[string]string{"text": string(plan.Article), "format": "markdown", "path": plan.Path})
	if err != nil {
		return nil, err
	}
	target := vegeta.Target{Method: http.MethodPost, URL: plan.URL + "/v1/check", Body: body,
		Header: http.Header{"Content-Type": []string{"application/json"}}}
	// The first answer is the one every later answer must equal.
	resp, err := http.Post(target.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("first request: %v", err)
	}
	first := new(bytes.Buffer)
	_, _ = first.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("first request: status %d: %.300s", resp.StatusCode, first)
	}
	res := &Result{Other: map[string]int{}}
	if res.Idle.RSS, err = rss(plan.PID); err != nil {
		return nil, err
	}
	if plan.Warmup > 0 {
		for range attack(ctx, target, plan.Workers, plan.Warmup) {
		}
	}
	res.Load[0] = loadAverage()
	cpu0, err := cpuTime(plan.PID)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	var samples []Sample
	var sampleErr error
	sampled := make(chan struct{})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(sampled)
		tick := time.NewTicker(plan.Sample)
		defer tick.Stop()
		for {
			m, err := rss(plan.PID)
			if err != nil {
				sampleErr = err
				return
			}
			samples = append(samples, Sample{At: time.Since(start), RSS: m})
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	want := sha256.Sum256(first.Bytes())
	distinct := map[[32]byte]bool{want: true}
	for r := range attack(ctx, target, plan.Workers, plan.Duration) {
		res.Metrics.Add(r)
		switch {
		case r.Error == "" && r.Code == http.StatusOK:
			distinct[sha256.Sum256(r.Body)] = true
			res.OK.Add(r.Latency)
		case r.Code == http.StatusTooManyRequests:
		default:
			res.Other[fmt.Sprintf("%d %s", r.Code, r.Error)]++
		}
	}
	res.Metrics.Close()
	cpu1, err := cpuTime(plan.PID)
	if err != nil {
		return nil, err
	}
	end, _ := rss(plan.PID)
	cancel()
	<-sampled
	if sampleErr != nil {
		return nil, sampleErr
	}
	res.Samples = append(samples, Sample{At: time.Since(start), RSS: end})
	res.CPU = cpu1 - cpu0
	res.Answers = len(distinct)
	res.Load[1] = loadAverage()
	return res, nil
}

// attack keeps workers requests in flight for d: vegeta's closed loop,
// with the pacer unbounded and no worker added beyond the first ones.
func attack(ctx context.Context, target vegeta.Target, workers int, d time.Duration) <-chan *vegeta.Result {
	a := vegeta.NewAttacker(vegeta.Workers(uint64(workers)), vegeta.MaxWorkers(uint64(workers)),
		vegeta.KeepAlive(true), vegeta.Connections(workers), vegeta.Timeout(time.Minute), vegeta.Redirects(vegeta.NoFollow))
	results := a.Attack(vegeta.NewStaticTargeter(target), vegeta.ConstantPacer{}, d, "credcheck-load")
	go func() {
		<-ctx.Done()
		a.Stop()
	}()
	return results
}

// Problems are the reasons the run fails the load test's bar.
func (r *Result) Problems() []string {
	var out []string
	keys := make([]string, 0, len(r.Other))
	for k := range r.Other {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, fmt.Sprintf("%d requests failed other than by 429: %s", r.Other[k], k))
	}
	if r.Answers > 1 {
		out = append(out, fmt.Sprintf("the same article got %d different answers", r.Answers))
	}
	if r.Metrics.Requests == 0 {
		out = append(out, "no request was answered")
	}
	return out
}

// Middle is the sample nearest the middle of the run.
func (r *Result) Middle() Sample {
	if len(r.Samples) == 0 {
		return Sample{}
	}
	half := r.Samples[len(r.Samples)-1].At / 2
	best := r.Samples[0]
	for _, s := range r.Samples {
		if (s.At - half).Abs() < (best.At - half).Abs() {
			best = s
		}
	}
	return best
}

// Markdown is the run's report, as pasted into docs/performance.md.
func (r *Result) Markdown(plan Plan, concurrency int) string {
	m := r.Metrics
	var b strings.Builder
	codes := make([]string, 0, len(m.StatusCodes))
	for code, n := range m.StatusCodes {
		codes = append(codes, fmt.Sprintf("%s × %d", code, n))
	}
	slices.Sort(codes)
	peak := int64(0)
	for _, s := range r.Samples {
		peak = max(peak, s.RSS)
	}
	first, last := Sample{}, Sample{}
	if len(r.Samples) > 0 {
		first, last = r.Samples[0], r.Samples[len(r.Samples)-1]
	}
	ok := float64(m.StatusCodes["200"])
	fmt.Fprintf(&b, "| measure | value |\n|---|---|\n")
	fmt.Fprintf(&b, "| article | %s (%d words) |\n", plan.Path, len(strings.Fields(string(plan.Article))))
	fmt.Fprintf(&b, "| server concurrency, requests in flight | %d, %d |\n", concurrency, plan.Workers)
	fmt.Fprintf(&b, "| duration (after %s warm-up) | %s |\n", plan.Warmup, m.Duration.Round(time.Millisecond))
	fmt.Fprintf(&b, "| requests | %d |\n", m.Requests)
	fmt.Fprintf(&b, "| requests/s (answered 200/s) | %.1f (%.1f) |\n", m.Rate, ok/max(m.Duration.Seconds(), 1e-9))
	fmt.Fprintf(&b, "| latency of 200 answers p50 / p90 / p99 / max | %s / %s / %s / %s |\n",
		ms(r.OK.Quantile(.5)), ms(r.OK.Quantile(.9)), ms(r.OK.Quantile(.99)), ms(r.OK.Max))
	if len(m.StatusCodes) > 1 {
		fmt.Fprintf(&b, "| latency of all answers p50 / p99 | %s / %s |\n", ms(m.Latencies.P50), ms(m.Latencies.P99))
	}
	fmt.Fprintf(&b, "| status codes | %s |\n", strings.Join(codes, ", "))
	fmt.Fprintf(&b, "| failed other than by 429 | %d |\n", sum(r.Other))
	fmt.Fprintf(&b, "| distinct 200 answers | %d |\n", r.Answers)
	fmt.Fprintf(&b, "| server CPU time (per request) | %.1f s (%s) |\n", r.CPU.Seconds(), ms(r.CPU/time.Duration(max(m.Requests, 1))))
	fmt.Fprintf(&b, "| server RSS idle / start / middle / end / peak | %s / %s / %s / %s / %s |\n",
		mib(r.Idle.RSS), mib(first.RSS), mib(r.Middle().RSS), mib(last.RSS), mib(peak))
	fmt.Fprintf(&b, "| machine load average (1 min), start / end | %s / %s (%d CPUs) |\n", r.Load[0], r.Load[1], runtime.NumCPU())
	return b.String()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// rss reads a process's resident memory from /proc/PID/status.
func rss(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("reading the server's memory: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// cpuTime reads a process's user and system time from /proc/PID/stat,
// counted in the kernel's clock ticks of 1/100 s.
func cpuTime(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("reading the server's CPU time: %v", err)
	}
	// The command name, in parentheses, may hold spaces: fields count
	// from the last ')'.
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: bad CPU times", pid)
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

// lines keeps the last lines a process wrote, for its failure message.
type lines struct {
	mu   sync.Mutex
	last []string
}

func (l *lines) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last = append(l.last, s); len(l.last) > 20 {
		l.last = l.last[1:]
	}
}

func (l *lines) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.last, "\n")
}
