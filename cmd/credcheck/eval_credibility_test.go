package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// engine/accuracy's credibility tests derive the figures asserted here.
func TestEvalCredibility(t *testing.T) {
	t.Parallel()
	file := evalData + "credibility.jsonl"
	r := credcheck(t, "", nil, "", "eval", "--data", evalData+"scoring.yaml", "--task", "credibility", file)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"task credibility: 13 records from fixtures/testdata/eval/credibility.jsonl\n",
		"  auroc                   0.9286\n  auroc_low               0.8000\n  auroc_high              1.0000\n  auroc_length_stratified 1.0000\n",
		"  mean_gap                36.5476\n",
		"rules                      points   good%    bad%  good/1k   bad/1k  auroc    s/o  verdict\n",
		"  epistemic-hedge             bad    0.0%   16.7%     0.00     2.87  0.583  1.000  separates\n",
		"groups                              class articles mean score\n",
		"  Harbour Wire                       good        4      61.50\n",
		"  Truth Lantern                       bad        3      13.67\n",
		"note: auroc_low and auroc_high: 95% percentile bootstrap, 1000 resamples of the 5 groups",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	// No precision table: the per-rule rows are the rule QA's.
	if strings.Contains(r.stdout, "precision") {
		t.Errorf("a precision table in the credibility output:\n%s", r.stdout)
	}
}

func TestEvalCredibilityJSONAndCompare(t *testing.T) {
	t.Parallel()
	file := evalData + "credibility.jsonl"
	saved := credcheck(t, "", nil, "", "eval", "--data", evalData+"scoring.yaml", "--task", "credibility", "--format", "json", file)
	if saved.code != 0 {
		t.Fatalf("exit %d\n%s", saved.code, saved.stderr)
	}
	var res struct {
		Version int `json:"version"`
		Metrics []struct {
			Name        string  `json:"name"`
			Value       float64 `json:"value"`
			Descriptive bool    `json:"descriptive"`
		} `json:"metrics"`
		RuleQA []struct {
			Name    string  `json:"name"`
			AUROC   float64 `json:"auroc"`
			SO      float64 `json:"so"`
			Verdict string  `json:"verdict"`
		} `json:"rule_qa"`
		GroupScores []struct {
			Name      string  `json:"name"`
			Class     string  `json:"class"`
			Articles  int     `json:"articles"`
			MeanScore float64 `json:"mean_score"`
		} `json:"group_scores"`
	}
	if err := json.Unmarshal([]byte(saved.stdout), &res); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	var descriptive []string
	for _, m := range res.Metrics {
		got[m.Name] = m.Value
		if m.Descriptive {
			descriptive = append(descriptive, m.Name)
		}
	}
	if res.Version != 1 || got["auroc"] != 0.9286 || got["auroc_low"] != 0.8 || got["auroc_high"] != 1 || got["mean_bad"] != 23.1667 || got["auroc.hedge"] != 0.9167 {
		t.Errorf("metrics: %v", got)
	}
	if diff := cmp.Diff([]string{"mean_bad"}, descriptive); diff != "" {
		t.Errorf("descriptive metrics (-want +got):\n%s", diff)
	}
	if len(res.RuleQA) < 10 || len(res.GroupScores) != 4 || res.GroupScores[3].Name != "Truth Lantern" || res.GroupScores[3].MeanScore != 13.6667 {
		t.Errorf("rule_qa %d rows, group_scores %+v", len(res.RuleQA), res.GroupScores)
	}

	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	write(t, base, saved.stdout)
	r := credcheck(t, "", nil, "", "eval", "--data", evalData+"scoring.yaml", "--task", "credibility", "--compare", base, file)
	if r.code != 0 || !strings.Contains(r.stderr, "no figure fell") {
		t.Errorf("against itself: exit %d\n%s", r.code, r.stderr)
	}
	// A better AUROC and a rule that separated better (the first rule with
	// an AUROC of 0.5833, clickbait-headline) are regressions; a
	// higher mean score of doubtful articles in the baseline is not
	// compared at all.
	doctored := strings.Replace(saved.stdout, `"name": "auroc",
      "value": 0.9286`, `"name": "auroc",
      "value": 0.99`, 1)
	doctored = strings.Replace(doctored, `"value": 23.1667`, `"value": 10`, 1)
	doctored = strings.Replace(doctored, `"auroc": 0.5833,`, `"auroc": 0.7,`, 1)
	if strings.Count(doctored, "0.99") != 1 || !strings.Contains(doctored, `"value": 10`) || !strings.Contains(doctored, `"auroc": 0.7,`) {
		t.Fatalf("could not doctor the baseline:\n%s", saved.stdout)
	}
	better := filepath.Join(dir, "better.json")
	write(t, better, doctored)
	r = credcheck(t, "", nil, "", "eval", "--data", evalData+"scoring.yaml", "--task", "credibility", "--compare", better, file)
	want := "regression: auroc fell from 0.9900 to 0.9286\n" +
		"regression: rule.clickbait-headline.auroc fell from 0.7000 to 0.5833\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("against a better baseline: exit %d, stderr %q, want 1 and %q", r.code, r.stderr, want)
	}
}

func TestEvalCredibilityInputErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "cred.jsonl"), strings.Join([]string{
		`{"id": "a", "group": "Wire", "label": "reliable", "text": "The council approved the budget on Monday, its chair Ana Ruiz said."}`,
		`{"id": "b", "group": "Blog", "text": "Sources say the budget was secretly rewritten."}`,
		`{"id": "c", "group": "Blog", "label": "unreliable", "text": "Sources say the budget was reportedly rewritten by shadowy insiders."}`,
	}, "\n")+"\n")
	r := credcheck(t, dir, nil, "", "eval", "--task", "credibility", "cred.jsonl")
	if r.code != 2 || r.stderr != "credcheck: cred.jsonl:2: credibility records need a \"label\"\n" {
		t.Errorf("missing label: exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "task credibility: 2 records from cred.jsonl") || !strings.Contains(r.stdout, "  auroc                   1.0000\n") {
		t.Errorf("the other records were not evaluated:\n%s", r.stdout)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--good", "credible"}, `credcheck: no record is labelled "credible" (--good); labels: reliable, unreliable` + "\n"},
		{[]string{"--bootstrap", "-1"}, "credcheck: --bootstrap must not be negative, got -1\n"},
	}
	for _, c := range cases {
		args := append([]string{"eval", "--task", "credibility"}, c.args...)
		r := credcheck(t, dir, nil, "", append(args, "cred.jsonl")...)
		if r.code != 2 || !strings.HasSuffix(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
}
