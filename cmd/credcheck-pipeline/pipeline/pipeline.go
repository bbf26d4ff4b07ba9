// Package pipeline checks an archive of articles on Apache Beam: the files
// matched by globs are read by the engine's article readers, checked and
// scored by the engine's checker, and written as JSON Lines results in
// check's schema, sharded; inputs that cannot be checked go to a
// dead-letter file with check's one-line reasons and never stop the job.
// Nothing here decides a finding or a score: every worker runs the same
// engine check runs.
package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	// The file systems inputs and outputs may be on: local paths and
	// gs:// and s3:// objects.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/report"
)

// Options describe one run.
type Options struct {
	// Inputs are globs of local files (on a cluster, paths every worker
	// sees: a shared mount) or of objects on a file system Beam's Go SDK
	// has registered in this binary (gs://, s3://).
	Inputs []string
	// Output is the directory (or object prefix) the results and the
	// dead-letter file go to.
	Output string
	// Shards is how many results files there are.
	Shards int
	// Stories turns story grouping on; MaxStory is the most articles a
	// story is judged with, MaxBucket the most articles of one
	// locality-sensitive hashing bucket compared.
	Stories   bool
	MaxStory  int
	MaxBucket int
	Settings  Settings
}

// Result is one checked article on its way to a shard: its place in the
// input, by which a shard is sorted, and its jsonl line.
type Result struct {
	Path string
	Line int
	ID   string
	JSON string
	// Part, when set, names a part file holding the lines of Path's
	// results for shard Shard, in order, in place of JSON (spill.go).
	Part  string
	Shard int
}

// Names of the counters a run reports.
const (
	metricsNamespace = "credcheck"
	ArticlesCounter  = "articles"
	DeadCounter      = "dead_letters"
	// PartsCounter counts the part files results spilled to (spill.go).
	PartsCounter = "parts"
)

// DeadLetterFile is the dead-letter file's name in the output directory.
const DeadLetterFile = "dead-letter.txt"

func init() {
	register.DoFn7x1[context.Context, fileio.FileMetadata, func(Result), func(string), func(Stat), func(Sketch), func(string, []byte), error](&checkFn{})
	register.Emitter1[Sketch]()
	register.Emitter1[Result]()
	register.Emitter1[Stat]()
	register.Emitter1[string]()
	register.DoFn2x0[Result, func(int, Result)](&shardFn{})
	register.Emitter2[int, Result]()
	register.DoFn4x1[context.Context, int, func(*Result) bool, func(string), error](&writeShardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&removePartsFn{})
	register.Iter1[Result]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeDeadFn{})
	register.Iter1[string]()
}

// Build adds the run to a pipeline.
func Build(ctx context.Context, s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("no --input: name the articles by glob")
	}
	if o.Output == "" {
		return fmt.Errorf("no --output: name the directory results go to")
	}
	for _, glob := range o.Inputs {
		if err := checkScheme(glob); err != nil {
			return err
		}
	}
	if o.Shards < 1 {
		return fmt.Errorf("--shards must be at least 1, got %d", o.Shards)
	}
	if o.MaxStory < 2 || o.MaxBucket < 2 {
		return fmt.Errorf("--max-story and --max-bucket must be at least 2, got %d and %d", o.MaxStory, o.MaxBucket)
	}
	// A broken configuration or policy stops the launch, with check's
	// one line, rather than fail every worker's Setup.
	cfg, err := o.Settings.Config()
	if err != nil {
		return err
	}
	if _, err := checker.New(ctx, cfg); err != nil {
		return err
	}
	var files []beam.PCollection
	for _, glob := range o.Inputs {
		files = append(files, fileio.MatchFiles(s, glob, fileio.MatchEmptyAllow()))
	}
	matched := beam.Flatten(s, files...)
	// Files spread over the workers rather than stay with the matcher.
	matched = beam.Reshuffle(s, matched)
	results, dead, stats, sketches, kept := beam.ParDo5(s, &checkFn{Settings: o.Settings, Stories: o.Stories, Output: o.Output, Shards: o.Shards}, matched)
	aggregates(s, stats, o.Output)
	if o.Stories {
		lines, storyDead := stories(s, o, sketches, kept)
		writeShards(s, lines, o.Output, StoriesPrefix, o.Shards)
		dead = beam.Flatten(s, dead, storyDead)
	}
	written := writeShards(s, results, o.Output, ResultsPrefix, o.Shards)
	beam.ParDo0(s.Scope("remove parts"), &removePartsFn{Output: o.Output}, beam.GroupByKey(s, beam.AddFixedKey(s, written)))
	beam.ParDo0(s, &writeDeadFn{Output: o.Output}, beam.GroupByKey(s, beam.AddFixedKey(s, dead)))
	return nil
}

