package credcheck.rules.editorial["rhetorical-question_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["rhetorical-question"] as rule

# The engine lists the sentences that end with "?" outside quotes.
document(zone, questions) := object.union(t.doc([t.sentence(0, zone)], {}), {"endings": {"question": questions, "exclamation": []}})

test_fires_on_a_question_in_the_body if {
	r := rule.report with input as document("body", [0])
	count(r) == 1
}

test_fires_in_the_lede if {
	r := rule.report with input as document("lede", [0])
	count(r) == 1
}

test_quiet_in_the_headline if {
	r := rule.report with input as document("headline", [0])
	count(r) == 0
}

test_quiet_in_a_block_quote if {
	r := rule.report with input as document("quote", [0])
	count(r) == 0
}

test_quiet_without_questions if {
	r := rule.report with input as document("body", [])
	count(r) == 0
}
