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
	"github.com/credcheck/credcheck/engine/safetext"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var o pipeline.Options
	var inputs, policies, data list
	flag.Var(&inputs, "input", "glob of article files: .jsonl, .txt, .md, .html (repeatable)")
	flag.StringVar(&o.Output, "output", "", "directory the results-*.jsonl shards and dead-letter.txt go to")
	flag.IntVar(&o.Shards, "shards", 4, "how many results files to write")
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
	articles, dead := counts(res)
	fmt.Fprintf(os.Stderr, "credcheck-pipeline: %d articles checked, %d inputs in %s\n", articles, dead, pipeline.DeadLetterFile)
	// As check: an input that could not be checked makes exit status 2,
	// after everything else was.
	if dead > 0 {
		return 2
	}
	return 0
}

// counts reads the run's counters; a runner that reports none gives 0.
func counts(res beam.PipelineResult) (articles, dead int64) {
	if res == nil {
		return 0, 0
	}
	q := res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == "credcheck" })
	for _, c := range q.Counters() {
		switch c.Name() {
		case pipeline.ArticlesCounter:
			articles += c.Result()
		case pipeline.DeadCounter:
			dead += c.Result()
		}
	}
	return articles, dead
}
