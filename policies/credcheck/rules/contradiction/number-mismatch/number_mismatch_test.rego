package credcheck.rules.contradiction["number-mismatch_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.contradiction["number-mismatch"] as rule

figure(i, text, value, quantity) := object.union(t.number(i, text, value, "$"), {"scale": "billion", "quantity": quantity})

document(numbers, matches) := object.union(t.doc([t.sentence(0, "lede"), t.sentence(1, "body")], matches), {"numbers": numbers})

deal_a := figure(0, "$2.4 billion", 2400000000, "deal")

deal_b := figure(1, "$3.1 billion", 3100000000, "deal")

test_fires_on_both_figures_as_one_problem if {
	r := rule.report with input as document([deal_a, deal_b], {})
	{f.sentence | some f in r} == {0, 1}
	{f.problem | some f in r} == {"0-1"}
}

test_quiet_for_equal_values if {
	r := rule.report with input as document([deal_a, figure(1, "$2.4bn", 2400000000, "deal")], {})
	count(r) == 0
}

test_quiet_within_tolerance if {
	r := rule.report with input as document([deal_a, figure(1, "$2.42 billion", 2420000000, "deal")], {})
	count(r) == 0
}

test_quiet_for_different_quantities if {
	r := rule.report with input as document([deal_a, figure(1, "$3.1 billion", 3100000000, "revenue")], {})
	count(r) == 0
}

test_quiet_for_quantities_outside_the_list if {
	r := rule.report with input as document([figure(0, "$2.4 billion", 2400000000, "cash"), figure(1, "$3.1 billion", 3100000000, "cash")], {})
	count(r) == 0
}

test_quiet_for_approximate_figure if {
	about := object.union(t.match(1, "about", "", 1), {"start": 114, "end": 119})
	r := rule.report with input as document([deal_a, deal_b], {"approximators": [about]})
	count(r) == 0
}

test_quiet_for_updated_figure if {
	r := rule.report with input as document([deal_a, deal_b], {"update_cues": [t.match(1, "revised", "", 4)]})
	count(r) == 0
}

test_quiet_for_different_units if {
	r := rule.report with input as document([deal_a, object.union(deal_b, {"unit": "€"})], {})
	count(r) == 0
}

test_quiet_for_quoted_figure if {
	r := rule.report with input as document([deal_a, object.union(deal_b, {"quoted": true})], {})
	count(r) == 0
}
