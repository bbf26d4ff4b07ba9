package accuracy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/document"
	"github.com/credcheck/credcheck/engine/finding"
	"github.com/credcheck/credcheck/engine/report"
	"github.com/credcheck/credcheck/engine/safefile"
)

// Tasks are the kinds of labelled data eval reads.
var Tasks = []string{"spans", "hedge", "machine", "attribution", "credibility", "extraction", "consistency"}

// Options tune an evaluation.
type Options struct {
	// Show is how many false positives and false negatives to list.
	Show int
	// Prevalence is the natural share of uncertain sentences the hedge task
	// reports precision and F1 at (0.227 for CoNLL-2010 Wikipedia).
	Prevalence float64
	// Threshold is the machine-style points at or above which the machine
	// task calls a text machine-generated.
	Threshold float64
	// Categories restricts the spans task to these categories.
	Categories []string
	// Good is the label of the credible class in the credibility task;
	// every other label is not credible.
	Good string
	// Bootstrap is how many resamples the credibility task draws for the
	// interval of its AUROC; 0 draws none.
	Bootstrap int
	// MaxBytes bounds each record; 0 means article.DefaultMaxBytes.
	MaxBytes int64
	// Predictions, when set, receives the extraction task's body text of
	// each page by its key, for the benchmark's own scorer.
	Predictions map[string]string
}

// DefaultOptions are the documented defaults.
func DefaultOptions() Options {
	return Options{Show: 10, Prevalence: 0.227, Threshold: 1.5, Good: "reliable", Bootstrap: 1000}
}

// CheckTask reports an unknown task before any work is done.
func CheckTask(task string) error {
	for _, t := range Tasks {
		if t == task {
			return nil
		}
	}
	return fmt.Errorf("unknown task %q (tasks: %s)", task, strings.Join(Tasks, ", "))
}

// Run evaluates the policies of c on the labelled files for a task.
func Run(ctx context.Context, c *checker.Checker, task string, files []string, opts Options) (*Result, []*article.InputError, error) {
	var (
		r    *Result
		errs []*article.InputError
	)
	for _, cat := range opts.Categories {
		// A misspelt category would match nothing and report zeros as if
		// the rules had missed every label.
		if !finding.KnownCategory(cat) {
			return nil, nil, fmt.Errorf("unknown category %q (categories: %s)", cat, strings.Join(finding.Categories, ", "))
		}
	}
	switch task {
	case "spans":
		r, errs = runSpans(ctx, c, files, opts)
	case "hedge":
		r, errs = runHedge(ctx, c, files, opts)
	case "machine":
		r, errs = runMachine(ctx, c, files, opts)
	case "attribution":
		r, errs = runAttribution(ctx, c, files, opts)
	case "extraction":
		r, errs = runExtraction(files, opts)
	case "consistency":
		var err error
		if r, errs, err = runConsistency(ctx, c, files, opts); err != nil {
			return nil, errs, err
		}
	case "credibility":
		var err error
		if r, errs, err = runCredibility(ctx, c, files, opts); err != nil {
			return nil, errs, err
		}
	default:
		return nil, nil, fmt.Errorf("unknown task %q (tasks: %s)", task, strings.Join(Tasks, ", "))
	}
	r.Version, r.Task, r.Files = ResultVersion, task, files
	if r.FalsePositives == nil {
		r.FalsePositives = []Example{}
	}
	if r.FalseNegatives == nil {
		r.FalseNegatives = []Example{}
	}
	if r.Categories == nil {
		r.Categories = []Group{}
	}
	if r.Rules == nil {
		r.Rules = []Group{}
	}
	return r, errs, nil
}

// record is one line of a labelled JSON Lines file.
type record struct {
	file   string
	line   int
	id     string
	fields map[string]json.RawMessage
}

func (r record) text(key string) (string, bool) {
	var s string
	if raw, ok := r.fields[key]; ok && json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	return "", false
}

