package credcheck.rules.editorial.exclamation_test

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial.exclamation as rule

said(zone, text, quoted) := object.union(t.sentence(0, zone), {"text": text, "quoted": quoted})

test_fires_on_an_exclamation_in_the_body if {
	r := rule.report with input as t.doc([said("body", "The fees went up again!", false)], {})
	count(r) == 1
}

test_quiet_on_a_quoted_exclamation if {
	r := rule.report with input as t.doc([said("body", "\"We did it!\"", true)], {})
	count(r) == 0
}

test_quiet_on_a_statement if {
	r := rule.report with input as t.doc([said("lede", "The fees went up.", false)], {})
	count(r) == 0
}

test_quiet_in_a_heading if {
	r := rule.report with input as t.doc([said("heading", "Fees up!", false)], {})
	count(r) == 0
}
