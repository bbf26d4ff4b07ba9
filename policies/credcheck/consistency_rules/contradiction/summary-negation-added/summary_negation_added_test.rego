package credcheck.consistency_rules.contradiction["summary-negation-added_test"]

import data.credcheck.consistency_rules.contradiction["summary-negation-added"] as rule
import data.credcheck.consistency_testing as t

test_fires_on_a_negation_the_article_lacks if {
	r := rule.report with input as t.input_of([t.claim(0, {"negations": [t.negation("not", ["approve", "plan"], {"article_has": true})]})], [])
	r == {{"claim": 0, "message": "The summary says \"not approve plan\", but the article never negates approve."}}
}

test_quiet_when_the_article_negates_too if {
	n := t.negation("not", ["approv"], {"article_has": true, "article_negates": true})
	r := rule.report with input as t.input_of([t.claim(0, {"negations": [n]})], [])
	count(r) == 0
}

test_quiet_on_words_the_article_does_not_use if {
	r := rule.report with input as t.input_of([t.claim(0, {"negations": [t.negation("never", ["visit"], {})]})], [])
	count(r) == 0
}
