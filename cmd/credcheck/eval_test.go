package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The labelled files are described in fixtures/testdata/eval/README.md;
// engine/accuracy's tests derive the figures asserted here.
const evalData = "fixtures/testdata/eval/"

func TestEvalSpansText(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "eval", evalData+"spans.jsonl")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"task spans: 9 records from fixtures/testdata/eval/spans.jsonl\n",
		"  precision            0.9286\n",
		"  recall               0.9286\n",
		"  f1                   0.9286\n",
		"categories                  fired   correct  labels precision  recall      f1\n",
		"  attribution                   5         4       5     0.800   0.800   0.800\n",
		"  hedge                         3         3       3     1.000   1.000   1.000\n",
		"  unsourced-claim               3         2       1     0.667   1.000   0.800\n",
		// Its labels name no rule: no recall of its own, shown as "-".
		"  scraper-residue               3         3       0     1.000       -       -\n",
		"false positives (flagged, not labelled):\n" +
			"  fixtures/testdata/eval/spans.jsonl:2 [brantley-dairy] unsourced-claim: agreed to\n" +
			"      Brantley Foods has reportedly agreed to buy the Kessock Dairy cooperative.\n",
		"false negatives (labelled, not flagged):\n" +
			"  fixtures/testdata/eval/spans.jsonl:3 [orlen-jobs] attribution: an unnamed insider carries the claim (no rule catches this wording)\n" +
			"      one insider claimed\n",
		"note: categories evaluated: attribution, boilerplate, contradiction, editorial, hedge;",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	// Nothing is labelled machine, so the repeated headline is not judged.
	if strings.Contains(r.stdout, "repeated-headline") || strings.Contains(r.stdout, "machine") {
		t.Errorf("an unlabelled category was evaluated:\n%s", r.stdout)
	}
}

// The JSON result has the documented keys in the documented order
// (docs/eval.md), so that a saved baseline diffs cleanly.
func TestEvalJSONHasTheDocumentedKeys(t *testing.T) {
	t.Parallel()
	keys := func(s string) []string {
		t.Helper()
		dec := json.NewDecoder(strings.NewReader(s))
		var out []string
		if _, err := dec.Token(); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, s)
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, k.(string))
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		return out
	}
	r := credcheck(t, "", nil, "", "eval", "--format", "json", evalData+"spans.jsonl")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := []string{"version", "task", "files", "records", "metrics", "categories", "rules", "false_positives", "false_negatives", "notes"}
	if diff := cmp.Diff(want, keys(r.stdout)); diff != "" {
		t.Errorf("spans keys (-want +got):\n%s", diff)
	}
	var res struct {
		Version int      `json:"version"`
		Task    string   `json:"task"`
		Files   []string `json:"files"`
		Records int      `json:"records"`
		Metrics []struct {
			Name  string  `json:"name"`
			Value float64 `json:"value"`
		} `json:"metrics"`
		Categories []map[string]any `json:"categories"`
		FalseNeg   []struct {
			File string   `json:"file"`
			ID   string   `json:"id"`
			Line int      `json:"line"`
			Text string   `json:"text"`
			Cues []string `json:"cues"`
		} `json:"false_negatives"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Version != 1 || res.Task != "spans" || res.Records != 9 || len(res.Metrics) != 3 || res.Metrics[2].Name != "f1" || res.Metrics[2].Value != 0.9286 {
		t.Errorf("unexpected result: %+v", res)
	}
	groupKeys := []string{"correct", "f1", "fired", "found", "labels", "name", "precision", "recall"}
	for _, g := range res.Categories {
		var got []string
		for k := range g {
			got = append(got, k)
		}
		slices.Sort(got)
		if diff := cmp.Diff(groupKeys, got); diff != "" {
			t.Errorf("category keys (-want +got):\n%s", diff)
		}
	}
	if len(res.FalseNeg) != 1 || res.FalseNeg[0].ID != "orlen-jobs" || res.FalseNeg[0].Line != 3 || res.FalseNeg[0].Text != "one insider claimed" {
		t.Errorf("false negatives: %+v", res.FalseNeg)
	}

	// Binary tasks add the confusion counts after the metrics.
	r = credcheck(t, "", nil, "", "eval", "--task", "hedge", "-f", "json", evalData+"hedge.jsonl")
	want = []string{"version", "task", "files", "records", "metrics", "confusion", "categories", "rules", "false_positives", "false_negatives", "notes"}
	if diff := cmp.Diff(want, keys(r.stdout)); diff != "" {
		t.Errorf("hedge keys (-want +got):\n%s", diff)
	}
	var hedge struct {
		Confusion map[string]int `json:"confusion"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &hedge); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"tp": 8, "fp": 2, "fn": 3, "tn": 9}, hedge.Confusion); diff != "" {
		t.Errorf("confusion (-want +got):\n%s", diff)
	}
}

