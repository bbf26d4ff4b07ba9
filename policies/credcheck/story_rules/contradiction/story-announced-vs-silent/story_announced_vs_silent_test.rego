package credcheck.story_rules.contradiction["story-announced-vs-silent_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.contradiction["story-announced-vs-silent"] as rule

test_fires_across_articles if {
	r := rule.report with input as t.story(t.three, {"statements": [
		t.statement(0, 2, "announce", ["harbor"]),
		t.statement(2, 4, "silent", ["harbor", "norden"]),
	]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 2}, {"article": 2, "sentence": 4}]
	contains(f.message, "harbor announced or confirmed it according to article 1")
}

test_quiet_within_one_article if {
	r := rule.report with input as t.story(t.three, {"statements": [
		t.statement(1, 2, "announce", ["harbor"]),
		t.statement(1, 4, "silent", ["harbor"]),
	]})
	count(r) == 0
}

test_quiet_on_unanswered_request if {
	r := rule.report with input as t.story(t.three, {"statements": [
		t.statement(0, 2, "announce", ["harbor"]),
		t.statement(1, 4, "unanswered", ["harbor"]),
	]})
	count(r) == 0
}

test_quiet_on_another_party if {
	r := rule.report with input as t.story(t.three, {"statements": [
		t.statement(0, 2, "announce", ["harbor"]),
		t.statement(1, 4, "silent", ["norden"]),
	]})
	count(r) == 0
}

test_quiet_on_dated_announcement if {
	dated := object.union(t.statement(0, 2, "announce", ["harbor"]), {"dated": true})
	r := rule.report with input as t.story(t.three, {"statements": [dated, t.statement(1, 4, "silent", ["harbor"])]})
	count(r) == 0
}
