package accuracy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/accuracy"
)

// sample is a result with every kind of figure Flat and Compare read.
func sample() *accuracy.Result {
	score := 1.25
	return &accuracy.Result{
		Version: accuracy.ResultVersion,
		Task:    "spans",
		Files:   []string{"a.jsonl", "b.jsonl"},
		Records: 7,
		Metrics: []accuracy.Metric{
			{Name: "precision", Value: 0.75},
			{Name: "recall", Value: 0.6},
			{Name: "f1", Value: 0.6667, Reference: "a published figure"},
		},
		Confusion: &accuracy.Confusion{TP: 3, FP: 1, FN: 2, TN: 4},
		Categories: []accuracy.Group{
			{Name: "hedge", Fired: 4, Correct: 3, Labels: 5, Found: 3, Precision: 0.75, Recall: 0.6, F1: 0.6667},
			// Fired but never labelled: it has a precision and no recall.
			{Name: "machine", Fired: 2, Correct: 0, Labels: 0, Found: 0},
		},
		Rules: []accuracy.Group{
			{Name: "hearsay-hedge", Fired: 4, Correct: 3, Labels: 5, Found: 3, Precision: 0.75, Recall: 0.6, F1: 0.6667},
			// Labelled but never fired: a recall and no precision.
			{Name: "vague-source", Fired: 0, Correct: 0, Labels: 2, Found: 0},
		},
		FalsePositives: []accuracy.Example{{File: "a.jsonl", ID: "r1", Line: 1, Text: "Flagged text at Bell & Sons.", Cues: []string{"hearsay-hedge: reportedly"}, Score: &score}},
		FalseNegatives: []accuracy.Example{{File: "b.jsonl", ID: "r2", Line: 4, Text: "Missed text.", Cues: []string{"hedge"}}},
		Notes:          []string{"a note"},
	}
}

func TestFlatNamesEveryDefinedFigure(t *testing.T) {
	want := map[string]float64{
		"precision":                    0.75,
		"recall":                       0.6,
		"f1":                           0.6667,
		"category.hedge.precision":     0.75,
		"category.hedge.recall":        0.6,
		"category.hedge.f1":            0.6667,
		"category.machine.precision":   0,
		"rule.hearsay-hedge.precision": 0.75,
		"rule.hearsay-hedge.recall":    0.6,
		"rule.hearsay-hedge.f1":        0.6667,
		"rule.vague-source.recall":     0,
		"rule.vague-source.f1":         0,
	}
	if diff := cmp.Diff(want, sample().Flat()); diff != "" {
		t.Errorf("Flat (-want +got):\n%s", diff)
	}
}

func TestCompare(t *testing.T) {
	with := func(edit func(r *accuracy.Result)) *accuracy.Result {
		r := sample()
		edit(r)
		return r
	}
	cases := []struct {
		name      string
		now       *accuracy.Result
		tolerance float64
		want      []string
	}{
		{"same result", sample(), 0.005, nil},
		{"fall beyond tolerance", with(func(r *accuracy.Result) { r.Metrics[2].Value = 0.6 }), 0.005, []string{"f1 fell from 0.6667 to 0.6000"}},
		{"fall within tolerance", with(func(r *accuracy.Result) { r.Metrics[2].Value = 0.664 }), 0.005, nil},
		{"same fall, larger tolerance", with(func(r *accuracy.Result) { r.Metrics[2].Value = 0.6 }), 0.1, nil},
		{"rise", with(func(r *accuracy.Result) { r.Metrics[0].Value = 0.99; r.Rules[0].Recall = 1 }), 0, nil},
		{"group figures, sorted by name", with(func(r *accuracy.Result) {
			r.Rules[0].Precision = 0.5
			r.Categories[0].Recall = 0.4
		}), 0.005, []string{"category.hedge.recall fell from 0.6000 to 0.4000", "rule.hearsay-hedge.precision fell from 0.7500 to 0.5000"}},
		// A rule that stopped firing loses its precision figure: there is
		// nothing to compare it with, so it is not a regression.
		{"figure missing now", with(func(r *accuracy.Result) { r.Categories = r.Categories[:1] }), 0, nil},
		{"figure new now", with(func(r *accuracy.Result) {
			r.Rules = append(r.Rules, accuracy.Group{Name: "weasel-passive", Fired: 3, Labels: 3})
		}), 0, nil},
	}
	for _, c := range cases {
		got, err := accuracy.Compare(sample(), c.now, c.tolerance)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var names []string
		for _, r := range got {
			names = append(names, r.String())
		}
		if diff := cmp.Diff(c.want, names); diff != "" {
			t.Errorf("%s: regressions (-want +got):\n%s", c.name, diff)
		}
	}
	// Figures missing from the saved result are skipped just the same.
	was := with(func(r *accuracy.Result) { r.Metrics = r.Metrics[:1] })
	if got, _ := accuracy.Compare(was, with(func(r *accuracy.Result) { r.Metrics[2].Value = 0 }), 0); len(got) != 0 {
		t.Errorf("a figure missing from the saved result was compared: %v", got)
	}
}

