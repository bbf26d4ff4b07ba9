package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// patience bounds every wait, generously: the tests assert what is
// reported, never how fast, so a slow machine only makes them slower.
const patience = 10 * time.Second

// fast polls often so that the tests take little time; the debounce is
// several polls long, as it is by default.
var fast = Options{Interval: 5 * time.Millisecond, Debounce: 30 * time.Millisecond}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func newWatcher(t *testing.T, opts Options, roots ...Root) *Watcher {
	t.Helper()
	w, err := New(context.Background(), roots, opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// next returns the next report of w, failing the test if none comes.
func next(t *testing.T, w *Watcher) []Change {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	changes, err := w.Next(ctx)
	if err != nil {
		t.Fatalf("no change reported: %v", err)
	}
	return changes
}

// abs is the path a Change names for a file of a test's directory.
func abs(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReportsModifiedFile(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	write(t, story, "The port was sold.\n")
	w := newWatcher(t, fast, Root{Path: dir})

	write(t, story, "The port was reportedly sold.\n")
	want := []Change{{Path: abs(t, story), Kind: Modified}}
	if diff := cmp.Diff(want, next(t, w)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestSameSizeRewriteInOneClockTick covers the edit that size and time
// cannot see: one word replaced by another as long, within one tick of the
// filesystem's clock (simulated by putting the old time back).
func TestSameSizeRewriteInOneClockTick(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	write(t, story, "The port was sold.\n")
	info, err := os.Stat(story)
	if err != nil {
		t.Fatal(err)
	}
	w := newWatcher(t, fast, Root{Path: dir})

	write(t, story, "The pier was sold.\n")
	if err := os.Chtimes(story, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	want := []Change{{Path: abs(t, story), Kind: Modified}}
	if diff := cmp.Diff(want, next(t, w)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestReportsCreatedAndRemovedFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.md")
	write(t, old, "Old story.\n")
	w := newWatcher(t, fast, Root{Path: dir})

	created := filepath.Join(dir, "desk", "new.md")
	write(t, created, "New story in a new directory.\n")
	if diff := cmp.Diff([]Change{{Path: abs(t, created), Kind: Created}}, next(t, w)); diff != "" {
		t.Errorf("after creating a file (-want +got):\n%s", diff)
	}
	if err := os.Remove(old); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Change{{Path: abs(t, old), Kind: Removed}}, next(t, w)); diff != "" {
		t.Errorf("after removing a file (-want +got):\n%s", diff)
	}
}

// TestFileRootCreatedLater watches a file that does not exist yet, as a
// configuration or baseline file named before it is written.
func TestFileRootCreatedLater(t *testing.T) {
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	w := newWatcher(t, fast, Root{Path: baseline})

	write(t, baseline, "{}\n")
	if diff := cmp.Diff([]Change{{Path: abs(t, baseline), Kind: Created}}, next(t, w)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestLeavesOutHiddenDependencyAndExcludedFiles writes the left-out files
// before the watched one: had any been watched, it would be reported with
// it or before it.
func TestLeavesOutHiddenDependencyAndExcludedFiles(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	write(t, story, "The port was sold.\n")
	onlyArticles := func(path string) bool { return strings.HasSuffix(path, ".md") }
	w := newWatcher(t, fast, Root{Path: dir, Include: onlyArticles})

	write(t, filepath.Join(dir, ".git", "index.md"), "x")
	write(t, filepath.Join(dir, "node_modules", "pkg", "README.md"), "x")
	write(t, filepath.Join(dir, ".story.md.swp"), "x")
	write(t, filepath.Join(dir, "report.json"), "{}")
	write(t, story, "The port was reportedly sold.\n")
	if diff := cmp.Diff([]Change{{Path: abs(t, story), Kind: Modified}}, next(t, w)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestOverlappingRootsReportAFileOnce watches a directory and a file in it
// spelt another way, as `check . --policy /abs/path/house` does.
func TestOverlappingRootsReportAFileOnce(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	rule := filepath.Join(dir, "house", "rule.rego")
	write(t, rule, "package a\n")
	w := newWatcher(t, fast, Root{Path: "."}, Root{Path: filepath.Join(dir, "house")})

	write(t, rule, "package ab\n")
	if diff := cmp.Diff([]Change{{Path: abs(t, rule), Kind: Modified}}, next(t, w)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

// TestDebounceCoalescesQuickWrites makes a second write only once a poll
// has seen the first, as an editor's two writes for one save may be seen:
// both must lead to one report. A temporary file created by the first
// write and removed by the second is no change at all.
func TestDebounceCoalescesQuickWrites(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	write(t, story, "The port was sold.\n")
	// The debounce is long next to the poll so that only a stall of a
	// second between two writes could separate them.
	w := newWatcher(t, Options{Interval: 5 * time.Millisecond, Debounce: time.Second}, Root{Path: dir})
	polled := make(chan struct{}, 1)
	w.afterPoll = func() {
		select {
		case polled <- struct{}{}:
		default:
		}
	}
	type result struct {
		changes []Change
		err     error
	}
	results := make(chan result, 1)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	go func() {
		changes, err := w.Next(ctx)
		results <- result{changes, err}
	}()

	temp := filepath.Join(dir, "story.md~")
	write(t, story, "")
	write(t, temp, "The port was sold.\n")
	// A signal may be left from a poll before the writes and the next may
	// come from a poll that began before them; the third comes from a poll
	// that began after them.
	for range 3 {
		select {
		case <-polled:
		case r := <-results:
			t.Fatalf("reported before the second write: %+v (err %v)", r.changes, r.err)
		}
	}
	write(t, story, "The port was reportedly sold.\n")
	if err := os.Remove(temp); err != nil {
		t.Fatal(err)
	}

	r := <-results
	if r.err != nil {
		t.Fatalf("no change reported: %v", r.err)
	}
	if diff := cmp.Diff([]Change{{Path: abs(t, story), Kind: Modified}}, r.changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	w.afterPoll = nil
	quiet, stop := context.WithTimeout(context.Background(), 2*time.Second)
	defer stop()
	if changes, err := w.Next(quiet); err == nil {
		t.Errorf("a second report for one save: %+v", changes)
	}
}

func TestCancellationEndsNext(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "story.md"), "The port was sold.\n")
	w := newWatcher(t, fast, Root{Path: dir})

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := w.Next(ctx)
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Next returned %v, want context.Canceled", err)
		}
	case <-time.After(patience):
		t.Fatal("Next did not return after cancellation")
	}

	if _, err := New(ctx, []Root{{Path: dir}}, fast); !errors.Is(err, context.Canceled) {
		t.Errorf("New with an ended context returned %v, want context.Canceled", err)
	}
}

// TestNeverOpensAFIFO puts a FIFO among fresh files, which are hashed: an
// open of it would wait for a writer that never comes.
func TestNeverOpensAFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs in the file system on Windows")
	}
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	write(t, story, "one")
	w := newWatcher(t, fast, Root{Path: dir})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "root.fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A FIFO named as a root of its own is not opened either.
	w.roots = append(w.roots, Root{Path: filepath.Join(dir, "root.fifo")})
	write(t, story, "two, longer")
	got := next(t, w)
	if diff := cmp.Diff([]Change{{Path: abs(t, story), Kind: Modified}}, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}
