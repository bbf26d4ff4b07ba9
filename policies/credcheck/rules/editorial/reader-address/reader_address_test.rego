package credcheck.rules.editorial["reader-address_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["reader-address"] as rule

test_fires_on_a_call_to_share if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"reader_calls": [t.match(0, "spread the word", "share", 4)]})
	count(r) == 1
}

test_fires_on_an_imperative_opening_the_sentence if {
	m := object.union(t.match(0, "wake up", "imperative", 0), {"first_token": 0})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"reader_calls": [m]})
	count(r) == 1
}

test_quiet_on_an_imperative_inside_the_sentence if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"reader_calls": [t.match(0, "wake up", "imperative", 5)]})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	m := object.union(t.match(0, "spread the word", "share", 4), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"reader_calls": [m]})
	count(r) == 0
}

test_quiet_on_a_residue_line if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"reader_calls": [t.match(0, "share this with", "share", 0)],
		"boilerplate_lines": [t.match(0, "share this", "", -1)],
	})
	count(r) == 0
}