func TestCompareDifferentTasksIsAnError(t *testing.T) {
	hedge := sample()
	hedge.Task = "hedge"
	_, err := accuracy.Compare(sample(), hedge, 0.005)
	if err == nil || !strings.Contains(err.Error(), "cannot compare a spans result with a hedge result") {
		t.Errorf("error = %v", err)
	}
}

func TestReadResultRejectsWhatIsNotAResult(t *testing.T) {
	dir := t.TempDir()
	put := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if _, err := accuracy.ReadResult(filepath.Join(dir, "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: error = %v, want one wrapping fs.ErrNotExist", err)
	}
	cases := []struct{ name, content, want string }{
		{"report.txt", "task spans: 9 records\n", "report.txt: not an eval result: invalid character"},
		{"array.json", "[1, 2]", "array.json: not an eval result: json: cannot unmarshal array"},
		{"v2.json", `{"version": 2, "task": "spans"}`, "v2.json: not an eval result of version 1"},
		{"notask.json", `{"version": 1, "metrics": []}`, "notask.json: not an eval result of version 1"},
		// A check report has a version 1 too, but no task.
		{"check.json", `{"version": 1, "articles": [], "summary": {}}`, "check.json: not an eval result of version 1"},
	}
	for _, c := range cases {
		_, err := accuracy.ReadResult(put(c.name, c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestWriteJSONRoundTripsThroughReadResult(t *testing.T) {
	var buf bytes.Buffer
	if err := accuracy.Write(&buf, "json", sample()); err != nil {
		t.Fatal(err)
	}
	// Article text is for people reading the file: "&" stays "&".
	if !bytes.Contains(buf.Bytes(), []byte(`Bell & Sons`)) || !json.Valid(buf.Bytes()) {
		t.Fatalf("not plain JSON:\n%s", buf.String())
	}
	path := filepath.Join(t.TempDir(), "result.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := accuracy.ReadResult(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sample(), back); diff != "" {
		t.Errorf("result changed on the way through JSON (-wrote +read):\n%s", diff)
	}
	if regs, err := accuracy.Compare(back, sample(), 0); err != nil || len(regs) != 0 {
		t.Errorf("a result compared with its own saved copy: %v, %v", regs, err)
	}
}

func TestWriteText(t *testing.T) {
	var buf bytes.Buffer
	if err := accuracy.Write(&buf, "text", sample()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"task spans: 7 records from a.jsonl, b.jsonl\n",
		"  f1                   0.6667   (a published figure)\n",
		"confusion: 3 true positives, 1 false positives, 2 false negatives, 4 true negatives\n",
		"  hedge                         4         3       5     0.750   0.600   0.667\n",
		// Undefined figures read "-", not a misleading zero.
		"  machine                       2         0       0     0.000       -       -\n",
		"  vague-source                  0         0       2         -   0.000   0.000\n",
		"false positives (flagged, not labelled):\n  a.jsonl:1 [r1] score 1.25 hearsay-hedge: reportedly\n      Flagged text at Bell & Sons.\n",
		"false negatives (labelled, not flagged):\n  b.jsonl:4 [r2] hedge\n      Missed text.\n",
		"note: a note\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	// Sections with nothing to list are left out.
	empty := sample()
	empty.FalsePositives, empty.FalseNegatives, empty.Confusion = nil, nil, nil
	buf.Reset()
	if err := accuracy.Write(&buf, "text", empty); err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"false positives", "false negatives", "confusion:"} {
		if strings.Contains(buf.String(), absent) {
			t.Errorf("empty section %q printed:\n%s", absent, buf.String())
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := accuracy.Write(&buf, "yaml", sample())
	if err == nil || !strings.Contains(err.Error(), `unknown format "yaml" (formats: text, json)`) {
		t.Errorf("error = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", buf.String())
	}
}