// writeShards writes results sharded by their place in the input, and
// gives the names of the shards written.
func writeShards(s beam.Scope, results beam.PCollection, output, prefix string, shards int) beam.PCollection {
	s = s.Scope("write " + prefix)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, results)
	return beam.ParDo(s, &writeShardFn{Output: output, Prefix: prefix, Shards: shards}, beam.GroupByKey(s, keyed))
}

// checkFn checks the articles of one input file. The checker (compiled
// policies, lexicons, scoring) is built once per DoFn instance, in Setup:
// compiling the policies costs far more than checking an article.
type checkFn struct {
	Settings Settings
	// Stories: also sketch each article for grouping and keep it for its
	// story's judge.
	Stories bool
	// Output and Shards place the parts a file's many results spill to.
	Output string
	Shards int

	checker *checker.Checker
	load    article.LoadOptions
	arts    beam.Counter
	dead    beam.Counter
	parts   beam.Counter
	sketch  sketcher
}

func (f *checkFn) Setup(ctx context.Context) error {
	cfg, err := f.Settings.Config()
	if err != nil {
		return err
	}
	c, err := checker.New(ctx, cfg)
	if err != nil {
		return err
	}
	f.checker, f.load = c, loadOptions(cfg)
	f.arts = beam.NewCounter(metricsNamespace, ArticlesCounter)
	f.dead = beam.NewCounter(metricsNamespace, DeadCounter)
	f.parts = beam.NewCounter(metricsNamespace, PartsCounter)
	f.sketch = newSketcher()
	return nil
}

func (f *checkFn) ProcessElement(ctx context.Context, file fileio.FileMetadata, emit func(Result), dead func(string), stat func(Stat),
	sketch func(Sketch), keep func(string, []byte)) error {
	paths, load := []string{file.Path}, f.load
	if remote(file.Path) {
		// The engine's readers open local files; an object is read
		// through Beam's file system and handed over as standard input
		// under its own name, bounded by --max-bytes as a file is.
		in, err := openRead(ctx, file.Path)
		if err != nil {
			f.dead.Inc(ctx, 1)
			// A store's error may run over lines; a dead letter is one.
			dead(fmt.Sprintf("%s: %s", file.Path, strings.Join(strings.Fields(err.Error()), " ")))
			return nil
		}
		defer in.Close()
		paths = []string{article.Stdin}
		load.Stdin, load.StdinName, load.StdinFormat, load.StdinSize = in, file.Path, article.FormatOf(file.Path), file.Size
	} else if info, err := os.Stat(file.Path); err == nil && info.IsDir() {
		// A glob may match directories too; the pipeline checks the files
		// it names and does not walk what check would walk.
		return nil
	}
	spill, err := newSpiller(f.Output, f.Shards, func() { f.parts.Inc(ctx, 1) })
	if err != nil {
		return err
	}
	var failed error
	r := f.checker.StreamDocuments(ctx, paths, load, func(a *report.Article, d *document.Document) {
		if failed != nil {
			return
		}
		line, err := report.ArticleJSON(a)
		if err != nil {
			failed = fmt.Errorf("%s: encoding the result: %w", a.Location(), err)
			return
		}
		f.arts.Inc(ctx, 1)
		if err := spill.add(ctx, Result{Path: a.Path, Line: a.Line, ID: a.ID, JSON: string(line)}); err != nil {
			failed = fmt.Errorf("%s: %w", a.Location(), err)
			return
		}
		stat(statOf(a))
		if f.Stories {
			b, err := encodeArticle(d.Article)
			if err != nil {
				failed = fmt.Errorf("%s: keeping the article for its story: %w", a.Location(), err)
				return
			}
			sketch(f.sketch.sketch(d))
			keep(articleKey(d.Article), b)
		}
	})
	if failed != nil {
		spill.abort()
		return failed
	}
	if err := spill.finish(emit); err != nil {
		return fmt.Errorf("%s: %w", file.Path, err)
	}
	for _, e := range r.Errors {
		f.dead.Inc(ctx, 1)
		dead(e.Error())
	}
	return nil
}

// shardFn picks each result's shard from its place in the input, so that
// the same archive gives the same shards on every run and every runner.
type shardFn struct{ Shards int }

