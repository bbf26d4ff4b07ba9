package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostilePatience bounds a run over hostile inputs, generously: before the
// limits, /dev/zero or a FIFO never ended and a 100 MB file took minutes.
const hostilePatience = 20 * time.Second

// credcheckWithin runs the command line like credcheck, but fails the test
// when it has not ended within hostilePatience. cred, when set, runs the
// binary as another user.
func credcheckWithin(t *testing.T, dir string, cred *syscall.Credential, args ...string) result {
	t.Helper()
	if cred != nil {
		return runWithin(t, binary, dir, cred, args...)
	}
	// The result cache goes beside dir, as in runWithin.
	return runInRunner(t, dir, []string{"HOME=" + dir, "XDG_CACHE_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}, "", hostilePatience, args...)
}

func runWithin(t *testing.T, bin, dir string, cred *syscall.Credential, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostilePatience)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	// The result cache goes beside dir, not into it (HOME), so that tests
	// asserting what a run leaves in dir see only the run's own files.
	cmd.Env = []string{"HOME=" + dir, "XDG_CACHE_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("credcheck %s: still running after %v; standard error:\n%s", strings.Join(args, " "), hostilePatience, errOut.String())
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system on Windows")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// linesAbout returns the lines of stderr that name path.
func linesAbout(stderr, path string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "credcheck: "+path+":") {
			out = append(out, l)
		}
	}
	return out
}

func checkedIDs(t *testing.T, stdout string) []string {
	t.Helper()
	var ids []string
	for _, a := range decode(t, stdout).Articles {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestHostileInputsEndInOneLineEach(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "clean.md"), cleanArticle)
	mkfifo(t, filepath.Join(dir, "news", "pipe.md"))
	mkfifo(t, filepath.Join(dir, "named.fifo"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "news", "story.txt")); err != nil {
		t.Fatal(err)
	}
	// 100 MB of nothing, made sparse: the file is never read to be refused.
	big, err := os.Create(filepath.Join(dir, "news", "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	write(t, filepath.Join(dir, "news", "line.md"), strings.Repeat("word ", 2<<20))
	write(t, filepath.Join(dir, "news", "wire.jsonl"),
		`{"id":"huge","text":"`+strings.Repeat("x ", 3<<20)+`"}`+"\n"+
			`{"id":"small","text":"The council met on Tuesday, the clerk said."}`+"\n")

	r := credcheckWithin(t, dir, nil, "check", "--format", "json", "news", "/dev/zero", "/dev/urandom", "named.fifo")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2; standard error:\n%s", r.code, r.stderr)
	}
	want := map[string]string{
		"news/pipe.md":    "a named pipe (FIFO), not a regular file",
		"news/story.txt":  "symbolic link to a character device, not a regular file",
		"news/big.txt":    "100 MiB, more than the limit of 5 MiB (--max-bytes raises it)",
		"news/line.md":    "10 MiB, more than the limit of 5 MiB (--max-bytes raises it)",
		"news/wire.jsonl": "record of more than 5 MiB, the limit for one article (--max-bytes raises it)",
		"/dev/zero":       "a character device, not a regular file",
		"/dev/urandom":    "a character device, not a regular file",
		"named.fifo":      "a named pipe (FIFO), not a regular file",
	}
	for path, reason := range want {
		got := linesAbout(r.stderr, path)
		line := path + ": "
		if strings.HasSuffix(path, ".jsonl") {
			line = path + ":1: "
		}
		if len(got) != 1 || got[0] != "credcheck: "+line+reason {
			t.Errorf("%s: lines %q, want one saying %q", path, got, reason)
		}
	}
	if n := strings.Count(strings.TrimSpace(r.stderr), "\n") + 1; n != len(want) {
		t.Errorf("%d lines on standard error, want %d:\n%s", n, len(want), r.stderr)
	}
	if got := checkedIDs(t, r.stdout); strings.Join(got, " ") != "news/clean.md small" {
		t.Errorf("checked %q, want the clean article and the small record", got)
	}
}

func TestMaxBytesRaisesTheLimit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "clean.md"), cleanArticle)
	r := credcheckWithin(t, dir, nil, "check", "--format", "json", "--max-bytes", "100", "clean.md")
	if r.code != 2 || !strings.Contains(r.stderr, "credcheck: clean.md: 247 bytes, more than the limit of 100 bytes (--max-bytes raises it)") {
		t.Fatalf("exit %d, standard error:\n%s", r.code, r.stderr)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "max-bytes: 1000\n")
	if r := credcheckWithin(t, dir, nil, "check", "--format", "json", "clean.md"); r.code != 0 {
		t.Errorf("max-bytes: 1000 in the configuration: exit %d, standard error:\n%s", r.code, r.stderr)
	}
	write(t, filepath.Join(dir, ".credcheck.yaml"), "max-bytes: -1\n")
	if r := credcheckWithin(t, dir, nil, "check", "clean.md"); r.code != 2 || !strings.Contains(r.stderr, "max-bytes must not be negative") {
		t.Errorf("max-bytes: -1: exit %d, standard error:\n%s", r.code, r.stderr)
	}
}