// markdown tells whether the record's text is Markdown ("format":
// "markdown"), whose front matter and headings are read as in a .md file.
func (r record) markdown() bool {
	f, _ := r.text("format")
	return f == "markdown"
}

func (r record) boolean(key string) (value, ok bool) {
	raw, present := r.fields[key]
	if !present {
		return false, false
	}
	return value, json.Unmarshal(raw, &value) == nil
}

// readRecords reads every JSON object line of the files, reporting lines
// that are not objects with a text.
func readRecords(files []string, maxBytes int64) ([]record, []*article.InputError) {
	return readRecordsWith(files, maxBytes, "text")
}

// readRecordsWith reads every JSON object line of the files, reporting
// lines that are not objects with non-empty texts under the given keys.
func readRecordsWith(files []string, maxBytes int64, texts ...string) ([]record, []*article.InputError) {
	if maxBytes <= 0 {
		maxBytes = article.DefaultMaxBytes
	}
	var out []record
	var errs []*article.InputError
	for _, file := range files {
		recs, more := readRecordFile(file, maxBytes, texts)
		out = append(out, recs...)
		errs = append(errs, more...)
	}
	return out, errs
}

// readRecordFile reads one corpus file record by record, so that a corpus
// is not held twice (bytes and records) and one huge line costs one error.
func readRecordFile(file string, maxBytes int64, texts []string) ([]record, []*article.InputError) {
	var out []record
	var errs []*article.InputError
	f, _, err := safefile.Open(file)
	if err != nil {
		return nil, []*article.InputError{{Path: file, Reason: safefile.Reason(err)}}
	}
	defer f.Close()
	lines := safefile.NewLines(f, int(min(maxBytes, int64(math.MaxInt))))
	for lines.Next() {
		lineNo := lines.Number()
		if lines.TooLong() {
			errs = append(errs, &article.InputError{Path: file, Line: lineNo, Reason: "record of more than " + safefile.Bytes(maxBytes) + ", the limit for one article (--max-bytes raises it)"})
			continue
		}
		line := bytes.TrimSpace(bytes.TrimPrefix(lines.Bytes(), []byte("\ufeff")))
		if len(line) == 0 {
			continue
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(line, &fields); err != nil {
			errs = append(errs, &article.InputError{Path: file, Line: lineNo, Reason: "not a JSON object: " + strings.TrimPrefix(err.Error(), "json: ")})
			continue
		}
		r := record{file: file, line: lineNo, fields: fields}
		if raw, ok := fields["id"]; ok {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				r.id = s
			} else {
				r.id = strings.Trim(string(raw), `"`)
			}
		}
		if r.id == "" {
			r.id = fmt.Sprintf("%s:%d", file, lineNo)
		}
		if key := missingText(r, texts); key != "" {
			errs = append(errs, &article.InputError{Path: file, Line: lineNo, Reason: fmt.Sprintf("record needs a non-empty %q", key)})
			continue
		}
		if f, present := r.fields["format"]; present {
			var name string
			if json.Unmarshal(f, &name) != nil || (name != "text" && name != "markdown") {
				errs = append(errs, &article.InputError{Path: file, Line: lineNo, Reason: `"format" must be "text" or "markdown"`})
				continue
			}
			if _, titled := r.text("title"); titled && name == "markdown" {
				errs = append(errs, &article.InputError{Path: file, Line: lineNo, Reason: `a Markdown record gives its title in front matter or a heading, not in "title"`})
				continue
			}
		}
		out = append(out, r)
	}
	if err := lines.Err(); err != nil {
		errs = append(errs, &article.InputError{Path: file, Line: lines.Number() + 1, Reason: "reading: " + err.Error()})
	}
	return out, errs
}

// missingText is the first of keys the record lacks a non-empty text
// under, or "".
func missingText(r record, keys []string) string {
	for _, k := range keys {
		if t, ok := r.text(k); !ok || strings.TrimSpace(t) == "" {
			return k
		}
	}
	return ""
}