func (f *shardFn) ProcessElement(r Result, emit func(int, Result)) {
	if r.Part != "" {
		emit(r.Shard, r)
		return
	}
	emit(shardOf(r, f.Shards), r)
}

// shardOf is the shard a result goes to.
func shardOf(r Result, shards int) int {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s\x00%d\x00%s", r.Path, r.Line, r.ID)
	return int(h.Sum32() % uint32(shards))
}

// Prefixes of the sharded files.
const (
	ResultsPrefix = "results"
	StoriesPrefix = "stories"
)

// ShardName is the file of shard i of n in the output directory.
func ShardName(output, prefix string, i, n int) string {
	return join(output, fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n))
}

// writeShardFn writes one shard, its lines in input order (path, line,
// id): the bundles' order differs from run to run, the files must not.
type writeShardFn struct {
	Output string
	Prefix string
	Shards int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, values func(*Result) bool, written func(string)) error {
	var rs []Result
	var r Result
	for values(&r) {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b Result) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.ID, b.ID)
	})
	// A part holds all of its file's results for this shard, so it is the
	// only element of its path here and sorts where the file's lines would.
	name := ShardName(f.Output, f.Prefix, shard, f.Shards)
	err := writeFile(ctx, name, func(w *bufio.Writer) error {
		for _, r := range rs {
			if r.Part != "" {
				if err := copyPart(ctx, r.Part, w); err != nil {
					return err
				}
				continue
			}
			if err := writeLine(w, r.JSON); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	written(name)
	return nil
}

// writeDeadFn writes the dead-letter file, one line per input that could
// not be checked, sorted. Few inputs fail, so one file holds them.
type writeDeadFn struct{ Output string }

func (f *writeDeadFn) ProcessElement(ctx context.Context, _ int, values func(*string) bool) error {
	var lines []string
	var line string
	for values(&line) {
		lines = append(lines, line)
	}
	slices.Sort(lines)
	return writeLines(ctx, join(f.Output, DeadLetterFile), lines)
}

// writeLines writes a file of lines through Beam's file systems.
func writeLines(ctx context.Context, name string, lines []string) error {
	return writeFile(ctx, name, func(w *bufio.Writer) error {
		for _, l := range lines {
			if err := writeLine(w, l); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeLine writes s and a newline; a write error is the buffer's, so
// the last write reports any.
func writeLine(w *bufio.Writer, s string) error {
	w.WriteString(s)
	return w.WriteByte('\n')
}

// writeFile writes a file through Beam's file systems (local, gs://, …)
// as fill writes it, buffered, never whole in memory. A retried bundle
// writes the same bytes again.
func writeFile(ctx context.Context, name string, fill func(*bufio.Writer) error) (err error) {
	w, err := openWrite(ctx, name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := fill(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// remote tells an object's URL (gs://bucket/a.md) from a local path.
func remote(name string) bool { return strings.Contains(name, "://") }

// checkScheme refuses, before the launch, a glob on a file system this
// binary has no reader for, which would otherwise fail on every worker.
// It opens nothing: a store's client is made where the objects are read.
func checkScheme(glob string) (err error) {
	if !remote(glob) {
		return nil
	}
	defer func() {
		// ValidateScheme's only way to say no is a panic.
		if recover() != nil {
			scheme, _, _ := strings.Cut(glob, "://")
			err = fmt.Errorf("--input %s: no file system for %s:// in this binary (it reads local paths, gs:// and s3://)", glob, scheme)
		}
	}()
	filesystem.ValidateScheme(glob)
	return nil
}

// withFS closes a file and then the file system it was opened on: every
// file the pipeline opens itself (an input object, a part, a shard) goes
// through Beam's file systems, local paths included.
type withFS struct {
	f  io.Closer
	fs filesystem.Interface
}

func (c withFS) Close() error {
	err := c.f.Close()
	c.fs.Close()
	return err
}

// openRead opens a file or object to read.
func openRead(ctx context.Context, name string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{r, withFS{r, fs}}, nil
}

// openWrite creates a file or object to write.
func openWrite(ctx context.Context, name string) (io.WriteCloser, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return struct {
		io.Writer
		io.Closer
	}{w, withFS{w, fs}}, nil
}

// join puts a file name under a directory or object prefix, with / for
// URLs as for local paths (Beam's local file system takes either).
func join(dir, name string) string {
	if strings.Contains(dir, "://") {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return path.Join(dir, name)
}
