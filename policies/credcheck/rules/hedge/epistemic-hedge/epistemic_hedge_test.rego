package credcheck.rules.hedge["epistemic-hedge_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.hedge["epistemic-hedge"] as rule

with_tokens(tokens) := object.union(t.sentence(0, "body"), {"tokens": tokens})

test_fires_on_narrator_hedge if {
	m := t.match(0, "probably", "adverb", 3)
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"epistemic_hedges": [m]})
	count(r) == 1
}

test_fires_on_modal_may if {
	m := object.union(t.match(0, "may", "modal", 2), {"text": "may"})
	r := rule.report with input as t.doc([with_tokens(["the", "plant", "may", "close"])], {"epistemic_hedges": [m]})
	count(r) == 1
}

test_quiet_on_may_the_month_after_in if {
	m := object.union(t.match(0, "may", "modal", 3), {"text": "May"})
	r := rule.report with input as t.doc([with_tokens(["the", "vote", "in", "may", "passed"])], {"epistemic_hedges": [m]})
	count(r) == 0
}

test_quiet_on_may_before_a_day if {
	m := object.union(t.match(0, "may", "modal", 0), {"text": "May"})
	r := rule.report with input as t.doc([with_tokens(["may", "3", "was", "the", "date"])], {"epistemic_hedges": [m]})
	count(r) == 0
}

test_quiet_inside_quote if {
	m := object.union(t.match(0, "might", "modal", 3), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"epistemic_hedges": [m]})
	count(r) == 0
}
