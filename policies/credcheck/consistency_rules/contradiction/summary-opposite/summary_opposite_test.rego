package credcheck.consistency_rules.contradiction["summary-opposite_test"]

import data.credcheck.consistency_rules.contradiction["summary-opposite"] as rule
import data.credcheck.consistency_testing as t

sell(in_article, in_source, opposite_in_source) := object.union(t.word("sell", in_article, in_source), {"opposites": [t.related("buy", opposite_in_source)]})

test_fires_when_the_source_sentence_has_the_opposite if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [sell(true, false, true)]})], [])
	r == {{"claim": 0, "message": "The summary says sell where the article has its opposite (buy)."}}
}

test_quiet_when_the_opposite_is_only_elsewhere_in_the_article if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [sell(false, false, false)]})], [])
	count(r) == 0
}

test_quiet_when_the_source_sentence_has_both if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [sell(true, true, true)]})], [])
	count(r) == 0
}

test_quiet_when_the_article_has_both_elsewhere if {
	r := rule.report with input as t.input_of([t.claim(0, {"words": [sell(true, false, false)]})], [])
	count(r) == 0
}
