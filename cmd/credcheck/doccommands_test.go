package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestDocsCommands runs every shell command of README.md and docs/ (see
// docdirectives_test.go for how a block says what it expects) against the
// binary these tests built, the way a reader on a fresh clone would: each
// page in its own copy of the repository, a git repository with an
// origin/main as a clone has, its blocks in page order so that a file one
// block writes is there for the next, `credcheck` on PATH, nothing of the
// caller's environment but the Go toolchain's settings. Pages run in
// parallel; each command is bounded by docCommandLimit. It takes minutes,
// so it runs only when asked for (.ci/run asks), keeping the default
// `go test ./...` short.
func TestDocsCommands(t *testing.T) {
	if os.Getenv("CREDCHECK_DOC_COMMANDS") != "1" {
		t.Skip("runs the documented commands for minutes; run it with CREDCHECK_DOC_COMMANDS=1 go test ./cmd/credcheck -run TestDocsCommands -count=1")
	}
	t.Parallel()
	clone := docClone(t)
	var ran, skipped int
	var mu sync.Mutex
	t.Cleanup(func() { t.Logf("%d documented commands ran, %d skipped", ran, skipped) })
	for _, name := range docPages(t) {
		page := readDocPage(t, name)
		var blocks []docBlock
		for _, f := range page.fences() {
			b, ok, err := readBlock(name, f)
			if err != nil {
				t.Error(err)
			} else if ok {
				blocks = append(blocks, b)
			}
		}
		if len(blocks) == 0 {
			continue
		}
		if !runnable(blocks) {
			for _, b := range blocks {
				skipped += len(b.commands)
			}
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newDocSession(t, clone)
			for _, b := range blocks {
				if b.file != "" {
					write(t, filepath.Join(s.dir, filepath.FromSlash(b.file)), b.content)
					continue
				}
				r, k := s.run(t, b)
				mu.Lock()
				ran, skipped = ran+r, skipped+k
				mu.Unlock()
			}
		})
	}
}

// runnable tells whether a page has a command to run.
func runnable(blocks []docBlock) bool {
	for _, b := range blocks {
		for _, c := range b.commands {
			if b.skip == "" && c.skip == "" {
				return true
			}
		}
	}
	return false
}

// docCommandLimit bounds one command; go install links the whole binary,
// which on a loaded machine takes a while. A command that runs the Go
// toolchain gets goCommandLimit: on a fresh machine it first downloads
// and compiles every module it needs (the pipeline's Beam, the Windows
// build's own packages), minutes of work the reader waits through too.
const (
	docCommandLimit = 90 * time.Second
	goCommandLimit  = 10 * time.Minute
)

// goToolchain finds a go command that builds: go build, install, run,
// test, vet, generate or get, at the start of the line or after a shell
// separator or an environment assignment.
var goToolchain = regexp.MustCompile(`(^|[\s(;&|])go (build|install|run|test|vet|generate|get)\b`)

// commandLimit is how long the command line may run.
func commandLimit(line string) time.Duration {
	if goToolchain.MatchString(line) {
		return goCommandLimit
	}
	return docCommandLimit
}

// docStandIns make the files README.md says stand for the reader's own
// ("story.md, articles/, house-rules/ and the .jsonl corpora"), from the
// repository's fixtures, in the working directory of a session.
var docStandIns = map[string]string{
	"story.md":                   "cp fixtures/clean-council-budget.md story.md",
	"articles/":                  "mkdir -p articles/desk && cp fixtures/clean-*.md fixtures/clean-earnings.txt articles/ && cp fixtures/well-sourced-harbour.md articles/desk/story.md",
	"house-rules/":               "credcheck policy new hedge/house-example --dir house-rules >/dev/null",
	"labelled.jsonl":             "cp fixtures/testdata/eval/spans.jsonl labelled.jsonl",
	"labelled/":                  "mkdir -p labelled && cp fixtures/testdata/eval/spans.jsonl labelled/",
	"news.jsonl":                 "cp fixtures/testdata/eval/credibility.jsonl news.jsonl",
	"mine.jsonl":                 "sed 's/\"reliable\"/\"credible\"/' fixtures/testdata/eval/credibility.jsonl > mine.jsonl",
	"hedge-conll2010.jsonl":      "cp fixtures/testdata/eval/hedge.jsonl hedge-conll2010.jsonl",
	"machine-xsum-*.jsonl":       "cp fixtures/testdata/eval/machine.jsonl machine-xsum-sample.jsonl",
	"attribution-polnear.jsonl":  "cp fixtures/testdata/eval/attribution.jsonl attribution-polnear.jsonl",
	"credibility-recovery.jsonl": "cp fixtures/testdata/eval/credibility.jsonl credibility-recovery.jsonl",

	// Article–summary pairs in the SummEdits layout (--task consistency).
	"contradiction-summedits.jsonl": "cp fixtures/testdata/eval/consistency.jsonl contradiction-summedits.jsonl",

	"accuracy.json": "credcheck eval --format json labelled/*.jsonl > accuracy.json",
	// The public corpora docs/accuracy.md measures on, beside the clone,
	// stood in for by the small files of the same shapes the eval tests use.
	"../shared/eval/": "mkdir -p ../shared/eval && cd fixtures/testdata/eval && " +
		"cp hedge.jsonl ../../../../shared/eval/hedge-conll2010.jsonl && " +
		"cp machine.jsonl ../../../../shared/eval/machine-xsum-gpt-3.5-turbo.jsonl && " +
		"cp machine.jsonl ../../../../shared/eval/machine-xsum-davinci.jsonl && " +
		"cp attribution.jsonl ../../../../shared/eval/attribution-polnear.jsonl && " +
		"cp credibility.jsonl ../../../../shared/eval/credibility-recovery.jsonl && " +
		"cp consistency.jsonl ../../../../shared/eval/contradiction-summedits.jsonl && " +
		"cd ../../../ && " + extractionStandIn("../shared/eval/extraction"),
	// A directory in the article-extraction benchmark's layout, of one
	// saved page of the fixtures.
	"extraction/": extractionStandIn("extraction"),
	// The seed articles docs/story.md works through, kept outside the
	// repository, stood in for by a story of the fixtures told four times.
	"../shared/seeds/": "mkdir -p ../shared/seeds && for f in fixtures/testdata/stories/one-report/*.md; do " +
		`cp "$f" "../shared/seeds/$(basename "$f" .md).txt"; done`,
}