func TestSymlinkOutOfTheTreeNeedsFollowSymlinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "clean.md"), cleanArticle)
	write(t, filepath.Join(dir, "private", "draft.md"), hedgedArticle)
	write(t, filepath.Join(dir, "news", "archive", "old.md"), hedgedArticle)
	if err := os.Symlink("../private/draft.md", filepath.Join(dir, "news", "leak.md")); err != nil {
		t.Fatal(err)
	}
	// A link that stays inside the tree is read as before.
	if err := os.Symlink("archive/old.md", filepath.Join(dir, "news", "latest.md")); err != nil {
		t.Fatal(err)
	}
	r := credcheckWithin(t, dir, nil, "check", "--format", "json", "news")
	if r.code != 2 || strings.TrimSpace(r.stderr) != "credcheck: news/leak.md: symbolic link to private/draft.md, outside news (--follow-symlinks reads it)" {
		t.Errorf("exit %d, standard error:\n%s", r.code, r.stderr)
	}
	if got := checkedIDs(t, r.stdout); strings.Join(got, " ") != "news/archive/old.md news/clean.md news/latest.md" {
		t.Errorf("checked %q", got)
	}
	r = credcheckWithin(t, dir, nil, "check", "--format", "json", "--follow-symlinks", "news")
	if r.stderr != "" || !strings.Contains(strings.Join(checkedIDs(t, r.stdout), " "), "news/leak.md") {
		t.Errorf("--follow-symlinks: checked %q, standard error:\n%s", checkedIDs(t, r.stdout), r.stderr)
	}
}

// TestUnreadableSubdirectoryIsReportedByItsPath runs the binary as nobody
// when the tests run as root, who reads every directory whatever its mode.
func TestUnreadableSubdirectoryIsReportedByItsPath(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("directory modes do not deny reading on Windows")
	}
	var cred *syscall.Credential
	dir := t.TempDir()
	bin := binary
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		// nobody must reach the binary and the tree: copy the binary next
		// to the tree and open the way down to both.
		for d := dir; d != filepath.Dir(d) && d != os.TempDir(); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		bin = filepath.Join(dir, "credcheck")
		if err := copyExecutable(binary, bin); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "news", "a-clean.md"), cleanArticle)
	write(t, filepath.Join(dir, "news", "locked", "secret.md"), hedgedArticle)
	write(t, filepath.Join(dir, "news", "z-clean.md"), cleanArticle)
	if err := os.Chmod(filepath.Join(dir, "news", "locked"), 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "news", "locked"), 0o755) })
	r := runWithin(t, bin, dir, cred, "check", "--format", "json", "news")
	if r.code != 2 || strings.TrimSpace(r.stderr) != "credcheck: news/locked: permission denied" {
		t.Errorf("exit %d, standard error:\n%s", r.code, r.stderr)
	}
	if got := checkedIDs(t, r.stdout); strings.Join(got, " ") != "news/a-clean.md news/z-clean.md" {
		t.Errorf("checked %q, want the rest of the tree", got)
	}
}

