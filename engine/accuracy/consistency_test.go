package accuracy_test

import (
	"testing"

	"github.com/credcheck/credcheck/engine/accuracy"
)

// The consistency fixture: 12 pairs, 9 inconsistent; every rule fires on
// the summary written for it, and "given" for "sold" is missed.
func TestConsistencyTask(t *testing.T) {
	r, errs := run(t, "consistency", accuracy.DefaultOptions(), testdata+"consistency.jsonl")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if r.Records != 12 || r.Confusion.TP != 8 || r.Confusion.FP != 0 || r.Confusion.FN != 1 || r.Confusion.TN != 3 {
		t.Fatalf("records %d, confusion %+v", r.Records, *r.Confusion)
	}
	flat := r.Flat()
	for name, want := range map[string]float64{
		"balanced_accuracy":                    0.9444,
		"precision":                            1,
		"recall":                               0.8889,
		"specificity":                          1,
		"edit_type.entity_modification.recall": 0.8,
		"edit_type.antonym_swap.recall":        1,
		"rule.summary-opposite.precision":      1,
	} {
		if flat[name] != want {
			t.Errorf("%s = %v, want %v", name, flat[name], want)
		}
	}
	// An edit type is a label, not a prediction: it has no precision.
	if _, ok := flat["edit_type.entity_modification.precision"]; ok {
		t.Error("edit types have a precision in Flat")
	}
	if len(r.FalseNegatives) != 1 || r.FalseNegatives[0].ID != "library-given" {
		t.Errorf("false negatives = %+v", r.FalseNegatives)
	}
}