// extractionStandIn makes dir a benchmark directory (html/KEY.html.gz and
// ground-truth.json) of the fixtures' saved web page.
func extractionStandIn(dir string) string {
	return fmt.Sprintf("mkdir -p %[1]s/html && gzip -c fixtures/ferry-route-page.html > %[1]s/html/ferry.html.gz && "+
		`printf '{"ferry": {"articleBody": "The Northshore Port Authority is studying a second ferry route to Kessel Island, its chair said on Monday."}}' > %[1]s/ground-truth.json`, dir)
}

var (
	docCloneOnce sync.Once
	docCloneDir  string
	docCloneErr  error
)

// docClone is the repository as a fresh clone has it: the files git
// tracks (and new ones it does not ignore), committed, with origin/main at
// that commit. Pages copy it.
func docClone(t *testing.T) string {
	t.Helper()
	docCloneOnce.Do(func() {
		docCloneDir, docCloneErr = makeDocClone()
	})
	if docCloneErr != nil {
		t.Fatal(docCloneErr)
	}
	return docCloneDir
}

func makeDocClone() (string, error) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		return "", err
	}
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		return "", fmt.Errorf("listing the repository's files: %v", err)
	}
	dir := filepath.Join(filepath.Dir(binary), "clone")
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		info, err := os.Lstat(src)
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		} else if err != nil {
			return "", err
		}
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", err
		}
		if info.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink(src)
			if err == nil {
				err = os.Symlink(target, dst)
			}
			if err != nil {
				return "", err
			}
			continue
		}
		data, err := os.ReadFile(src)
		if err == nil {
			err = os.WriteFile(dst, data, info.Mode().Perm())
		}
		if err != nil {
			return "", err
		}
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "user.name=doc-test", "-c", "user.email=doc-test@example.invalid", "commit", "-q", "--no-verify", "-m", "clone"},
		{"update-ref", "refs/remotes/origin/main", "HEAD"},
		// One pack instead of a file per object: each page copies the clone.
		{"repack", "-a", "-d", "-q"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "GIT_CONFIG_NOSYSTEM=1"}
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir, nil
}

// docSession is a page's terminal: its copy of the repository and its
// environment.
type docSession struct {
	dir, scratch string
	env          []string
	blocks       int
}

func newDocSession(t *testing.T, clone string) *docSession {
	t.Helper()
	home := t.TempDir()
	s := &docSession{dir: filepath.Join(home, "credcheck"), scratch: t.TempDir()}
	if err := os.CopyFS(s.dir, os.DirFS(clone)); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(home, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(binary, filepath.Join(bin, "credcheck")); err != nil {
		t.Fatal(err)
	}
	s.env = []string{
		"HOME=" + home,
		"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		// go install writes into GOPATH/bin, here the session's; the
		// caches stay the caller's, so nothing is downloaded or rebuilt.
		"GOPATH=" + filepath.Join(home, "go"),
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"GOCACHE=" + goEnv(t, "GOCACHE"),
	}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "TMPDIR" || (strings.HasPrefix(name, "GO") && name != "GOPATH" && name != "GOMODCACHE" && name != "GOCACHE") {
			s.env = append(s.env, kv)
		}
	}
	return s
}

var goEnvs sync.Map

func goEnv(t *testing.T, name string) string {
	t.Helper()
	if v, ok := goEnvs.Load(name); ok {
		return v.(string)
	}
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	v := strings.TrimSpace(string(out))
	goEnvs.Store(name, v)
	return v
}

