// Command credcheck-pipeline checks an archive of articles on Apache Beam
// (docs/scale.md): the Prism runner in process by default, or Flink, Spark
// or Dataflow with --runner. It is a binary of its own, in a module of its
// own, so that Beam's dependency tree stays out of the credcheck CLI, its
// build and its test run; it checks with the same engine packages.
//
// Flags are Go flags, not the CLI's: a runner starts this same binary as
// a worker with Beam's own flags (beam.Init), which cobra would refuse.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/credcheck/credcheck/cmd/credcheck-pipeline/pipeline"
	"github.com/credcheck/credcheck/engine/minhash"
	"github.com/credcheck/credcheck/engine/safetext"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var o pipeline.Options
	var inputs, policies, data list
	flag.Var(&inputs, "input", "glob of article files, local or gs:// and s3:// objects: .jsonl, .txt, .md, .html (repeatable)")
	flag.StringVar(&o.Output, "output", "", "directory the results-*.jsonl shards and dead-letter.txt go to")
	flag.IntVar(&o.Shards, "shards", 4, "how many results files (and stories files) to write")
	flag.BoolVar(&o.Stories, "stories", true, "group the articles into stories (MinHash and LSH) and judge each with the story rules")
	flag.IntVar(&o.MaxStory, "max-story", pipeline.DefaultMaxStory, "most articles a story is judged with; the rest are counted as left out")
	flag.IntVar(&o.MaxBucket, "max-bucket", minhash.DefaultMaxBucket, "most articles of one LSH bucket compared; the rest are left out of it")
	configFile := flag.String("config", "", "configuration file (default: .credcheck.yaml in the working directory or above, as check)")
	flag.Var(&policies, "policy", "policy directory added to the built-in rules, replacing the configuration's (repeatable)")
	flag.Var(&data, "data", "data file changing lexicons and rule parameters, replacing the configuration's (repeatable)")
	flag.IntVar(&o.Settings.Workers, "workers", 0, "articles of one file a worker checks at once (default: the configuration's, else one per CPU)")
	flag.Int64Var(&o.Settings.MaxBytes, "max-bytes", 0, "largest article read, a file or one JSON Lines record (default: the configuration's, else 5 MiB)")
	flag.StringVar(&o.Settings.Language, "language", "", "auto or en, as check --language (default: the configuration's, else auto)")
	flag.Parse()
	// A worker started by a runner stops here, in beam.Init, and runs
	// its bundles.
	beam.Init()
	o.Inputs, o.Settings.Policies, o.Settings.Data = inputs, policies, data
	os.Exit(run(context.Background(), o, *configFile))
}

func run(ctx context.Context, o pipeline.Options, configFile string) int {
	fail := func(err error) int {
		fmt.Fprintf(os.Stderr, "credcheck-pipeline: %s\n", safetext.Text(err.Error(), '\n'))
		return 2
	}
	if err := o.Settings.ReadConfig(configFile); err != nil {
		return fail(err)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(ctx, s, o); err != nil {
		return fail(err)
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fail(fmt.Errorf("the pipeline failed: %w", err))
	}
	n := counts(res)
	dead := n[pipeline.DeadCounter]
	fmt.Fprintf(os.Stderr, "credcheck-pipeline: %d articles checked, %d inputs in %s", n[pipeline.ArticlesCounter], dead, pipeline.DeadLetterFile)
	if o.Stories {
		fmt.Fprintf(os.Stderr, "; %d stories judged, %d cut to --max-story, %d LSH buckets cut to --max-bucket",
			n[pipeline.StoriesCounter], n[pipeline.CutCounter], n[pipeline.OversizeCounter])
	}
	fmt.Fprintln(os.Stderr)
	// As check: an input that could not be checked makes exit status 2,
	// after everything else was.
	if dead > 0 {
		return 2
	}
	return 0
}

// counts reads the run's counters by name; a runner that reports none
// gives none.
func counts(res beam.PipelineResult) map[string]int64 {
	out := map[string]int64{}
	if res == nil {
		return out
	}
	q := res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == "credcheck" })
	for _, c := range q.Counters() {
		out[c.Name()] += c.Result()
	}
	return out
}
