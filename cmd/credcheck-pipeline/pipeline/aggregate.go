package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/credcheck/credcheck/engine/report"
)

// Files the aggregates go to, beside the results.
const (
	OutletsFile = "outlets.jsonl"
	DaysFile    = "days.jsonl"
	TableFile   = "aggregates.txt"
)

// Unknown is the outlet or day of an article that names neither.
const Unknown = "unknown"

// Stat is what one checked article adds to its outlet's and its day's
// aggregates: a few numbers, so that the shuffle carries no report.
type Stat struct {
	Outlet string
	Day    string
	Words  int
	Scored bool
	Score  int
	Grade  string
	// Rules lists the rule of each finding that counts (suppressed ones
	// do not), once per finding.
	Rules []string
}

// statOf reads an article's stat from its result.
func statOf(a *report.Article) Stat {
	s := Stat{Outlet: outletOf(a.Metadata), Day: dayOf(a.Metadata.Date), Words: a.Words, Scored: a.Scored()}
	if s.Scored {
		s.Score, s.Grade = a.Scorecard.Score, a.Scorecard.Grade
	}
	for _, f := range a.Findings {
		if f.Counts() {
			s.Rules = append(s.Rules, f.Rule)
		}
	}
	return s
}

// outletOf names an article's outlet: the outlet its record, front matter
// or page names, else its URL's host without "www.", else Unknown.
func outletOf(m report.Metadata) string {
	if o := strings.TrimSpace(m.Outlet); o != "" {
		return o
	}
	if u, err := url.Parse(strings.TrimSpace(m.URL)); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return Unknown
}

// dayOf is the published day, YYYY-MM-DD, of a date as the article gives
// it (a day or an RFC 3339 time), else Unknown.
func dayOf(date string) string {
	if len(date) >= 10 {
		if _, err := time.Parse("2006-01-02", date[:10]); err == nil {
			return date[:10]
		}
	}
	return Unknown
}

// Buckets are the score ranges an aggregate counts: 0–9, 10–19, …,
// 90–100.
const Buckets = 10

func bucketOf(score int) int { return min(max(score, 0)/10, Buckets-1) }

// Acc is an aggregate being combined. Beam merges accumulators built on
// different workers in any order, so every field is a sum.
type Acc struct {
	Articles int
	Scored   int
	ScoreSum int
	Words    int
	Grades   map[string]int
	Buckets  []int
	Rules    map[string]int
}

// aggregateFn is the combiner of one outlet's or one day's articles.
type aggregateFn struct{}

func (aggregateFn) CreateAccumulator() Acc {
	return Acc{Grades: map[string]int{}, Buckets: make([]int, Buckets), Rules: map[string]int{}}
}

func (f aggregateFn) AddInput(a Acc, s Stat) Acc {
	a = fill(a)
	a.Articles++
	a.Words += s.Words
	if s.Scored {
		a.Scored++
		a.ScoreSum += s.Score
		a.Grades[s.Grade]++
		a.Buckets[bucketOf(s.Score)]++
	}
	for _, r := range s.Rules {
		a.Rules[r]++
	}
	return a
}

func (f aggregateFn) MergeAccumulators(a, b Acc) Acc {
	a, b = fill(a), fill(b)
	a.Articles += b.Articles
	a.Scored += b.Scored
	a.ScoreSum += b.ScoreSum
	a.Words += b.Words
	for k, n := range b.Grades {
		a.Grades[k] += n
	}
	for i, n := range b.Buckets {
		a.Buckets[i] += n
	}
	for k, n := range b.Rules {
		a.Rules[k] += n
	}
	return a
}

// fill gives an accumulator its maps back: a decoded empty map may come
// back nil.
func fill(a Acc) Acc {
	if a.Grades == nil {
		a.Grades = map[string]int{}
	}
	if a.Rules == nil {
		a.Rules = map[string]int{}
	}
	if len(a.Buckets) < Buckets {
		a.Buckets = append(a.Buckets, make([]int, Buckets-len(a.Buckets))...)
	}
	return a
}

func (f aggregateFn) ExtractOutput(a Acc) Acc { return fill(a) }

// Aggregate is one line of outlets.jsonl or days.jsonl (docs/scale.md).
type Aggregate struct {
	// By is "outlet" or "day", Key the outlet or the day.
	By       string `json:"by"`
	Key      string `json:"key"`
	Articles int    `json:"articles"`
	// Scored articles are those the policies ran on; the mean, grades and
	// buckets are theirs.
	Scored    int            `json:"scored"`
	MeanScore float64        `json:"mean_score"`
	Grades    map[string]int `json:"grades"`
	// ScoreBuckets counts scores 0–9, 10–19, …, 90–100.
	ScoreBuckets []int `json:"score_buckets"`
	Words        int   `json:"words"`
	// Rules gives, per rule with a finding that counts, the findings and
	// their rate per 1,000 words of the articles.
	Rules map[string]RuleRate `json:"rules"`
}

// RuleRate is how often one rule fired in an aggregate.
type RuleRate struct {
	Findings     int     `json:"findings"`
	Per1000Words float64 `json:"per_1000_words"`
}