// run runs a block's commands in one shell, in order, and checks each
// exit code; it returns how many commands ran and how many were skipped.
func (s *docSession) run(t *testing.T, b docBlock) (ran, skipped int) {
	t.Helper()
	if b.skip != "" {
		return 0, len(b.commands)
	}
	dir := s.dir
	if b.inRepo {
		dir, _ = filepath.Abs(repoRoot)
	}
	for _, g := range b.given {
		setup, ok := docStandIns[g]
		if !ok {
			t.Errorf("%s: no stand-in for %q (docStandIns)", b.where(), g)
			return 0, 0
		}
		if _, err := os.Stat(filepath.Join(s.dir, strings.TrimSuffix(strings.ReplaceAll(g, "*", "sample"), "/"))); err == nil {
			continue
		}
		cmd := exec.Command("bash", "-c", setup)
		cmd.Dir, cmd.Env = s.dir, s.env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: making the stand-in %s: %v\n%s", b.where(), g, err, out)
		}
	}
	s.blocks++
	out := filepath.Join(s.scratch, strconv.Itoa(s.blocks))
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	script.WriteString("set -o pipefail\n")
	var want []int
	for i, c := range b.commands {
		if c.skip != "" {
			skipped++
			continue
		}
		ran++
		want = append(want, i)
		files := fmt.Sprintf(`>"%s/%d.out" 2>"%s/%d.err" </dev/null`, out, i, out, i)
		if !c.interrupted {
			fmt.Fprintf(&script, "{\n%s\n} %s\necho \"%d $?\" >&3\n", c.text, files, i)
			continue
		}
		// A session that runs until stopped: wait for its first report,
		// then stop it as Ctrl-C would, its whole process group.
		fmt.Fprintf(&script, "set -m\n{\n%s\n} %s &\npid=$!\nset +m\n", c.text, files)
		fmt.Fprintf(&script, "for i in $(seq 300); do [ -s %q ] && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done\n", fmt.Sprintf("%s/%d.out", out, i))
		fmt.Fprintf(&script, "if kill -0 $pid 2>/dev/null; then kill -INT -- -$pid; wait $pid; echo \"%d $?\" >&3; else wait $pid; echo \"%d stopped $?\" >&3; fi\n", i, i)
	}
	if len(want) == 0 {
		return ran, skipped
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-c", script.String())
	cmd.Dir, cmd.Env = dir, s.env
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	reports := make(chan string)
	go func() {
		defer close(reports)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			reports <- sc.Text()
		}
	}()
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		r.Close()
	}()
	show := func(i int) string {
		o, _ := os.ReadFile(fmt.Sprintf("%s/%d.out", out, i))
		e, _ := os.ReadFile(fmt.Sprintf("%s/%d.err", out, i))
		return fmt.Sprintf("standard output:\n%s\nstandard error:\n%s", tail(string(o)), tail(string(e)))
	}
	for _, i := range want {
		c := b.commands[i]
		var report string
		select {
		case rep, ok := <-reports:
			if !ok {
				t.Errorf("%s: the shell ended before `%s` ran", b.where(), c.text)
				return
			}
			report = rep
		case <-time.After(commandLimit(c.text)):
			t.Errorf("%s: `%s` did not finish within %v\n%s", b.where(), c.text, commandLimit(c.text), show(i))
			return
		}
		f := strings.Fields(report)
		if f[0] != strconv.Itoa(i) {
			t.Fatalf("%s: expected the report of command %d, got %q", b.where(), i, report)
		}
		if f[1] == "stopped" {
			t.Errorf("%s: `%s` ended by itself with exit status %s; the docs say it runs until interrupted\n%s", b.where(), c.text, f[2], show(i))
			continue
		}
		if code, _ := strconv.Atoi(f[1]); code != c.exit {
			t.Errorf("%s: `%s` exited %d; the docs imply %d\n%s", b.where(), c.text, code, c.exit, show(i))
		}
	}
	return ran, skipped
}

// A documented build on a fresh machine downloads and compiles modules
// for minutes; every other command keeps the short limit.
func TestCommandLimitGivesGoBuildsTime(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]time.Duration{
		"go run ./cmd/credcheck check fixtures/":                                            goCommandLimit,
		"CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -o credcheck.exe ./cmd/credcheck": goCommandLimit,
		"(cd cmd/credcheck-pipeline && go build -o /tmp/credcheck-pipeline .)":              goCommandLimit,
		"go install ./cmd/credcheck":                                                        goCommandLimit,
		"credcheck check fixtures/ && go test ./...":                                        goCommandLimit,
		"credcheck check --format json fixtures/":                                           docCommandLimit,
		"credcheck policy new hedge/go-between --dir house-rules":                           docCommandLimit,
		"go version":  docCommandLimit,
		"cargo build": docCommandLimit,
	} {
		if got := commandLimit(line); got != want {
			t.Errorf("commandLimit(%q) = %v, want %v", line, got, want)
		}
	}
}