func TestEvalCompareGatesOnRegressions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	spans := evalData + "spans.jsonl"
	saved := credcheck(t, "", nil, "", "eval", "--format", "json", spans)
	if saved.code != 0 {
		t.Fatalf("saving a baseline: exit %d\n%s", saved.code, saved.stderr)
	}
	base := filepath.Join(dir, "baseline.json")
	write(t, base, saved.stdout)

	// The same run against its own result.
	r := credcheck(t, "", nil, "", "eval", "--compare", base, spans)
	if r.code != 0 || !strings.Contains(r.stderr, "no figure fell by more than 0.005 against "+base) {
		t.Errorf("against itself: exit %d\n%s", r.code, r.stderr)
	}
	// A run with --format json still compares, and its output is the
	// baseline again.
	r = credcheck(t, "", nil, "", "eval", "--format", "json", "--compare", base, spans)
	if r.code != 0 || r.stdout != saved.stdout {
		t.Errorf("json run against itself: exit %d, output identical %v\n%s", r.code, r.stdout == saved.stdout, r.stderr)
	}

	// A baseline that claims better figures than the rules reach now.
	doctored := strings.Replace(saved.stdout, `"name": "f1",
      "value": 0.9286`, `"name": "f1",
      "value": 0.99`, 1)
	doctored = strings.Replace(doctored, `"precision": 0.6667`, `"precision": 0.7`, 1)
	if doctored == saved.stdout || strings.Count(doctored, "0.99") != 1 {
		t.Fatalf("could not doctor the baseline:\n%s", saved.stdout)
	}
	better := filepath.Join(dir, "better.json")
	write(t, better, doctored)
	r = credcheck(t, "", nil, "", "eval", "--compare", better, spans)
	if r.code != 1 {
		t.Errorf("against a better baseline: exit %d, want 1\n%s", r.code, r.stderr)
	}
	want := "regression: f1 fell from 0.9900 to 0.9286\n" +
		"regression: rule.unsourced-claim.precision fell from 0.7000 to 0.6667\n"
	if r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
	if !strings.Contains(r.stdout, "task spans: 9 records") {
		t.Errorf("the result is still printed on a regression:\n%s", r.stdout)
	}
	// 0.99 - 0.9286 = 0.0614: a tolerance above it lets both through.
	if r := credcheck(t, "", nil, "", "eval", "--compare", better, "--tolerance", "0.07", spans); r.code != 0 {
		t.Errorf("--tolerance 0.07: exit %d, want 0\n%s", r.code, r.stderr)
	}
	r = credcheck(t, "", nil, "", "eval", "--compare", better, "--tolerance", "0.05", spans)
	if r.code != 1 || r.stderr != "regression: f1 fell from 0.9900 to 0.9286\n" {
		t.Errorf("--tolerance 0.05: exit %d, want 1 for f1 alone\n%s", r.code, r.stderr)
	}

	// A result of another task, and a file that is no result at all.
	hedge := credcheck(t, "", nil, "", "eval", "--task", "hedge", "--format", "json", evalData+"hedge.jsonl")
	write(t, filepath.Join(dir, "hedge.json"), hedge.stdout)
	r = credcheck(t, "", nil, "", "eval", "--compare", filepath.Join(dir, "hedge.json"), spans)
	if r.code != 2 || !strings.Contains(r.stderr, "cannot compare a hedge result with a spans result") {
		t.Errorf("against another task: exit %d\n%s", r.code, r.stderr)
	}
	r = credcheck(t, "", nil, "", "eval", "--compare", evalData+"README.md", spans)
	if r.code != 2 || !strings.Contains(r.stderr, "README.md: not an eval result") || r.stdout != "" {
		t.Errorf("against a README: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestEvalBadRecordsAreReportedAndTheRestCounted(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "eval", "--task", "hedge", evalData+"bad.jsonl")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	want := []string{
		"credcheck: fixtures/testdata/eval/bad.jsonl:2: not a JSON object: unexpected end of JSON input",
		`credcheck: fixtures/testdata/eval/bad.jsonl:3: record needs a non-empty "text"`,
		`credcheck: fixtures/testdata/eval/bad.jsonl:4: hedge records need "uncertain": true or false`,
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(r.stderr), "\n")); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	for _, w := range []string{"task hedge: 1 record ", "confusion: 1 true positives, 0 false positives, 0 false negatives, 0 true negatives"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("the good record was not counted: no %q in\n%s", w, r.stdout)
		}
	}
	// A bad record fails the run even when the figures match the baseline:
	// a gate must not pass on half its data.
	dir := t.TempDir()
	saved := credcheck(t, "", nil, "", "eval", "--task", "hedge", "--format", "json", evalData+"bad.jsonl")
	write(t, filepath.Join(dir, "base.json"), saved.stdout)
	if r := credcheck(t, "", nil, "", "eval", "--task", "hedge", "--compare", filepath.Join(dir, "base.json"), evalData+"bad.jsonl"); r.code != 2 {
		t.Errorf("bad records with --compare: exit %d, want 2", r.code)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"eval", evalData + "missing.jsonl"}, "credcheck: fixtures/testdata/eval/missing.jsonl: no such file or directory\n"},
		{[]string{"eval", "--task", "sentiment", evalData + "hedge.jsonl"}, `credcheck: unknown task "sentiment" (tasks: spans, hedge, machine, attribution, credibility, extraction, consistency)` + "\n"},
		{[]string{"eval", "--category", "hedges", evalData + "spans.jsonl"}, `credcheck: unknown category "hedges"`},
		{[]string{"eval", "--format", "yaml", evalData + "spans.jsonl"}, `unknown format "yaml"`},
		{[]string{"eval"}, "requires at least 1 arg(s)"},
	}
	for _, c := range cases {
		r := credcheck(t, "", nil, "", c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("credcheck %s: exit %d, want 2 and %q on stderr; got:\n%s", strings.Join(c.args, " "), r.code, c.want, r.stderr)
		}
	}
	// A missing file among good ones: the good ones are still evaluated.
	r := credcheck(t, "", nil, "", "eval", "--task", "hedge", evalData+"missing.jsonl", evalData+"hedge.jsonl")
	if r.code != 2 || !strings.Contains(r.stdout, "task hedge: 22 records from fixtures/testdata/eval/missing.jsonl, fixtures/testdata/eval/hedge.jsonl") {
		t.Errorf("missing file beside a good one: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestEvalPublicCorpusTasks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		task, file string
		want       []string
	}{
		{"hedge", "hedge.jsonl", []string{
			"task hedge: 22 records",
			"  natural_f1           0.6199   (CoNLL-2010 Wikipedia:",
			"  natural_precision    0.5402\n",
			"confusion: 8 true positives, 2 false positives, 3 false negatives, 9 true negatives",
			"fixtures/testdata/eval/hedge.jsonl:12 [hedge-12] vague-quantity: many\n      The bakery on Mill Street sells many kinds of bread.\n",
		}},
		{"machine", "machine.jsonl", []string{
			"task machine: 10 records",
			"  auroc                0.8600   (model-free rules only;",
			"  auroc.model-a        1.0000\n",
			"  auroc.model-b        0.6667\n",
			"confusion: 4 true positives, 1 false positives, 1 false negatives, 4 true negatives",
			"fixtures/testdata/eval/machine.jsonl:4 [human-model-b-04] score 4.64 stock-opener: Furthermore; stock-opener: Moreover\n",
			"fixtures/testdata/eval/machine.jsonl:10 [machine-model-b-10] score 0.00",
		}},
		{"attribution", "attribution.jsonl", []string{
			"task attribution: 3 records",
			"  f1                   0.8000   (no published sentence-level figure)\n",
			"  source_recall        0.8889\n",
			"confusion: 8 true positives, 3 false positives, 1 false negatives, 2 true negatives",
			"fixtures/testdata/eval/attribution.jsonl:2 [relief-bill] annotated as attributed content\n      The coastal districts need the money by June, in the treasury’s view.\n",
		}},
	}
	for _, c := range cases {
		r := credcheck(t, "", nil, "", "eval", "--task", c.task, evalData+c.file)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: exit %d\n%s", c.task, r.code, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q:\n%s", c.task, w, r.stdout)
			}
		}
	}
}

