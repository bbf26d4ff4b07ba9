package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// calibrate fits weights on labelled articles and writes a data file that
// check and eval then load with --data; the same input gives the same
// bytes.
func TestCalibrateWritesDataThatCheckLoads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "weights", "fit.yaml")
	r := credcheck(t, "", nil, "", "calibrate", "--good", "reliable", "--date", "2026-12-03", "-o", out, evalData+"credibility.jsonl")
	if r.code != 0 {
		t.Fatalf("calibrate: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "cross-validated AUROC") {
		t.Errorf("calibrate did not report the held-out AUROC:\n%s", r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"scoring:\n", "  provenance:\n", `    good_label: "reliable"`, `    date: "2026-12-03"`, "    cv_auroc: ", "  base: ", "  bands:\n    A: ", "  weights:\n",
		// No labelled article fires it: it keeps its METADATA weight.
		"    chatbot-artefact: 8 # machine; rare here"} {
		if !strings.Contains(text, want) {
			t.Errorf("data file lacks %q:\n%s", want, text)
		}
	}
	again := credcheck(t, "", nil, "", "calibrate", "--date", "2026-12-03", evalData+"credibility.jsonl")
	if again.stdout != text {
		t.Error("a second calibration of the same articles wrote different bytes")
	}

	// The fitted base is what a clean, unsourced sentence scores.
	write(t, filepath.Join(dir, "plain.txt"), "The harbour reopened after repairs to the pier and the ferry terminal.\n")
	check := credcheck(t, dir, nil, "", "check", "--data", out, "--format", "json", "plain.txt")
	if check.code != 0 || !strings.Contains(check.stdout, `"base":`) {
		t.Fatalf("check --data: exit %d\n%s%s", check.code, check.stdout, check.stderr)
	}
	if ev := credcheck(t, "", nil, "", "eval", "--task", "credibility", "--data", out, evalData+"credibility.jsonl"); ev.code != 0 {
		t.Errorf("eval --data with the fitted weights: exit %d\n%s", ev.code, ev.stderr)
	}
}

func TestCalibrateRejectsBadInput(t *testing.T) {
	t.Parallel()
	if r := credcheck(t, "", nil, "", "calibrate", "--folds", "1", evalData+"credibility.jsonl"); r.code != 2 || !strings.Contains(r.stderr, "--folds") {
		t.Errorf("--folds 1: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := credcheck(t, "", nil, "", "calibrate", "--good", "credible", evalData+"credibility.jsonl"); r.code != 2 || !strings.Contains(r.stderr, `no record is labelled "credible"`) {
		t.Errorf("unknown --good: exit %d, stderr %q", r.code, r.stderr)
	}
}
