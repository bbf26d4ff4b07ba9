package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

func TestMain(m *testing.M) {
	ptest.Main(m)
}

// The corpus of the command's tests: articles in every format, a page, a
// blank file and a JSON Lines file with a malformed record.
const corpus = "../testdata/corpus"

// lastParts is how many parts the last run spilled results to.
var lastParts int64

// runOn runs the pipeline on Prism, in this process, over one glob and
// gives the lines of its results and dead-letter files, sorted.
func runOn(t *testing.T, glob string, maxBytes int64) (results, dead []string) {
	t.Helper()
	return runIn(t, t.TempDir(), glob, maxBytes)
}

// runIn is runOn writing to out.
func runIn(t *testing.T, out, glob string, maxBytes int64) (results, dead []string) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	o := Options{Inputs: []string{glob}, Output: out, Shards: 2, MaxStory: DefaultMaxStory, MaxBucket: 100,
		Settings: Settings{MaxBytes: maxBytes}}
	if err := Build(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	lastParts = 0
	for _, c := range res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Name() == PartsCounter }).Counters() {
		lastParts += c.Result()
	}
	files, err := filepath.Glob(filepath.Join(out, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		switch {
		case strings.HasPrefix(filepath.Base(f), ResultsPrefix+"-"):
			results = append(results, lines...)
		case filepath.Base(f) == DeadLetterFile:
			dead = append(dead, lines...)
		}
	}
	slices.Sort(results)
	slices.Sort(dead)
	return results, dead
}

// Objects on a Beam file system (memfs here, gs:// on a cluster) are
// checked as the same files on disk are: the same results and the same
// dead letters, under the objects' names, and an article over --max-bytes
// is a dead letter there too.
func TestObjectsAreCheckedAsFilesAre(t *testing.T) {
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	local := t.TempDir()
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(corpus, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(local, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
		memfs.Write("memfs://archive/"+e.Name(), data)
	}
	// The page is the largest file of the corpus: with a limit below its
	// size it is refused, the rest read.
	page, err := os.Stat(filepath.Join(corpus, "ferry-route-page.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, maxBytes := range []int64{0, page.Size() - 1} {
		wantResults, wantDead := runOn(t, filepath.Join(local, "*"), maxBytes)
		gotResults, gotDead := runOn(t, "memfs://archive/*", maxBytes)
		if len(wantResults) < 5 || len(wantDead) < 2 {
			t.Fatalf("max-bytes %d: the local run gave %d results and %d dead letters, want at least 5 and 2", maxBytes, len(wantResults), len(wantDead))
		}
		if maxBytes > 0 && !slices.ContainsFunc(gotDead, func(l string) bool { return strings.Contains(l, "ferry-route-page.html") }) {
			t.Errorf("max-bytes %d: the page over the limit is not a dead letter: %q", maxBytes, gotDead)
		}
		rename := strings.NewReplacer(local+"/", "memfs://archive/")
		for i := range wantResults {
			wantResults[i] = rename.Replace(wantResults[i])
		}
		for i := range wantDead {
			wantDead[i] = rename.Replace(wantDead[i])
		}
		slices.Sort(wantResults)
		slices.Sort(wantDead)
		if !slices.Equal(gotResults, wantResults) {
			t.Errorf("max-bytes %d: results differ\nobjects:\n%s\nfiles:\n%s", maxBytes, strings.Join(gotResults, "\n"), strings.Join(wantResults, "\n"))
		}
		if !slices.Equal(gotDead, wantDead) {
			t.Errorf("max-bytes %d: dead letters differ\nobjects:\n%s\nfiles:\n%s", maxBytes, strings.Join(gotDead, "\n"), strings.Join(wantDead, "\n"))
		}
	}
}

// A glob on a file system the binary has no reader for stops the launch
// with one line naming it.
func TestUnknownSchemeIsRefusedAtLaunch(t *testing.T) {
	_, s := beam.NewPipelineWithRoot()
	err := Build(context.Background(), s, Options{Inputs: []string{"nosuch://bucket/*.jsonl"}, Output: t.TempDir(), Shards: 1,
		MaxStory: DefaultMaxStory, MaxBucket: 100})
	if err == nil || !strings.Contains(err.Error(), "nosuch://bucket/*.jsonl") || !strings.Contains(err.Error(), "no file system for nosuch://") {
		t.Fatalf("got %v", err)
	}
}

// Results spilled to parts make the same shards as results that travel as
// elements, and no part is left behind.
func TestSpilledResultsMakeTheSameShards(t *testing.T) {
	want, wantDead := runOn(t, filepath.Join(corpus, "*"), 0)
	if lastParts != 0 {
		t.Fatalf("a small corpus spilled %d parts", lastParts)
	}
	// Every file's results for a shard spill at their first line.
	saved := spillBytes
	spillBytes = 1
	t.Cleanup(func() { spillBytes = saved })
	out := t.TempDir()
	got, gotDead := runIn(t, out, filepath.Join(corpus, "*"), 0)
	if lastParts < 5 {
		t.Errorf("%d parts spilled, want one per file and shard of a result (at least 5)", lastParts)
	}
	if !slices.Equal(got, want) || !slices.Equal(gotDead, wantDead) {
		t.Errorf("spilled:\n%s\n%s\nheld:\n%s\n%s", strings.Join(got, "\n"), strings.Join(gotDead, "\n"), strings.Join(want, "\n"), strings.Join(wantDead, "\n"))
	}
	if _, err := os.Stat(filepath.Join(out, PartsDir)); !os.IsNotExist(err) {
		t.Errorf("the parts are still there: %v", err)
	}
}
