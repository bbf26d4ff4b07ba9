package credcheck.rules.machine["formulaic-closer_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["formulaic-closer"] as rule

opener := object.union(t.match(0, "in conclusion", "opener", 0), {"last_token": 1, "followed_by": ","})

heading(tokens) := object.union(t.sentence(0, "heading"), {"tokens": tokens})

test_fires_on_in_conclusion if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"formulaic_closers": [opener]})
	count(r) == 1
}

test_fires_on_conclusion_heading if {
	r := rule.report with input as t.doc([heading(["conclusion"])], {"formulaic_closers": [t.match(0, "conclusion", "heading", 0)]})
	count(r) == 1
}

test_quiet_without_comma if {
	m := object.union(t.match(0, "overall", "opener", 0), {"followed_by": "r"})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"formulaic_closers": [m]})
	count(r) == 0
}

test_quiet_mid_sentence if {
	m := object.union(opener, {"first_token": 4, "last_token": 5})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"formulaic_closers": [m]})
	count(r) == 0
}

test_quiet_on_longer_heading if {
	r := rule.report with input as t.doc([heading(["conclusion", "of", "the", "trial"])], {"formulaic_closers": [t.match(0, "conclusion", "heading", 0)]})
	count(r) == 0
}

test_quiet_inside_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"formulaic_closers": [object.union(opener, {"quoted": true})]})
	count(r) == 0
}