// checkRecords checks the text of each record as a plain-text article and
// returns the results by record index; records that could not be checked
// are left nil and reported. A record whose text holds no prose (a lone
// quotation mark, say) flags nothing: it gets an empty result, and so does
// a record that reads as another language than English, which check leaves
// unscored; notes count both.
func checkRecords(ctx context.Context, c *checker.Checker, recs []record) ([]*report.Article, []*article.InputError, []string) {
	articles := make([]*article.Article, len(recs))
	for i, r := range recs {
		text, _ := r.text("text")
		title, _ := r.text("title")
		articles[i] = &article.Article{ID: strconv.Itoa(i), Path: r.file, Line: r.line, Format: article.Text, Source: text}
		switch {
		case r.markdown():
			articles[i].Format = article.Markdown
		case title != "":
			articles[i].Format, articles[i].Title = article.JSONLines, title
		}
	}
	results, problems := c.Check(ctx, articles)
	out := make([]*report.Article, len(recs))
	unscored := 0
	for _, res := range results {
		i, _ := strconv.Atoi(res.ID)
		if !res.Scored() {
			unscored++
			res.Scorecard = c.Scoring.Score(nil, 0, c.Weight)
		}
		// Findings the configuration suppresses are not predictions, as
		// they do not count in check.
		counting := res.Findings[:0]
		for _, f := range res.Findings {
			if f.Counts() {
				counting = append(counting, f)
			}
		}
		res.Findings = counting
		out[i] = res
	}
	// Problems name a record by file and line; find its index once.
	type place struct {
		path string
		line int
	}
	at := make(map[place]int, len(articles))
	for i, a := range articles {
		at[place{a.Path, a.Line}] = i
	}
	var errs []*article.InputError
	empty := 0
	for _, p := range problems {
		if p.Reason != document.ErrNoProse.Error() {
			errs = append(errs, p)
			continue
		}
		if i, ok := at[place{p.Path, p.Line}]; ok && out[i] == nil {
			a := articles[i]
			out[i] = &report.Article{ID: a.ID, Path: a.Path, Line: a.Line, Format: a.Format, Scorecard: c.Scoring.Score(nil, 0, c.Weight)}
			empty++
		}
	}
	var notes []string
	if empty > 0 {
		notes = append(notes, fmt.Sprintf("%d records hold no prose (punctuation or markup only) and count as flagging nothing", empty))
	}
	if unscored > 0 {
		notes = append(notes, fmt.Sprintf("%d records read as another language than English and count as flagging nothing (--language en checks them)", unscored))
	}
	return out, errs, notes
}

// cues describes the findings of the given rules in an article.
func cues(a *report.Article, keep func(*finding.Finding) bool) []string {
	// Never nil: the JSON result documents cues as a list.
	out := []string{}
	for _, f := range a.Findings {
		if keep(f) {
			out = append(out, fmt.Sprintf("%s: %s", f.Rule, clip(f.Cue, 60)))
		}
	}
	return out
}

// countRules counts, per rule, a record it fired on (once, however many
// findings) in fired, and in correct when the record is a positive. It
// returns how many of the rules keep selects fired.
func countRules(a *report.Article, keep func(*finding.Finding) bool, positive bool, fired, correct map[string]int) int {
	rules := map[string]bool{}
	for _, f := range a.Findings {
		if keep(f) {
			rules[f.Rule] = true
		}
	}
	for rule := range rules {
		fired[rule]++
		if positive {
			correct[rule]++
		}
	}
	return len(rules)
}

// ruleGroups turns per-rule counts into sorted groups.
func ruleGroups(fired, correct map[string]int, labels int, found map[string]int) []Group {
	names := slices.Sorted(maps.Keys(fired))
	out := make([]Group, 0, len(names))
	for _, name := range names {
		out = append(out, newGroup(name, fired[name], correct[name], labels, found[name]))
	}
	return out
}

func float(x float64) *float64 { return &x }
