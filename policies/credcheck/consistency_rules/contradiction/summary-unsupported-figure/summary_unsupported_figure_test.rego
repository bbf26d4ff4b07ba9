package credcheck.consistency_rules.contradiction["summary-unsupported-figure_test"]

import data.credcheck.consistency_rules.contradiction["summary-unsupported-figure"] as rule
import data.credcheck.consistency_testing as t

test_fires_on_a_figure_the_article_lacks if {
	r := rule.report with input as t.input_of([t.claim(0, {"numbers": [t.number("241", 241, false, false)]})], [])
	r == {{"claim": 0, "message": "The summary gives 241, a figure the article does not give."}}
}

test_quiet_when_the_article_gives_it if {
	r := rule.report with input as t.input_of([t.claim(0, {"numbers": [t.number("214", 214, true, false)]})], [])
	count(r) == 0
}

test_quiet_when_the_article_gives_it_in_another_unit if {
	r := rule.report with input as t.input_of([t.claim(0, {"numbers": [t.number("18", 18, false, true)]})], [])
	count(r) == 0
}

test_fires_on_a_figure_moved_from_elsewhere if {
	n := object.union(t.number("30", 30, true, false), {"in_source": false, "others": [35]})
	r := rule.report with input as t.input_of([t.claim(0, {"numbers": [n]})], [])
	r == {{"claim": 0, "message": "The summary gives 30 where the article sentence it rests on gives 35."}}
}

test_quiet_when_the_source_gives_it_among_others if {
	n := object.union(t.number("30", 30, true, false), {"in_source": true, "others": [35]})
	r := rule.report with input as t.input_of([t.claim(0, {"numbers": [n]})], [])
	count(r) == 0
}
