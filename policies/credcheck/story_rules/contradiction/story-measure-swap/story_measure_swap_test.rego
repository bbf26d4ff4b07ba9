package credcheck.story_rules.contradiction["story-measure-swap_test"]

import data.credcheck.story.testing as t
import data.credcheck.story_rules.contradiction["story-measure-swap"] as rule

down(art, sentence, measure, value) := object.union(t.figure(art, sentence, "harbor", measure, value, ""), {"direction": "down", "text": sprintf("%v%%", [value])})

test_fires_on_one_figure_two_measures if {
	r := rule.report with input as t.story(t.three, {"figures": [down(0, 4, "revenue", 8), down(1, 2, "sales", 8)]})
	count(r) == 1
	some f in r
	f.cites == [{"article": 0, "sentence": 4}, {"article": 1, "sentence": 2}]
	contains(f.message, "8% fall to different measures: revenue in article 1, sales in article 2")
}

test_quiet_when_one_article_gives_both if {
	r := rule.report with input as t.story(t.three, {"figures": [down(0, 4, "revenue", 8), down(0, 6, "sales", 8), down(1, 2, "sales", 8)]})
	count(r) == 0
}

test_quiet_on_other_values_directions_or_approximations if {
	up := object.union(down(1, 2, "sales", 8), {"direction": "up"})
	nearly := object.union(down(2, 2, "sales", 8), {"approx": "nearly"})
	r := rule.report with input as t.story(t.three, {"figures": [down(0, 4, "revenue", 8), up, nearly, down(2, 5, "profit", 9)]})
	count(r) == 0
}

test_quiet_on_one_measure_qualified_differently if {
	china := object.union(down(1, 2, "revenue", 8), {"measure": "china revenue"})
	r := rule.report with input as t.story(t.three, {"figures": [down(0, 4, "revenue", 8), china]})
	count(r) == 0
}

test_quiet_on_other_entities if {
	other := object.union(down(1, 2, "sales", 8), {"entity": "norden"})
	r := rule.report with input as t.story(t.three, {"figures": [down(0, 4, "revenue", 8), other]})
	count(r) == 0
}
