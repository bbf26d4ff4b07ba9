package credcheck.story_rules.attribution["story-single-upstream_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.attribution["story-single-upstream"] as rule

test_fires_when_most_articles_credit_one_outlet if {
	r := rule.report with input as t.story(t.three, {"credits": [
		t.outlet(0, 1, "The Ledger", "ledger"),
		t.outlet(0, 4, "The Ledger", "ledger"),
		t.outlet(2, 2, "The Ledger", "ledger"),
	]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 1}, {"article": 2, "sentence": 2}]
	startswith(f.message, "2 of 3 articles credit The Ledger")
}

test_quiet_when_one_article_credits_it if {
	r := rule.report with input as t.story(t.three, {"credits": [
		t.outlet(0, 1, "The Ledger", "ledger"),
		t.credit(1, 2, "Mara Holt", "mara holt", 2),
		t.credit(2, 2, "Ivo Stan", "ivo stan", 2),
	]})
	count(r) == 0
}

test_quiet_for_people if {
	r := rule.report with input as t.story(t.three, {"credits": [
		t.credit(0, 2, "Mara Holt", "mara holt", 2),
		t.credit(1, 2, "Mara Holt", "mara holt", 2),
		t.credit(2, 2, "Mara Holt", "mara holt", 2),
	]})
	count(r) == 0
}
