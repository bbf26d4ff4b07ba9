package credcheck.rules.editorial.exclamation_test

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial.exclamation as rule

# The engine lists the sentences that end with "!" outside quotes.
document(zone, exclamations) := object.union(t.doc([t.sentence(0, zone)], {}), {"endings": {"question": [], "exclamation": exclamations}})

test_fires_on_an_exclamation_in_the_body if {
	r := rule.report with input as document("body", [0])
	count(r) == 1
}

test_quiet_in_a_heading if {
	r := rule.report with input as document("heading", [0])
	count(r) == 0
}

test_quiet_without_exclamations if {
	r := rule.report with input as document("lede", [])
	count(r) == 0
}
