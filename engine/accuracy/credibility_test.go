package accuracy_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credcheck/credcheck/engine/accuracy"
)

func ruleQA(r *accuracy.Result, name string) accuracy.RuleQA {
	for _, q := range r.RuleQA {
		if q.Name == name {
			return q
		}
	}
	return accuracy.RuleQA{}
}

func TestRunCredibilityFixture(t *testing.T) {
	r := runPinned(t, accuracy.DefaultOptions(), testdata+"credibility.jsonl")
	if r.Records != 13 {
		t.Errorf("%d records, want 13", r.Records)
	}
	// The figures follow the scoring data pinned in the test data
	// (scoring.yaml), a copy of a built-in calibration.
	want := map[string]float64{
		"auroc": 0.9286, "auroc_length_stratified": 1,
		"auroc.attribution": 0.8333, "auroc.hedge": 0.9167, "auroc.contradiction": 0.5,
		"auroc.machine": 0.5, "auroc.editorial": 0.9167, "auroc.boilerplate": 0.5, "auroc.sourcing": 0.8095,
		"mean_good": 59.7143, "mean_bad": 23.1667, "mean_gap": 36.5476,
		"auroc_low": 0.8, "auroc_high": 1,
	}
	if diff := cmp.Diff(want, metrics(r)); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	wantNames := []string{"auroc", "auroc_low", "auroc_high", "auroc_length_stratified",
		"auroc.attribution", "auroc.hedge", "auroc.contradiction", "auroc.machine", "auroc.editorial", "auroc.boilerplate", "auroc.sourcing",
		"mean_good", "mean_bad", "mean_gap"}
	if diff := cmp.Diff(wantNames, metricNames(r)); diff != "" {
		t.Errorf("metric order (-want +got):\n%s", diff)
	}
	// The bootstrap draws the five clusters (four outlets, the ungrouped
	// bakery item) within each class: the interval holds the AUROC.
	if m := metrics(r); m["auroc_low"] > m["auroc"] || m["auroc_high"] < m["auroc"] {
		t.Errorf("interval [%v, %v] does not hold the AUROC %v", m["auroc_low"], m["auroc_high"], m["auroc"])
	}

	// The epistemic hedge fires on one doubtful article in six and no
	// credible one: its rate ranks only that one (AUROC 7/12 ≈ 0.583,
	// short of separating), but its S/O of 1 makes it a separator.
	wantQA := []accuracy.RuleQA{
		{Name: "epistemic-hedge", Category: "hedge", Points: "bad", FiredBad: 1, ShareBad: 0.1667,
			RateBad: 2.8736, AUROC: 0.5833, SO: 1, Verdict: "separates"},
		{Name: "stock-opener", Category: "machine", Points: "bad", AUROC: 0.5, SO: 0.5, Verdict: "rare"},
	}
	for _, w := range wantQA {
		if diff := cmp.Diff(w, ruleQA(r, w.Name)); diff != "" {
			t.Errorf("rule %s (-want +got):\n%s", w.Name, diff)
		}
	}
	c := pinned(t)
	for _, q := range r.RuleQA {
		if q.Verdict == "inverted" && c.Weight(q.Name) > 0 {
			t.Errorf("%s points the wrong way on the fixture and scores: %+v", q.Name, q)
		}
	}

	wantGroups := []accuracy.GroupScore{
		{Name: "Harbour Wire", Class: "good", Articles: 4, MeanScore: 61.5},
		{Name: "Valley Ledger", Class: "good", Articles: 2, MeanScore: 56},
		{Name: "Open Eyes Daily", Class: "bad", Articles: 3, MeanScore: 32.6667},
		{Name: "Truth Lantern", Class: "bad", Articles: 3, MeanScore: 13.6667},
	}
	if diff := cmp.Diff(wantGroups, r.GroupScores); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "1000 resamples of the 5 groups") {
		t.Errorf("notes = %q", r.Notes)
	}

	// --compare sees the higher-is-better figures only.
	flat := r.Flat()
	if _, ok := flat["mean_bad"]; ok {
		t.Error("Flat compares mean_bad, which is not higher-is-better")
	}
	for _, name := range []string{"auroc", "mean_gap", "auroc.hedge", "rule.epistemic-hedge.auroc", "rule.epistemic-hedge.so"} {
		if _, ok := flat[name]; !ok {
			t.Errorf("Flat lacks %s", name)
		}
	}
	if _, ok := flat["rule.epistemic-hedge.share_bad"]; ok {
		t.Error("Flat compares a rule's share, which is not higher-is-better")
	}
}

func TestRunCredibilityOptions(t *testing.T) {
	opts := accuracy.DefaultOptions()
	opts.Bootstrap = 0
	r := runPinned(t, opts, testdata+"credibility.jsonl")
	if m := metrics(r); m["auroc"] != 0.9286 || len(m) != 12 {
		t.Errorf("without a bootstrap: %v", metricNames(r))
	}
	// Another --good swaps the classes: the AUROC mirrors.
	opts.Good = "unreliable"
	r = runPinned(t, opts, testdata+"credibility.jsonl")
	if m := metrics(r); m["auroc"] != 0.0714 || ruleQA(r, "hearsay-hedge").Verdict != "inverted" {
		t.Errorf("--good unreliable: auroc %v, hearsay-hedge %+v", m["auroc"], ruleQA(r, "hearsay-hedge"))
	}
	// A label no record carries is a mistake, not a run with one class.
	opts.Good = "credible"
	_, _, err := accuracy.Run(t.Context(), pinned(t), "credibility", []string{testdata + "credibility.jsonl"}, opts)
	if err == nil || err.Error() != `no record is labelled "credible" (--good); labels: reliable, unreliable` {
		t.Errorf("unknown --good: error = %v", err)
	}
}

func TestRunCredibilityNeedsALabel(t *testing.T) {
	path := writeFile(t, "cred.jsonl",
		`{"id": "a", "label": "reliable", "text": "The council approved the budget on Monday, its chair Ana Ruiz said."}`,
		`{"id": "b", "text": "Sources say the budget was secretly rewritten."}`,
		`{"id": "c", "label": "", "text": "Sources say the budget was secretly rewritten."}`,
		`{"id": "d", "label": "unreliable", "text": "Sources say the budget was reportedly rewritten."}`,
	)
	r, errs := run(t, "credibility", accuracy.DefaultOptions(), path)
	want := []string{
		path + `:2: credibility records need a "label"`,
		path + `:3: credibility records need a "label"`,
	}
	if diff := cmp.Diff(want, errorStrings(errs)); diff != "" {
		t.Errorf("input errors (-want +got):\n%s", diff)
	}
	// Without groups, the bootstrap resamples articles.
	if r.Records != 2 || metrics(r)["auroc"] != 1 || len(r.GroupScores) != 0 || !strings.Contains(strings.Join(r.Notes, "\n"), "of the 2 articles") {
		t.Errorf("%d records, metrics %v, groups %v, notes %q", r.Records, metrics(r), r.GroupScores, r.Notes)
	}
}

func runPinned(t *testing.T, opts accuracy.Options, files ...string) *accuracy.Result {
	t.Helper()
	r, errs, err := accuracy.Run(t.Context(), pinned(t), "credibility", files, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("input error: %v", e)
	}
	return r
}
