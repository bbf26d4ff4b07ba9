package credcheck.rules.sourcing.specifics_test

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing.specifics as rule

said := t.match(0, "said", "verb", 3)

tuesday := t.match(0, "on tuesday", "", 5)

sentence := object.union(t.sentence(0, "body"), {"numbers": [0]})

document(matches, numbers) := object.union(t.doc([sentence], matches), {"numbers": numbers})

test_fires_on_a_sourced_weekday if {
	r := rule.report with input as document({"attribution_cues": [said], "date_references": [tuesday]}, [])
	count(r) == 1
}

test_fires_once_per_sentence_on_a_sourced_sum if {
	r := rule.report with input as document({"attribution_cues": [said], "date_references": [tuesday]}, [t.number(0, "$4 million", 4000000, "$")])
	count(r) == 1
}

test_quiet_without_a_source if {
	r := rule.report with input as document({"date_references": [tuesday]}, [t.number(0, "$4 million", 4000000, "$")])
	count(r) == 0
}

test_quiet_on_a_percentage if {
	r := rule.report with input as document({"attribution_cues": [said]}, [t.number(0, "14%", 14, "%")])
	count(r) == 0
}

test_quiet_inside_a_quote if {
	r := rule.report with input as document({"attribution_cues": [said], "date_references": [object.union(tuesday, {"quoted": true})]}, [])
	count(r) == 0
}
