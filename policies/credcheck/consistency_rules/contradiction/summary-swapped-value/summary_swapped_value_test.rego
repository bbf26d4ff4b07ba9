package credcheck.consistency_rules.contradiction["summary-swapped-value_test"]

import data.credcheck.consistency_rules.contradiction["summary-swapped-value"] as rule
import data.credcheck.consistency_testing as t

friday(in_article) := object.union(t.word("Friday", in_article, false), {"rivals": [t.rival("weekdays", "thursday", true)]})

test_fires_on_a_swapped_weekday if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(false)]})], [])
	r == {{"claim": 0, "message": "The summary says Friday, which the article never does; it has thursday."}}
}

test_quiet_when_the_article_uses_the_word_too if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(true)]})], [])
	count(r) == 0
}

test_quiet_without_a_rival if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [t.word("Friday", false, false)]})], [])
	count(r) == 0
}