// Options reach the engine: each flag changes what it should and nothing
// else.
func TestEvalOptionFlags(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "eval", "--show", "0", evalData+"spans.jsonl")
	if r.code != 0 || strings.Contains(r.stdout, "false positives") || strings.Contains(r.stdout, "false negatives") || !strings.Contains(r.stdout, "  f1                   0.9286\n") {
		t.Errorf("--show 0: exit %d\n%s", r.code, r.stdout)
	}
	r = credcheck(t, "", nil, "", "eval", "--task", "hedge", "--prevalence", "0.5", evalData+"hedge.jsonl")
	if !strings.Contains(r.stdout, "  natural_precision    0.8000\n") || !strings.Contains(r.stdout, "re-weight to a prevalence of 0.500") {
		t.Errorf("--prevalence 0.5:\n%s", r.stdout)
	}
	r = credcheck(t, "", nil, "", "eval", "--task", "machine", "--threshold", "5", evalData+"machine.jsonl")
	if !strings.Contains(r.stdout, "confusion: 3 true positives, 0 false positives, 2 false negatives, 5 true negatives") || strings.Contains(r.stdout, "false positives (flagged") {
		t.Errorf("--threshold 5:\n%s", r.stdout)
	}
	r = credcheck(t, "", nil, "", "eval", "--category", "hedge", evalData+"spans.jsonl")
	if !regexp.MustCompile(`(?m)^  precision            1\.0000\n  recall               1\.0000$`).MatchString(r.stdout) || strings.Contains(r.stdout, "attribution") {
		t.Errorf("--category hedge:\n%s", r.stdout)
	}
}

// A configuration file switches rules off for eval as it does for check,
// so a newsroom measures the catalog it actually runs.
func TestEvalUsesTheConfiguration(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("../..", evalData, "spans.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "spans.jsonl"), string(data))
	write(t, filepath.Join(dir, ".credcheck.yaml"), "rules:\n  loaded-language:\n    enabled: false\n")
	r := credcheck(t, dir, nil, "", "eval", "spans.jsonl")
	if r.code != 0 || !strings.Contains(r.stdout, "  editorial                     0         0       1         -   0.000   0.000\n") {
		t.Errorf("loaded-language disabled: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "[quillstream-fees] editorial") {
		t.Errorf("the label the disabled rule would have found is not listed as missed:\n%s", r.stdout)
	}
	// Findings an ignore entry suppresses are not predictions either.
	write(t, filepath.Join(dir, ".credcheck.yaml"), "ignore:\n  - rules: [loaded-language]\n")
	r = credcheck(t, dir, nil, "", "eval", "spans.jsonl")
	if r.code != 0 || !strings.Contains(r.stdout, "  editorial                     0         0       1         -   0.000   0.000\n") {
		t.Errorf("loaded-language ignored: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
