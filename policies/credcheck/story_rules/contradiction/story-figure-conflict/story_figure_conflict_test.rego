package credcheck.story_rules.contradiction["story-figure-conflict_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.contradiction["story-figure-conflict"] as rule

test_fires_on_exact_against_nearly if {
	r := rule.report with input as t.story(t.three, {"figures": [
		t.figure(0, 3, "harbor", "shares", 2.5, ""),
		t.figure(2, 5, "harbor", "shares", 1.8, "nearly"),
	]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 3}, {"article": 2, "sentence": 5}]
	contains(f.message, "nearly 1.8% in article 3")
}

test_quiet_when_ranges_meet if {
	r := rule.report with input as t.story(t.three, {"figures": [
		t.figure(0, 3, "harbor", "shares", 2.5, ""),
		t.figure(1, 5, "harbor", "shares", 2.4, "about"),
		t.figure(2, 1, "harbor", "shares", 2.0, "more than"),
	]})
	count(r) == 0
}

test_quiet_on_rounding if {
	f := object.union(t.figure(1, 5, "harbor", "shares", 2.53, ""), {"decimals": 2})
	r := rule.report with input as t.story(t.three, {"figures": [t.figure(0, 3, "harbor", "shares", 2.5, ""), f]})
	count(r) == 0
}

test_quiet_on_other_entity_or_measure if {
	r := rule.report with input as t.story(t.three, {"figures": [
		t.figure(0, 3, "harbor", "shares", 2.5, ""),
		t.figure(1, 5, "norden", "shares", 1.1, ""),
		t.figure(2, 5, "harbor", "revenue", 9, ""),
	]})
	count(r) == 0
}

test_quiet_within_one_article if {
	r := rule.report with input as t.story(t.three, {"figures": [
		t.figure(0, 3, "harbor", "shares", 2.5, ""),
		t.figure(0, 5, "harbor", "shares", 1.1, ""),
	]})
	count(r) == 0
}

test_fires_on_opposite_directions if {
	down := object.union(t.figure(1, 5, "harbor", "shares", 2.5, ""), {"direction": "down"})
	r := rule.report with input as t.story(t.three, {"figures": [t.figure(0, 3, "harbor", "shares", 2.5, ""), down]})
	count(r) == 1
}
