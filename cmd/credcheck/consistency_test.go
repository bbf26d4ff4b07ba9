package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// eval --task consistency reads article–summary pairs (SummEdits layout)
// and reports balanced accuracy, precision and recall of "inconsistent",
// the rules that fired and the recall per edit type.
func TestEvalConsistencyText(t *testing.T) {
	t.Parallel()
	r := credcheck(t, "", nil, "", "eval", "--task", "consistency", evalData+"consistency.jsonl")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"task consistency: 12 records from fixtures/testdata/eval/consistency.jsonl\n",
		"  balanced_accuracy    0.9444   (SummEdits news: GPT-4 0.833, QAFactEval 0.744, SummaC-Conv 0.619, human 0.900)\n",
		"  precision            1.0000\n",
		"  recall               0.8889\n",
		"confusion: 8 true positives, 0 false positives, 1 false negatives, 3 true negatives\n",
		"  summary-unsupported-figure      1         1       9     1.000   0.111   0.200\n",
		"  summary-unsupported-name      1         1       9     1.000   0.111   0.200\n",
		"  summary-negation-added        1         1       9     1.000   0.111   0.200\n",
		"  summary-negation-dropped      1         1       9     1.000   0.111   0.200\n",
		"  summary-opposite              2         2       9     1.000   0.222   0.364\n",
		"  summary-swapped-value         2         2       9     1.000   0.222   0.364\n",
		"edit types                     summaries  flagged  recall\n",
		"  antonym_swap                         2        2   1.000\n",
		"  entity_modification                  5        4   0.800\n",
		"  negation_insertion_removal           2        2   1.000\n",
		"false negatives (labelled, not flagged):\n" +
			"  fixtures/testdata/eval/consistency.jsonl:12 [library-given] inconsistent (entity_modification)\n" +
			"      The old library building will be given to a housing trust.\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// The JSON result carries the edit types, and --compare gates on them as
// on every other figure.
func TestEvalConsistencyJSONAndCompare(t *testing.T) {
	t.Parallel()
	file := evalData + "consistency.jsonl"
	r := credcheck(t, "", nil, "", "eval", "--task", "consistency", "--format", "json", file)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var res struct {
		Task      string `json:"task"`
		EditTypes []struct {
			Name   string  `json:"name"`
			Labels int     `json:"labels"`
			Found  int     `json:"found"`
			Recall float64 `json:"recall"`
		} `json:"edit_types"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Task != "consistency" || len(res.EditTypes) != 3 || res.EditTypes[1].Name != "entity_modification" || res.EditTypes[1].Found != 4 {
		t.Fatalf("edit types = %+v", res)
	}
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	if err := os.WriteFile(base, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := credcheck(t, "", nil, "", "eval", "--task", "consistency", "--compare", base, file); r.code != 0 {
		t.Fatalf("same run against itself: exit %d\n%s", r.code, r.stderr)
	}
	better := filepath.Join(dir, "better.json")
	raised := strings.Replace(r.stdout, `"recall": 0.8`, `"recall": 0.9`, 1)
	if raised == r.stdout {
		t.Fatal("no edit-type recall of 0.8 to raise")
	}
	if err := os.WriteFile(better, []byte(raised), 0o600); err != nil {
		t.Fatal(err)
	}
	r = credcheck(t, "", nil, "", "eval", "--task", "consistency", "--compare", better, file)
	if r.code != 1 || !strings.Contains(r.stderr, "regression: edit_type.entity_modification.recall fell from 0.9000 to 0.8000") {
		t.Fatalf("exit %d, want 1 with the edit-type regression\n%s", r.code, r.stderr)
	}
}

// A record without a summary or a label is an input error naming the
// line; the other records are still evaluated.
func TestEvalConsistencyBadRecords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "pairs.jsonl")
	lines := `{"id":"a","doc":"The council approved the plan on Monday.","summary":"The council approved the plan on Friday.","consistent":false}
{"id":"b","doc":"The council approved the plan.","consistent":true}
{"id":"c","doc":"The council approved the plan.","summary":"The plan was approved."}
{"id":"d","doc":"The council approved the plan.","summary":"The plan was approved.","consistent":true,"edit_types":"none"}
`
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	r := credcheck(t, "", nil, "", "eval", "--task", "consistency", file)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		file + `:2: record needs a non-empty "summary"`,
		file + `:3: consistency records need "consistent": true or false`,
		file + `:4: "edit_types" must be a list of texts`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "task consistency: 1 record from") {
		t.Errorf("the good record was not evaluated:\n%s", r.stdout)
	}
}
