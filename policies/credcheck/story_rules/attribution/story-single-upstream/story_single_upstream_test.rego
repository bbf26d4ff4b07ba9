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

# A report's author counts as the outlet the story ties them to: "a report
# by Jo Bell of The Ledger" in one article, "Jo Bell reported" and "Bell
# wrote" in others, "according to The Ledger" in a third.
author(art, sentence, name, key, publisher) := object.union(t.credit(art, sentence, name, key, count(split(name, " "))), {
	"report": true, "publisher": publisher, "publisher_name": {"": "", "ledger": "The Ledger", "post": "The Post"}[publisher],
})

test_fires_on_an_author_folded_into_the_outlet if {
	r := rule.report with input as t.story(t.three, {"credits": [
		author(0, 2, "Jo Bell", "jo bell", "ledger"),
		author(1, 1, "Jo Bell", "jo bell", ""),
		author(1, 3, "Bell", "bell", ""),
		t.outlet(2, 4, "The Ledger", "ledger"),
	]})
	count(r) == 1
	some f in r
	f.message == "3 of 3 articles credit The Ledger for the story: repeated, it is one upstream source, not corroboration."
	f.cites == [{"article": 0, "sentence": 2}, {"article": 1, "sentence": 1}, {"article": 2, "sentence": 4}]
}

test_quiet_when_the_author_writes_for_two_outlets if {
	r := rule.report with input as t.story(t.three, {"credits": [
		author(0, 2, "Jo Bell", "jo bell", "ledger"),
		author(1, 1, "Jo Bell", "jo bell", "post"),
		author(2, 1, "Jo Bell", "jo bell", ""),
	]})
	every f in r {
		not contains(f.message, "The Ledger")
		not contains(f.message, "The Post")
	}
}
