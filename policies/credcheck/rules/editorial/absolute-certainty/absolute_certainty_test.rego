package credcheck.rules.editorial["absolute-certainty_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["absolute-certainty"] as rule

test_fires_on_an_absolute if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"certainty_claims": [t.match(0, "irrefutable", "absolute", 3)]})
	{f.cue | some f in r} == {"absolute"}
}

test_fires_on_the_truth_is_opening_a_sentence if {
	m := object.union(t.match(0, "the truth is", "truth", 1), {"first_token": 1})
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {"certainty_claims": [m]})
	count(r) == 1
}

test_quiet_on_the_truth_is_inside_a_sentence if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"certainty_claims": [t.match(0, "the reality is", "truth", 6)]})
	count(r) == 0
}

test_quiet_when_a_source_is_credited if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"certainty_claims": [t.match(0, "proves that", "proof", 2)],
		"attribution_cues": [t.match(0, "said", "", 9)],
	})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	m := object.union(t.match(0, "undeniable", "absolute", 3), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"certainty_claims": [m]})
	count(r) == 0
}
