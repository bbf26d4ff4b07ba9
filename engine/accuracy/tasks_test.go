package accuracy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/accuracy"
	"github.com/credcheck/credcheck/engine/article"
	"github.com/credcheck/credcheck/engine/checker"
	"github.com/credcheck/credcheck/engine/config"
)

// The expected figures below were worked out from the labels of these
// files (fixtures/testdata/eval/README.md says what each record is for)
// and then confirmed by running them. A change to a built-in rule that
// moves them is worth reading before the figures are updated.
const testdata = "../../fixtures/testdata/eval/"

var loadChecker = sync.OnceValues(func() (*checker.Checker, error) {
	return checker.New(context.Background(), config.Config{}, checker.WithComparisons())
})

// pinnedChecker scores with the scoring data pinned in the test data, so
// that the credibility figures do not move with a new calibration.
var pinnedChecker = sync.OnceValues(func() (*checker.Checker, error) {
	return checker.New(context.Background(), config.Config{Data: []string{testdata + "scoring.yaml"}})
})

func pinned(t *testing.T) *checker.Checker {
	t.Helper()
	c, err := pinnedChecker()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func builtin(t *testing.T) *checker.Checker {
	t.Helper()
	c, err := loadChecker()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func run(t *testing.T, task string, opts accuracy.Options, files ...string) (*accuracy.Result, []*article.InputError) {
	t.Helper()
	r, errs, err := accuracy.Run(context.Background(), builtin(t), task, files, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r, errs
}

// runClean runs a task that must read every record of its files.
func runClean(t *testing.T, task string, opts accuracy.Options, files ...string) *accuracy.Result {
	t.Helper()
	r, errs := run(t, task, opts, files...)
	for _, e := range errs {
		t.Errorf("input error: %v", e)
	}
	return r
}

func metrics(r *accuracy.Result) map[string]float64 {
	out := map[string]float64{}
	for _, m := range r.Metrics {
		out[m.Name] = m.Value
	}
	return out
}

func metricNames(r *accuracy.Result) []string {
	var out []string
	for _, m := range r.Metrics {
		out = append(out, m.Name)
	}
	return out
}

// ids lists "id@line" of examples, so a test sees both which record was
// picked and that its place in the file is right.
func ids(es []accuracy.Example) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s@%d", e.ID, e.Line))
	}
	return out
}

func errorStrings(errs []*article.InputError) []string {
	out := []string{}
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// writeFile puts a labelled file in a temporary directory.
func writeFile(t *testing.T, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func group(name string, fired, correct, labels, found int, precision, recall, f1 float64) accuracy.Group {
	return accuracy.Group{Name: name, Fired: fired, Correct: correct, Labels: labels, Found: found, Precision: precision, Recall: recall, F1: f1}
}

func TestRunSpansFixture(t *testing.T) {
	file := testdata + "spans.jsonl"
	r := runClean(t, "spans", accuracy.DefaultOptions(), file)
	if r.Version != accuracy.ResultVersion || r.Task != "spans" || r.Records != 9 || !cmp.Equal(r.Files, []string{file}) {
		t.Errorf("header: version %d, task %q, %d records, files %v; want 1, spans, 9, [%s]", r.Version, r.Task, r.Records, r.Files, file)
	}
	// 14 findings of the labelled categories, 13 on a label; 14 labels,
	// 13 found.
	if diff := cmp.Diff(map[string]float64{"precision": 0.9286, "recall": 0.9286, "f1": 0.9286}, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if r.Confusion != nil {
		t.Errorf("spans has no confusion matrix, got %+v", r.Confusion)
	}
	wantCategories := []accuracy.Group{
		// unsourced-claim twice in wexmoor-libraries and once on "agreed
		// to" in brantley-dairy (not labelled), vague-source twice in
		// orlen-jobs; "one insider claimed" is missed.
		group("attribution", 5, 4, 5, 4, 0.8, 0.8, 0.8),
		// Both "Share This Post" lines and "Advertisement".
		group("boilerplate", 3, 3, 3, 3, 1, 1, 1),
		group("contradiction", 2, 2, 2, 2, 1, 1, 1),
		// "tech behemoth" in the record with a title.
		group("editorial", 1, 1, 1, 1, 1, 1, 1),
		// "reportedly", "allegedly" and, in the Markdown record, "is said to".
		group("hedge", 3, 3, 3, 3, 1, 1, 1),
		// No machine group: nothing is labelled machine, so the
		// repeated-headline finding in pellham-ferry is left out.
	}
	if diff := cmp.Diff(wantCategories, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	wantRules := []accuracy.Group{
		group("announced-vs-no-comment", 2, 2, 2, 2, 1, 1, 1),
		group("hearsay-hedge", 3, 3, 3, 3, 1, 1, 1),
		group("loaded-language", 1, 1, 1, 1, 1, 1, 1),
		// The boilerplate labels name no rule, so the rule has no labels
		// of its own.
		group("scraper-residue", 3, 3, 0, 0, 1, 0, 0),
		// One of the two wexmoor labels names the rule; the other counts
		// for the category only.
		group("unsourced-claim", 3, 2, 1, 1, 0.6667, 1, 0.8),
		group("vague-source", 2, 2, 2, 2, 1, 1, 1),
	}
	if diff := cmp.Diff(wantRules, r.Rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	wantFP := []accuracy.Example{{
		File: file, ID: "brantley-dairy", Line: 2,
		Text: "Brantley Foods has reportedly agreed to buy the Kessock Dairy cooperative.",
		Cues: []string{"unsourced-claim: agreed to"},
	}}
	if diff := cmp.Diff(wantFP, r.FalsePositives); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	wantFN := []accuracy.Example{{
		File: file, ID: "orlen-jobs", Line: 3, Text: "one insider claimed",
		Cues: []string{"attribution: an unnamed insider carries the claim (no rule catches this wording)"},
	}}
	if diff := cmp.Diff(wantFN, r.FalseNegatives); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if len(r.Notes) == 0 || !strings.HasPrefix(r.Notes[0], "categories evaluated: attribution, boilerplate, contradiction, editorial, hedge;") {
		t.Errorf("notes = %q", r.Notes)
	}
}

func TestRunSpansCategoryOption(t *testing.T) {
	opts := accuracy.DefaultOptions()
	opts.Categories = []string{"machine", "hedge"}
	r := runClean(t, "spans", opts, testdata+"spans.jsonl")
	// Labels of other categories are neither matched nor missed: only
	// the three hedge labels count, and the unlabelled repeated headline
	// is now a false positive.
	want := []accuracy.Group{
		group("hedge", 3, 3, 3, 3, 1, 1, 1),
		group("machine", 1, 0, 0, 0, 0, 0, 0),
	}
	if diff := cmp.Diff(want, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]float64{"precision": 0.75, "recall": 1, "f1": 0.8571}, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"pellham-ferry@6"}, ids(r.FalsePositives)); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	if len(r.FalseNegatives) != 0 {
		t.Errorf("labels of categories left out were reported missed: %v", ids(r.FalseNegatives))
	}

	opts.Categories = []string{"hedges"}
	if _, _, err := accuracy.Run(context.Background(), builtin(t), "spans", []string{testdata + "spans.jsonl"}, opts); err == nil || !strings.Contains(err.Error(), `unknown category "hedges"`) {
		t.Errorf("misspelt category: error = %v", err)
	}
}

func TestRunSpansShowLimitsExamples(t *testing.T) {
	opts := accuracy.DefaultOptions()
	opts.Show = 0
	r := runClean(t, "spans", opts, testdata+"spans.jsonl")
	if len(r.FalsePositives) != 0 || len(r.FalseNegatives) != 0 {
		t.Errorf("Show 0 listed %d false positives and %d false negatives", len(r.FalsePositives), len(r.FalseNegatives))
	}
	// The counts do not depend on how many examples are shown.
	if got := metrics(r)["recall"]; got != 0.9286 {
		t.Errorf("recall with Show 0 = %v, want 0.9286", got)
	}
}

func TestLabelErrorsNameFileAndLineAndSpareTheOtherRecords(t *testing.T) {
	const text = `Brantley Foods has reportedly agreed to buy the dairy.`
	path := writeFile(t, "labels.jsonl",
		`{"id": "good", "text": "`+text+`", "labels": [{"category": "hedge", "quote": "reportedly"}]}`,
		`{"id": "no-quote", "text": "`+text+`", "labels": [{"category": "hedge", "quote": "allegedly"}]}`,
		`{"id": "nth", "text": "`+text+`", "labels": [{"category": "hedge", "quote": "reportedly", "nth": 2}]}`,
		`{"id": "offsets", "text": "`+text+`", "labels": [{"category": "hedge", "start": 19, "end": 500}]}`,
		`{"id": "backwards", "text": "`+text+`", "labels": [{"category": "hedge", "start": 29, "end": 19}]}`,
		`{"id": "category", "text": "`+text+`", "labels": [{"category": "hedges", "quote": "reportedly"}]}`,
		`{"id": "nowhere", "text": "`+text+`", "labels": [{"category": "hedge"}]}`,
		`{"id": "shape", "text": "`+text+`", "labels": {"category": "hedge"}}`,
		// Two bad labels in one record still make one error.
		`{"id": "twice", "text": "`+text+`", "labels": [{"category": "hedge", "quote": "x1"}, {"category": "hedge", "quote": "x2"}]}`,
		`{"id": "also-good", "text": "`+text+`", "labels": [{"category": "hedge", "start": 19, "end": 29}]}`,
	)
	r, errs := run(t, "spans", accuracy.DefaultOptions(), path)
	want := []string{
		path + `:2: label quote "allegedly" (occurrence 1) is not in the text`,
		path + `:3: label quote "reportedly" (occurrence 2) is not in the text`,
		path + `:4: label offsets 19–500 are outside the text (54 bytes)`,
		path + `:5: label offsets 29–19 are outside the text (54 bytes)`,
		path + `:6: label category "hedges" is not one of attribution, hedge, contradiction, machine, editorial, boilerplate, sourcing`,
		path + `:7: a label needs "quote", or "start" and "end"`,
		path + `:8: "labels" must be a list of {category, quote or start/end}`,
		path + `:9: label quote "x1" (occurrence 1) is not in the text`,
	}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("input errors (-want +got):\n%s", diff)
	}
	if r.Records != 2 {
		t.Errorf("%d records evaluated, want the 2 good ones", r.Records)
	}
	if diff := cmp.Diff([]accuracy.Group{group("hedge", 2, 2, 2, 2, 1, 1, 1)}, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
}

// A record dropped for a bad label must not change what the good records
// are judged on: its labels' categories are not evaluated.
func TestDroppedRecordDoesNotWidenTheCategories(t *testing.T) {
	path := writeFile(t, "drop.jsonl",
		`{"id": "good", "text": "Advertisement\n\nThe ferry has reportedly been sold.", "labels": [{"category": "hedge", "quote": "reportedly"}]}`,
		`{"id": "bad", "text": "Advertisement\n\nThe pier is closed.", "labels": [{"category": "boilerplate", "quote": "Advertisement"}, {"category": "hedge", "quote": "missing"}]}`,
	)
	r, errs := run(t, "spans", accuracy.DefaultOptions(), path)
	if len(errs) != 1 || errs[0].Line != 2 {
		t.Fatalf("errors = %v, want one on line 2", errorStrings(errs))
	}
	if diff := cmp.Diff([]accuracy.Group{group("hedge", 1, 1, 1, 1, 1, 1, 1)}, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if len(r.FalsePositives) != 0 {
		t.Errorf("a category only the dropped record labels was evaluated: %v", r.FalsePositives)
	}
}

// Findings on a record with a title point into title + "\n\n" + text;
// labels point into text. The same label must match with or without a
// title, and a label elsewhere must not.
func TestTitleShiftMapsFindingsBackToTheText(t *testing.T) {
	const text = `The tech behemoth Quillstream raised its fees again, the company said in a filing.`
	path := writeFile(t, "title.jsonl",
		`{"id": "untitled", "text": "`+text+`", "labels": [{"category": "editorial", "quote": "tech behemoth"}]}`,
		`{"id": "titled", "title": "Quillstream raises seller fees", "text": "`+text+`", "labels": [{"category": "editorial", "quote": "tech behemoth"}]}`,
		// Surrounding spaces are trimmed from the title before it is
		// analysed, so they must not move the findings.
		`{"id": "padded", "title": "  Quillstream raises seller fees \t", "text": "`+text+`", "labels": [{"category": "editorial", "start": 4, "end": 17}]}`,
		// Had the shift been left out, the finding (at 36–49 of the
		// analysed text) would land on these words instead.
		`{"id": "decoy", "title": "Quillstream raises seller fees", "text": "`+text+`", "labels": [{"category": "editorial", "quote": "ised its fees"}]}`,
	)
	r := runClean(t, "spans", accuracy.DefaultOptions(), path)
	if diff := cmp.Diff([]accuracy.Group{group("editorial", 4, 3, 4, 3, 0.75, 0.75, 0.75)}, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"decoy@4"}, ids(r.FalsePositives)); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"decoy@4"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
}

// A Markdown record is analysed as a .md file: front matter and heading
// stay in the text the findings point into, so labels need no shift.
func TestMarkdownRecordOffsets(t *testing.T) {
	const md = `---\ntitle: Ferry sold\nauthor: Desk\n---\n\n# Ferry sold\n\nThe Pellham ferry has reportedly been sold to a rival operator.\n`
	path := writeFile(t, "md.jsonl",
		`{"id": "by-quote", "format": "markdown", "text": "`+md+`", "labels": [{"category": "hedge", "rule": "hearsay-hedge", "quote": "reportedly"}]}`,
		// "reportedly" starts at byte 76 of the unescaped text.
		`{"id": "by-offsets", "format": "markdown", "text": "`+md+`", "labels": [{"category": "hedge", "start": 76, "end": 86}]}`,
		`{"id": "plain", "format": "text", "text": "The ferry has reportedly been sold.", "labels": [{"category": "hedge", "quote": "reportedly"}]}`,
		`{"id": "titled-md", "format": "markdown", "title": "Ferry sold", "text": "`+md+`", "labels": []}`,
		`{"id": "html", "format": "html", "text": "<p>The ferry was sold.</p>", "labels": []}`,
	)
	r, errs := run(t, "spans", accuracy.DefaultOptions(), path)
	want := []string{
		path + `:4: a Markdown record gives its title in front matter or a heading, not in "title"`,
		path + `:5: "format" must be "text" or "markdown"`,
	}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("input errors (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]accuracy.Group{group("hedge", 3, 3, 3, 3, 1, 1, 1)}, r.Categories); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
}

func TestRunHedgeFixture(t *testing.T) {
	r := runClean(t, "hedge", accuracy.DefaultOptions(), testdata+"hedge.jsonl")
	if r.Records != 22 {
		t.Errorf("%d records, want 22", r.Records)
	}
	// 11 uncertain sentences, 8 flagged; 11 certain, 2 flagged.
	if diff := cmp.Diff(&accuracy.Confusion{TP: 8, FP: 2, FN: 3, TN: 9}, r.Confusion); diff != "" {
		t.Errorf("confusion (-want +got):\n%s", diff)
	}
	// R = 8/11, FPR = 2/11; at π = 0.227,
	// P = (8/11)(0.227) / ((8/11)(0.227) + (2/11)(0.773)) = 1.816/3.362.
	want := map[string]float64{
		"precision": 0.8, "recall": 0.7273, "f1": 0.7619,
		"natural_precision": 0.5402, "natural_f1": 0.6199, "accuracy": 0.7727,
	}
	if diff := cmp.Diff(want, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"precision", "recall", "f1", "natural_precision", "natural_f1", "accuracy"}, metricNames(r)); diff != "" {
		t.Errorf("metric order (-want +got):\n%s", diff)
	}
	wantRules := []accuracy.Group{
		group("epistemic-hedge", 5, 5, 11, 5, 1, 0.4545, 0.625),
		group("hearsay-hedge", 2, 2, 11, 2, 1, 0.1818, 0.3077),
		// "many kinds of bread" and "several waterfalls" are counted, not
		// uncertain.
		group("vague-quantity", 4, 2, 11, 2, 0.5, 0.1818, 0.2667),
	}
	if diff := cmp.Diff(wantRules, r.Rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"hedge-12@12", "hedge-19@19"}, ids(r.FalsePositives)); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"hedge-02@2", "hedge-03@3", "hedge-20@20"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if got := r.FalsePositives[0].Cues; !cmp.Equal(got, []string{"vague-quantity: many"}) {
		t.Errorf("cues of the first false positive = %q", got)
	}

	// The prevalence moves only the natural figures.
	opts := accuracy.DefaultOptions()
	opts.Prevalence = 0.5
	half := metrics(runClean(t, "hedge", opts, testdata+"hedge.jsonl"))
	// P = (8/11)(0.5) / ((8/11)(0.5) + (2/11)(0.5)) = 0.8: the file is balanced.
	if half["natural_precision"] != 0.8 || half["precision"] != 0.8 || half["recall"] != 0.7273 {
		t.Errorf("at prevalence 0.5: %v", half)
	}
}

func TestRunHedgeReportsBadRecordsAndCountsTheGoodOne(t *testing.T) {
	file := testdata + "bad.jsonl"
	r, errs := run(t, "hedge", accuracy.DefaultOptions(), file)
	want := []string{
		file + `:2: not a JSON object: unexpected end of JSON input`,
		file + `:3: record needs a non-empty "text"`,
		file + `:4: hedge records need "uncertain": true or false`,
	}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("input errors (-want +got):\n%s", diff)
	}
	if r.Records != 1 || *r.Confusion != (accuracy.Confusion{TP: 1}) {
		t.Errorf("%d records, confusion %+v; want the one good, uncertain record flagged", r.Records, *r.Confusion)
	}
}

func TestRunMissingFileAndUnknownTask(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.jsonl")
	for _, task := range accuracy.Tasks {
		r, errs := run(t, task, accuracy.DefaultOptions(), missing, testdata+"hedge.jsonl")
		if diff := cmp.Diff([]string{missing + ": no such file or directory"}, errorStrings(errs)[:min(1, len(errs))]); diff != "" {
			t.Errorf("%s: first error (-want +got):\n%s", task, diff)
		}
		if task == "hedge" && r.Records != 22 {
			t.Errorf("hedge: the readable file was not evaluated: %d records", r.Records)
		}
		// Lists are [] rather than null in JSON, whatever the task.
		if r.FalsePositives == nil || r.FalseNegatives == nil || r.Categories == nil || r.Rules == nil {
			t.Errorf("%s: a nil list in the result", task)
		}
	}
	_, _, err := accuracy.Run(context.Background(), builtin(t), "sentiment", []string{testdata + "hedge.jsonl"}, accuracy.DefaultOptions())
	if err == nil || err.Error() != `unknown task "sentiment" (tasks: spans, hedge, machine, attribution, credibility, extraction, consistency)` {
		t.Errorf("unknown task: error = %v", err)
	}
}

func TestRunMachineFixture(t *testing.T) {
	r := runClean(t, "machine", accuracy.DefaultOptions(), testdata+"machine.jsonl")
	if r.Records != 10 {
		t.Errorf("%d records, want 10", r.Records)
	}
	// Scores: the three model-a humans and human-model-b-03 score 0,
	// human-model-b-04 1.5 (two stock openers); machine-model-b-08 1.5,
	// machine-model-b-10 0, the other three machine texts more.
	// AUROC: three machines beat all five humans (15); the 1.5 machine
	// beats four and ties one (4.5); the 0 machine ties four (2): 21.5/25.
	// model-b alone: (1.5 + 2 + 0.5) / 6.
	want := map[string]float64{
		"auroc": 0.86, "auroc.model-a": 1, "auroc.model-b": 0.6667,
		"accuracy": 0.8, "precision": 0.8, "recall": 0.8,
	}
	if diff := cmp.Diff(want, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"auroc", "auroc.model-a", "auroc.model-b", "accuracy", "precision", "recall"}, metricNames(r)); diff != "" {
		t.Errorf("metric order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&accuracy.Confusion{TP: 4, FP: 1, FN: 1, TN: 4}, r.Confusion); diff != "" {
		t.Errorf("confusion (-want +got):\n%s", diff)
	}
	wantRules := []accuracy.Group{
		group("ai-vocabulary", 2, 2, 5, 2, 1, 0.4, 0.5714),
		group("formulaic-closer", 2, 2, 5, 2, 1, 0.4, 0.5714),
		group("formulaic-phrasing", 2, 2, 5, 2, 1, 0.4, 0.5714),
		group("stock-opener", 5, 4, 5, 4, 0.8, 0.8, 0.8),
	}
	if diff := cmp.Diff(wantRules, r.Rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"human-model-b-04@4"}, ids(r.FalsePositives)); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	if fp := r.FalsePositives; len(fp) == 1 && (fp[0].Score == nil || *fp[0].Score != 4.64 || !cmp.Equal(fp[0].Cues, []string{"stock-opener: Furthermore", "stock-opener: Moreover"})) {
		t.Errorf("false positive: score %v, cues %q", fp[0].Score, fp[0].Cues)
	}
	if diff := cmp.Diff([]string{"machine-model-b-10@10"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if fn := r.FalseNegatives; len(fn) == 1 && (fn[0].Score == nil || *fn[0].Score != 0 || fn[0].Cues == nil) {
		t.Errorf("false negative: score %v, cues %#v (want 0 and an empty list)", fn[0].Score, fn[0].Cues)
	}
}

// The lists of mistakes follow the threshold, as the confusion does: a
// human text below it was not flagged, however machine-like it scored.
func TestRunMachineThresholdMovesExamplesWithTheConfusion(t *testing.T) {
	opts := accuracy.DefaultOptions()
	opts.Threshold = 5
	r := runClean(t, "machine", opts, testdata+"machine.jsonl")
	if diff := cmp.Diff(&accuracy.Confusion{TP: 3, FP: 0, FN: 2, TN: 5}, r.Confusion); diff != "" {
		t.Errorf("confusion (-want +got):\n%s", diff)
	}
	if len(r.FalsePositives) != 0 {
		t.Errorf("false positives listed with none counted: %v", ids(r.FalsePositives))
	}
	// Worst first: the machine text that scored 0, then the one at 4.64.
	if diff := cmp.Diff([]string{"machine-model-b-10@10", "machine-model-b-08@8"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if got := metrics(r)["auroc"]; got != 0.86 {
		t.Errorf("auroc = %v; the threshold must not change the ranking", got)
	}
}

func TestRunAttributionFixture(t *testing.T) {
	file := testdata + "attribution.jsonl"
	r := runClean(t, "attribution", accuracy.DefaultOptions(), file)
	if r.Records != 3 {
		t.Errorf("%d records, want 3", r.Records)
	}
	// 14 sentences. Annotated content lies in 9; the policies also take
	// in a sentence after an attributed one in each of the first two
	// articles and the scare-quoted quay name of the third, and miss
	// "in the treasury's view". Had the character offsets been read as
	// bytes, port-strike's content would fall on "Cranes stood idle."
	// and its last sentence would be a false positive.
	if diff := cmp.Diff(&accuracy.Confusion{TP: 8, FP: 3, FN: 1, TN: 2}, r.Confusion); diff != "" {
		t.Errorf("confusion (-want +got):\n%s", diff)
	}
	// Sources: all but the treasury are found (8 of 9).
	want := map[string]float64{"precision": 0.7273, "recall": 0.8889, "f1": 0.8, "source_recall": 0.8889, "accuracy": 0.7143}
	if diff := cmp.Diff(want, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	// Examples are located by the record's line in the file, as in every
	// other task.
	if diff := cmp.Diff([]string{"tram-cafes@1", "relief-bill@2", "port-strike@3"}, ids(r.FalsePositives)); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"relief-bill@2"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if got := r.FalseNegatives[0].Text; got != "The coastal districts need the money by June, in the treasury’s view." {
		t.Errorf("false negative text = %q", got)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "of 9 annotated attributions with a source") {
		t.Errorf("notes = %q", r.Notes)
	}
}

func TestRunAttributionNeedsAttributions(t *testing.T) {
	path := writeFile(t, "attr.jsonl",
		`{"id": "a", "text": "The mayor said the road would reopen.", "attributions": [{"source": [[0, 9]], "cue": [[10, 14]], "content": [[15, 36]]}]}`,
		`{"id": "b", "text": "The mayor said the road would reopen."}`,
		`{"id": "c", "text": "The mayor said the road would reopen.", "attributions": "none"}`,
	)
	r, errs := run(t, "attribution", accuracy.DefaultOptions(), path)
	want := []string{
		path + `:2: attribution records need "attributions": [{source, cue, content}]`,
		path + `:3: attribution records need "attributions": [{source, cue, content}]`,
	}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("input errors (-want +got):\n%s", diff)
	}
	if r.Records != 1 || *r.Confusion != (accuracy.Confusion{TP: 1}) || metrics(r)["source_recall"] != 1 {
		t.Errorf("%d records, confusion %+v, metrics %v", r.Records, *r.Confusion, metrics(r))
	}
}

// A saved result must not depend on scheduling: --compare reads it byte
// for byte in CI.
func TestResultIsIdenticalAcrossRuns(t *testing.T) {
	for _, c := range []struct{ task, file string }{
		{"spans", "spans.jsonl"}, {"hedge", "hedge.jsonl"}, {"machine", "machine.jsonl"}, {"attribution", "attribution.jsonl"},
		{"credibility", "credibility.jsonl"},
	} {
		var outs [2]bytes.Buffer
		for i := range outs {
			r := runClean(t, c.task, accuracy.DefaultOptions(), testdata+c.file)
			if err := accuracy.Write(&outs[i], "json", r); err != nil {
				t.Fatal(err)
			}
		}
		if outs[0].String() != outs[1].String() {
			t.Errorf("%s: JSON result differs between two runs", c.task)
		}
	}
}

// The attribution fixture's offsets count characters, as PolNeAR's do:
// decoded as characters they pick out the words they were written for,
// and read as bytes some of them would not.
func TestAttributionFixtureOffsetsAreCharacters(t *testing.T) {
	data, err := os.ReadFile(testdata + "attribution.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	type spans [][2]int
	var got []string
	shifted := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rec struct {
			ID           string `json:"id"`
			Text         string `json:"text"`
			Attributions []struct {
				Source, Cue, Content spans
			} `json:"attributions"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		runes := []rune(rec.Text)
		for _, a := range rec.Attributions {
			var parts []string
			for _, sp := range []spans{a.Source, a.Cue, a.Content} {
				s, e := sp[0][0], sp[0][1]
				parts = append(parts, string(runes[s:e]))
				if rec.Text[s:e] != string(runes[s:e]) {
					shifted++
				}
			}
			got = append(got, rec.ID+": "+strings.Join(parts, " | "))
		}
	}
	want := []string{
		"tram-cafes: Café owners on Rue Sainte-Hélène | say | the new tram line has halved their trade",
		"tram-cafes: Zoë Lefèvre | said | Since the works began, Tuesdays are empty",
		"tram-cafes: The city’s transport office | said | the works would finish in September",
		"tram-cafes: Mayor Benoît Daragon | According to | the line will carry 20,000 passengers a day",
		"relief-bill: Senator Inés Ríos | accused | the budget office of sitting on the flood relief bill for six weeks",
		"relief-bill: The office | saying | it had received the final text only on Friday",
		"relief-bill: Ríos | told reporters | she expected a vote before the recess",
		"relief-bill: the treasury’s | view | The coastal districts need the money by June",
		"port-strike: Nikos Papadakis, a union steward | said | Pay talks had collapsed",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("annotated spans (-want +got):\n%s", diff)
	}
	if shifted < 10 {
		t.Errorf("only %d spans would move if read as bytes; the fixture no longer tests the conversion", shifted)
	}
}

// A record with no prose cannot be checked, but it is still a record: it
// flags nothing, counts, and the result says so.
func TestNoProseRecordCountsAsFlaggingNothing(t *testing.T) {
	path := writeFile(t, "noprose.jsonl",
		`{"id": "stars", "text": "* * *", "uncertain": true}`,
		`{"id": "mill", "text": "The mill is thought to be old.", "uncertain": true}`,
	)
	r := runClean(t, "hedge", accuracy.DefaultOptions(), path)
	if r.Records != 2 || *r.Confusion != (accuracy.Confusion{TP: 1, FN: 1}) {
		t.Errorf("%d records, confusion %+v; want 2, TP 1, FN 1", r.Records, *r.Confusion)
	}
	if diff := cmp.Diff([]string{"stars@1"}, ids(r.FalseNegatives)); diff != "" {
		t.Errorf("false negatives (-want +got):\n%s", diff)
	}
	if got := r.Notes[len(r.Notes)-1]; got != "1 records hold no prose (punctuation or markup only) and count as flagging nothing" {
		t.Errorf("last note = %q", got)
	}
}
