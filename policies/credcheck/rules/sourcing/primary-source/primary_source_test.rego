package credcheck.rules.sourcing["primary-source_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["primary-source"] as rule

filing := t.match(0, "in a court filing", "filing", 2)

data_from := t.match(0, "data from the", "data", 8)

test_fires_on_a_filing if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"primary_sources": [filing]})
	count(r) == 1
}

test_fires_once_per_sentence if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"primary_sources": [filing, data_from]})
	count(r) == 1
	some f in r
	f.cue == "in a court filing"
}

test_quiet_inside_a_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"primary_sources": [object.union(filing, {"quoted": true})]})
	count(r) == 0
}

test_quiet_in_the_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"primary_sources": [filing]})
	count(r) == 0
}
