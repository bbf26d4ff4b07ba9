package credcheck.consistency_rules.contradiction["summary-swapped-value_test"]

import data.credcheck.consistency_rules.contradiction["summary-swapped-value"] as rule
import data.credcheck.consistency_testing as t

friday(in_article, in_source, rival_in_source) := object.union(t.word("Friday", in_article, in_source), {"rivals": [t.rival("weekdays", "thursday", rival_in_source)]})

test_fires_on_a_weekday_the_article_never_gives if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(false, false, false)]})], [])
	r == {{"claim": 0, "message": "The summary says Friday, which the article never does; it has thursday."}}
}

test_fires_on_a_weekday_the_source_sentence_replaces if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(true, false, true)]})], [])
	r == {{"claim": 0, "message": "The summary says Friday where the article sentence it rests on has thursday."}}
}

test_quiet_when_the_source_sentence_has_it_too if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(true, true, true)]})], [])
	count(r) == 0
}

test_quiet_when_the_article_has_it_and_the_source_no_rival if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [friday(true, false, false)]})], [])
	count(r) == 0
}

test_quiet_without_a_rival if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [t.word("Friday", false, false)]})], [])
	count(r) == 0
}
