package credcheck.rules.editorial["sponsored-unlabelled_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["sponsored-unlabelled"] as rule

test_fires_on_paid_content_without_a_label if {
	r := rule.report with input as t.paged([t.sentence(0, "headline"), t.sentence(1, "lede")], {"sponsored": true})
	[f.sentence | some f in r] == [0]
}

test_quiet_with_a_sponsored_label if {
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"sponsored": true, "labels": [{"text": "Paid content", "group": "sponsored"}]})
	count(r) == 0
}

test_quiet_when_only_advertising_slots_are_labelled if {
	# Ad slots beside an article say nothing about the article itself.
	r := rule.report with input as t.paged([t.sentence(0, "lede")], {"labels": [{"text": "Advertisement", "group": "advertising"}]})
	count(r) == 0
}

test_quiet_without_page_evidence if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {})
	count(r) == 0
}
