package credcheck.story_rules.attribution["story-sole-confirmation_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.attribution["story-sole-confirmation"] as rule

chairman(art, sentence) := object.union(t.credit(art, sentence, "Joe Roe", "joe roe", 2), {
	"cue": "confirmed", "confirm": true, "role": "chairman of Harbor", "role_names": ["harbor"], "employers": ["harbor"], "titled": true,
})

test_fires_on_one_confirmation if {
	r := rule.report with input as t.story(t.three, {"credits": [chairman(1, 3), t.outlet(0, 1, "The Ledger", "ledger")]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 1, "sentence": 3}]
	contains(f.message, "Joe Roe (chairman of Harbor), in article 2")
}

test_quiet_when_two_articles_confirm if {
	other := object.union(t.credit(2, 1, "Ada Vey", "ada vey", 2), {
		"quote": true, "role": "spokeswoman for Norden", "role_names": ["norden"], "employers": ["norden"], "titled": true,
	})
	r := rule.report with input as t.story(t.three, {"credits": [chairman(1, 3), other]})
	count(r) == 0
}

test_quiet_when_the_role_ties_to_no_party if {
	analyst := object.union(chairman(1, 3), {"role": "analyst at Canal", "role_names": ["canal"], "employers": ["canal"]})
	r := rule.report with input as t.story(t.three, {"credits": [analyst]})
	count(r) == 0
}

test_quiet_when_the_name_only_stands_beside_the_title if {
	# "a Harbor-born journalist": the name describes, it does not employ.
	beside := object.union(chairman(1, 3), {"role": "a Harbor journalist", "employers": []})
	r := rule.report with input as t.story(t.three, {"credits": [beside]})
	count(r) == 0
}

test_quiet_for_two_articles if {
	r := rule.report with input as t.story(array.slice(t.three, 0, 2), {"credits": [chairman(1, 3)]})
	count(r) == 0
}