// TestFilesNamedBesideTheArticlesAreRefusedUnlessRegular gives a FIFO where
// each other file credcheck reads goes: every run used to block on open.
func TestFilesNamedBesideTheArticlesAreRefusedUnlessRegular(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "clean.md"), cleanArticle)
	write(t, filepath.Join(dir, "spans.jsonl"), `{"id":"a","text":"The council met on Tuesday."}`+"\n")
	mkfifo(t, filepath.Join(dir, "pipe"))
	for _, args := range [][]string{
		{"check", "--config", "pipe", "clean.md"},
		{"check", "--baseline", "pipe", "clean.md"},
		{"check", "--data", "pipe", "clean.md"},
		{"eval", "--compare", "pipe", "spans.jsonl"},
		{"eval", "pipe"},
		{"calibrate", "pipe"},
	} {
		r := credcheckWithin(t, dir, nil, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "pipe: a named pipe (FIFO), not a regular file") {
			t.Errorf("%s: exit %d, standard error:\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

func TestFailedRunLeavesThePreviousReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "hedged.md"), hedgedArticle)
	report := filepath.Join(dir, "reports", "credcheck.json")
	if r := credcheckWithin(t, dir, nil, "check", "--format", "json", "--output", report, "news"); r.code != 1 {
		t.Fatalf("first run: exit %d, standard error:\n%s", r.code, r.stderr)
	}
	good, err := os.ReadFile(report)
	if err != nil || len(good) == 0 {
		t.Fatalf("first run wrote %d bytes: %v", len(good), err)
	}

	// A run that cannot start: its policy does not compile.
	write(t, filepath.Join(dir, "house", "broken.rego"), "package credcheck.rules.hedge[\"x\"]\n\nreport contains x if {\n\tx := \n}\n")
	if r := credcheckWithin(t, dir, nil, "check", "--format", "json", "--output", report, "--policy", "house", "news"); r.code != 2 {
		t.Errorf("broken policy: exit %d, standard error:\n%s", r.code, r.stderr)
	}
	assertFile(t, report, good)

	// A run whose writer fails after starting the report: the github format
	// cannot append to its step summary, a directory here.
	cmd := exec.Command(binary, "check", "--format", "github", "--output", report, "news")
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "GITHUB_STEP_SUMMARY=" + dir}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), "github output "+report) {
		t.Errorf("failing writer: %v, output:\n%s", err, out)
	}
	assertFile(t, report, good)
	assertNoTemporaryFiles(t, filepath.Dir(report))
}

func TestWriteBaselineReplacesTheFileWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "hedged.md"), hedgedArticle)
	baseline := filepath.Join(dir, "baseline.json")
	old := []byte(`{"version": 1, "findings": []}` + "\n")
	if err := os.WriteFile(baseline, old, 0o600); err != nil {
		t.Fatal(err)
	}
	// A reader that has the old baseline open (a run that started before)
	// keeps reading the old file whole: it is replaced, never rewritten in
	// place, so no reader ever sees a prefix of the new one.
	f, err := os.Open(baseline)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if r := credcheckWithin(t, dir, nil, "check", "--write-baseline", "baseline.json", "news"); r.code == 2 {
		t.Fatalf("exit %d, standard error:\n%s", r.code, r.stderr)
	}
	var seen bytes.Buffer
	if _, err := seen.ReadFrom(f); err != nil || !bytes.Equal(seen.Bytes(), old) {
		t.Errorf("the open old baseline reads %q, want it unchanged", seen.String())
	}
	info, err := os.Stat(baseline)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
	if r := credcheckWithin(t, dir, nil, "check", "--baseline", "baseline.json", "news"); r.code != 0 {
		t.Errorf("run against the new baseline: exit %d, standard error:\n%s", r.code, r.stderr)
	}
	assertNoTemporaryFiles(t, dir)
}

func TestWatchIsNotFrozenByAFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	story := filepath.Join(dir, "articles", "story.md")
	write(t, story, cleanArticle)
	s := startWatch(t, dir, "check", "--watch", "--watch-interval", "20ms", "--format", "json", "articles")
	s.report(t, "first run")
	s.line(t, `^credcheck: watching 1 path; press Ctrl-C to stop$`)

	// Hashing a new file opened it; a FIFO's open waits for a writer.
	mkfifo(t, filepath.Join(dir, "articles", "late.md"))
	time.Sleep(200 * time.Millisecond)
	write(t, story, cleanArticle+"\nThe port has reportedly been sold to investors.\n")
	s.line(t, `^credcheck: articles/late\.md: a named pipe \(FIFO\), not a regular file$`)
	if got := s.report(t, "after the edit").messages(); len(got) == 0 {
		t.Errorf("after the edit: no findings")
	}
	if code := s.stop(t, os.Interrupt); code != 0 {
		t.Errorf("exit %d after one Ctrl-C, want 0; standard error:\n%s", code, s.transcript())
	}
}

func assertFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: %d bytes, want the previous %d bytes unchanged", path, len(got), len(want))
	}
}

func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}
