package credcheck.rules.editorial["first-person-plural_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["first-person-plural"] as rule

test_fires_on_we_in_the_writers_voice if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {"writer_pronouns": [t.match(0, "we", "we", 0)]})
	count(r) == 1
}

test_quiet_on_the_country if {
	us := object.union(t.match(0, "us", "we", 4), {"text": "US"})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [us]})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	quoted := object.union(t.match(0, "our", "we", 1), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [quoted]})
	count(r) == 0
}

test_quiet_on_you if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [t.match(0, "you", "you", 0)]})
	count(r) == 0
}
