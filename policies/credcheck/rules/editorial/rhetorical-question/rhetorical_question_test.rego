package credcheck.rules.editorial["rhetorical-question_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["rhetorical-question"] as rule

said(zone, text, quoted) := object.union(t.sentence(0, zone), {"text": text, "quoted": quoted})

test_fires_on_a_question_in_the_body if {
	r := rule.report with input as t.doc([said("body", "Why would the board hide the vote?", false)], {})
	count(r) == 1
}

test_quiet_on_a_quoted_question if {
	r := rule.report with input as t.doc([said("body", "\"Why now?\"", true)], {})
	count(r) == 0
}

test_quiet_when_a_quote_ends_the_sentence if {
	r := rule.report with input as t.doc([said("body", "She asked, \"Why now?\"", false)], {})
	count(r) == 0
}

test_quiet_in_the_headline if {
	r := rule.report with input as t.doc([said("headline", "Is the port for sale?", false)], {})
	count(r) == 0
}

test_quiet_on_a_statement if {
	r := rule.report with input as t.doc([said("body", "The board met on Monday.", false)], {})
	count(r) == 0
}
