package credcheck.rules.editorial["loaded-language_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["loaded-language"] as rule

word := t.match(0, "heartening", "loaded", 3)

test_fires_in_narrator_voice if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"loaded_language": [word]})
	{f.severity | some f in r} == {"warning"}
}

test_fires_as_info_on_editorializing if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"loaded_language": [t.match(0, "clearly", "editorializing", 2)]})
	{f.severity | some f in r} == {"info"}
}

test_fires_as_info_on_judging_said_verb if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"loaded_language": [t.match(0, "(revealed|reveals|reveal) that", "said", 4)]})
	{f.severity | some f in r} == {"info"}
}

test_quiet_on_legal_claims_that if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"loaded_language": [t.match(0, "(claimed|claims) that", "said", 2)],
		"accusers": [t.match(0, "the lawsuit", "", 0)],
	})
	count(r) == 0
}

test_quiet_inside_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"loaded_language": [object.union(word, {"quoted": true})]})
	count(r) == 0
}

test_quiet_inside_a_name if {
	s := object.union(t.sentence(0, "body"), {"entities": [0]})
	d := object.union(t.doc([s], {"loaded_language": [word]}), {"entities": [t.entity(0, "heartening foods", word.start)]})
	r := rule.report with input as d
	count(r) == 0
}
