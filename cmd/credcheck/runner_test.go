package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/credcheck/credcheck/engine/gcpace"
)

// Most tests run the command line many hundreds of times, and a fresh
// process spends nine tenths of a small run compiling the built-in
// policies. So those runs go to a runner process instead: the test
// binary started again as a runner (TestMain), which executes run(args),
// the command tree main executes, one command line at a time, each in its
// own working directory, with its own environment and standard streams as
// a process of its own would have, and keeps the compiled policies
// between runs (policy.Load shares a built-in set per options). Reports
// name the version the built binary names. What needs a process of its
// own (signals, a terminal, another user, the built binary's own
// version) still runs the binary.

// runnerEnv marks a test binary started as a runner; its value is the
// version the runner's reports name.
const runnerEnv = "CREDCHECK_TEST_RUNNER"

type runRequest struct {
	Dir, Stdin string
	Env, Args  []string
}

type runResponse struct {
	Code           int
	Stdout, Stderr string
	// Panic is a panic run raised, with its stack; the binary would have
	// died with it.
	Panic string
}

// serveRuns is a runner's life: it reads requests from file descriptor 3
// and answers on 4 until the test process closes them.
func serveRuns(v string) int {
	version = v
	if os.Getenv("GOGC") == "" {
		// A runner keeps every policy set it compiled (up to sixteen), a
		// live heap no run of the binary keeps, under which gcpace would
		// fall back to the default pace and collect several times as
		// often; the runner keeps the pace the binary has while its heap
		// is small.
		debug.SetGCPercent(gcpace.MaxPercent)
	}
	in, out := os.NewFile(3, "requests"), os.NewFile(4, "responses")
	dec, enc := gob.NewDecoder(in), gob.NewEncoder(out)
	for {
		var req runRequest
		if err := dec.Decode(&req); err != nil {
			if err == io.EOF {
				return 0
			}
			fmt.Fprintln(os.Stderr, "runner:", err)
			return 1
		}
		if err := enc.Encode(runOne(req)); err != nil {
			fmt.Fprintln(os.Stderr, "runner:", err)
			return 1
		}
	}
}

// runOne gives run the process state the binary would have: working
// directory, environment (PWD set as exec sets it) and standard streams,
// stdin a pipe holding the request's input, stdout and stderr pipes.
func runOne(req runRequest) (resp runResponse) {
	if err := os.Chdir(req.Dir); err != nil {
		return runResponse{Panic: err.Error()}
	}
	os.Clearenv()
	for _, kv := range append([]string{"PWD=" + req.Dir}, req.Env...) {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	inR, inW, err1 := os.Pipe()
	outR, outW, err2 := os.Pipe()
	errR, errW, err3 := os.Pipe()
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return runResponse{Panic: err.Error()}
		}
	}
	go func() {
		io.WriteString(inW, req.Stdin)
		inW.Close()
	}()
	var stdout, stderr bytes.Buffer
	var drained sync.WaitGroup
	drained.Go(func() { io.Copy(&stdout, outR) })
	drained.Go(func() { io.Copy(&stderr, errR) })
	saved := [3]*os.File{os.Stdin, os.Stdout, os.Stderr}
	os.Stdin, os.Stdout, os.Stderr = inR, outW, errW
	defer func() {
		os.Stdin, os.Stdout, os.Stderr = saved[0], saved[1], saved[2]
		outW.Close()
		errW.Close()
		drained.Wait()
		inR.Close()
		outR.Close()
		errR.Close()
		if p := recover(); p != nil {
			resp.Panic = fmt.Sprintf("%v\n%s", p, debug.Stack())
		}
		resp.Stdout, resp.Stderr = stdout.String(), stderr.String()
	}()
	args := req.Args
	if args == nil {
		args = []string{} // nil would make cobra read the runner's own os.Args
	}
	resp.Code = run(args)
	return resp
}

// runner is one runner process as the test process sees it.
type runner struct {
	cmd *exec.Cmd
	req io.Closer
	enc *gob.Encoder
	dec *gob.Decoder
}

// runners are the runner processes: idle ones wait in idle; slots bounds
// how many exist. One: each runner compiles every policy set its runs ask
// for, so a second one compiles most of them again. With two, this
// package's tests took 3.5 CPU-seconds more (of about 40) and no less
// time, since its other work (builds, the binary's own runs) fills the
// second core; beside the other packages' tests every CPU-second counts.
var runners = struct {
	idle, slots chan *runner
	version     string
}{}

func startRunners(v string) {
	n := 1
	runners.idle = make(chan *runner, n)
	runners.slots = make(chan *runner, n)
	runners.version = v
}

// stopRunners ends the idle runners by closing their requests.
func stopRunners() {
	for {
		select {
		case r := <-runners.idle:
			r.req.Close()
			r.cmd.Wait()
		default:
			return
		}
	}
}

func newRunner() (*runner, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-test.run=^$")
	cmd.Env = append(os.Environ(), runnerEnv+"="+runners.version)
	cmd.ExtraFiles = []*os.File{reqR, respW}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	err = cmd.Start()
	reqR.Close()
	respW.Close()
	if err != nil {
		reqW.Close()
		respR.Close()
		return nil, err
	}
	return &runner{cmd: cmd, req: reqW, enc: gob.NewEncoder(reqW), dec: gob.NewDecoder(respR)}, nil
}

// takeRunner waits for an idle runner, or starts one while there are
// fewer than the slots.
func takeRunner(t *testing.T) *runner {
	t.Helper()
	select {
	case r := <-runners.idle:
		return r
	default:
	}
	select {
	case r := <-runners.idle:
		return r
	case runners.slots <- nil:
		r, err := newRunner()
		if err != nil {
			<-runners.slots
			t.Fatalf("starting a runner: %v", err)
		}
		return r
	}
}

// dropRunner ends a runner that died or overran, freeing its slot.
func dropRunner(r *runner) {
	r.cmd.Process.Kill()
	r.req.Close()
	r.cmd.Wait()
	<-runners.slots
}

// runInRunner runs the command line in dir with exactly env in a runner,
// failing the test when it has not ended within patience (0: no bound).
func runInRunner(t *testing.T, dir string, env []string, stdin string, patience time.Duration, args ...string) result {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := takeRunner(t)
	done := make(chan error, 1)
	var resp runResponse
	go func() {
		err := r.enc.Encode(runRequest{Dir: abs, Env: env, Stdin: stdin, Args: args})
		if err == nil {
			err = r.dec.Decode(&resp)
		}
		done <- err
	}()
	var timeout <-chan time.Time
	if patience > 0 {
		timer := time.NewTimer(patience)
		defer timer.Stop()
		timeout = timer.C
	}
	select {
	case err := <-done:
		if err != nil {
			dropRunner(r)
			t.Fatalf("credcheck %s: the runner died: %v", strings.Join(args, " "), err)
		}
	case <-timeout:
		dropRunner(r)
		t.Fatalf("credcheck %s: still running after %v", strings.Join(args, " "), patience)
	}
	runners.idle <- r
	if resp.Panic != "" {
		t.Fatalf("credcheck %s: %s", strings.Join(args, " "), resp.Panic)
	}
	return result{code: resp.Code, stdout: resp.Stdout, stderr: resp.Stderr}
}
