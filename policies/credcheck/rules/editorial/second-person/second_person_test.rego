package credcheck.rules.editorial["second-person_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["second-person"] as rule

you := t.match(0, "you", "you", 2)

your := t.match(0, "your", "you", 5)

test_fires_on_each_pronoun_in_the_writers_voice if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [you, your]})
	count(r) == 2
}

test_quiet_inside_a_quote if {
	quoted := object.union(you, {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [quoted]})
	count(r) == 0
}

test_quiet_on_we if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"writer_pronouns": [t.match(0, "we", "we", 0)]})
	count(r) == 0
}

test_quiet_in_the_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"writer_pronouns": [you]})
	count(r) == 0
}

test_quiet_on_page_residue if {
	residue := {"boilerplate_lines": [t.match(0, "get the latest news in your inbox", "", 0)]}
	r := rule.report with input as t.doc([t.sentence(0, "body")], object.union(residue, {"writer_pronouns": [your]}))
	count(r) == 0
}