// round2 keeps two decimals, so that the files read the same on every
// machine and a reader's own arithmetic can match them.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// aggregateOf makes the line of one key from its combined accumulator.
func aggregateOf(key string, a Acc) Aggregate {
	by, k, _ := strings.Cut(key, "\x00")
	out := Aggregate{By: by, Key: k, Articles: a.Articles, Scored: a.Scored, Grades: a.Grades,
		ScoreBuckets: a.Buckets, Words: a.Words, Rules: map[string]RuleRate{}}
	if a.Scored > 0 {
		out.MeanScore = round2(float64(a.ScoreSum) / float64(a.Scored))
	}
	for r, n := range a.Rules {
		rate := 0.0
		if a.Words > 0 {
			rate = round2(float64(n) * 1000 / float64(a.Words))
		}
		out.Rules[r] = RuleRate{Findings: n, Per1000Words: rate}
	}
	return out
}

func init() {
	register.Combiner3[Acc, Stat, Acc](&aggregateFn{})
	register.DoFn2x0[Stat, func(string, Stat)](&keyStatFn{})
	register.Emitter2[string, Stat]()
	register.DoFn3x0[string, Acc, func(string)](&aggregateLineFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeAggregatesFn{})
}

// keyStatFn keys each stat twice: by its outlet and by its day.
type keyStatFn struct{}

func (keyStatFn) ProcessElement(s Stat, emit func(string, Stat)) {
	emit("outlet\x00"+s.Outlet, s)
	emit("day\x00"+s.Day, s)
}

// aggregateLineFn encodes one aggregate as its JSON line.
type aggregateLineFn struct{}

func (aggregateLineFn) ProcessElement(key string, a Acc, emit func(string)) {
	b, err := json.Marshal(aggregateOf(key, a))
	if err != nil {
		panic(err) // maps of strings and numbers always encode
	}
	emit(string(b))
}

// aggregates adds the per-outlet and per-day aggregates of the stats:
// combined per key (Beam combines on each worker before the shuffle, so
// an outlet's millions of articles cross the network as a few partial
// sums), then written as two sorted files and a table.
func aggregates(s beam.Scope, stats beam.PCollection, output string) {
	s = s.Scope("aggregates")
	keyed := beam.ParDo(s, keyStatFn{}, stats)
	combined := beam.CombinePerKey(s, &aggregateFn{}, keyed)
	lines := beam.ParDo(s, aggregateLineFn{}, combined)
	// An archive has thousands of outlets and days, not millions: one
	// writer holds them all.
	beam.ParDo0(s, &writeAggregatesFn{Output: output}, beam.GroupByKey(s, beam.AddFixedKey(s, lines)))
}

// writeAggregatesFn writes outlets.jsonl, days.jsonl and the table.
type writeAggregatesFn struct{ Output string }

func (f *writeAggregatesFn) ProcessElement(ctx context.Context, _ int, values func(*string) bool) error {
	var outlets, days []Aggregate
	var line string
	for values(&line) {
		var a Aggregate
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			return err
		}
		if a.By == "outlet" {
			outlets = append(outlets, a)
		} else {
			days = append(days, a)
		}
	}
	for _, list := range [][]Aggregate{outlets, days} {
		slices.SortFunc(list, func(a, b Aggregate) int { return strings.Compare(a.Key, b.Key) })
	}
	for _, file := range []struct {
		name string
		list []Aggregate
	}{{OutletsFile, outlets}, {DaysFile, days}} {
		lines := make([]string, len(file.list))
		for i, a := range file.list {
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			lines[i] = string(b)
		}
		if err := writeLines(ctx, join(f.Output, file.name), lines); err != nil {
			return err
		}
	}
	return writeLines(ctx, join(f.Output, TableFile), table(outlets, days))
}

// table is the aggregates as a table to read in a terminal: one row per
// outlet, then per day, with the three rules that fire most often.
func table(outlets, days []Aggregate) []string {
	var out []string
	for _, part := range []struct {
		title string
		list  []Aggregate
	}{{"outlet", outlets}, {"day", days}} {
		out = append(out, fmt.Sprintf("%-32s %8s %6s  %-24s  %s", part.title, "articles", "mean", "grades", "most frequent rules (per 1,000 words)"))
		for _, a := range part.list {
			out = append(out, fmt.Sprintf("%-32s %8d %6.2f  %-24s  %s", a.Key, a.Articles, a.MeanScore, grades(a.Grades), topRules(a.Rules, 3)))
		}
		out = append(out, "")
	}
	return out[:len(out)-1]
}

func grades(g map[string]int) string {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s:%d", k, g[k]))
	}
	return strings.Join(parts, " ")
}

func topRules(rules map[string]RuleRate, n int) string {
	keys := make([]string, 0, len(rules))
	for k := range rules {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if rules[a].Findings != rules[b].Findings {
			return rules[b].Findings - rules[a].Findings
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s %.2f", k, rules[k].Per1000Words))
	}
	return strings.Join(parts, ", ")
}
