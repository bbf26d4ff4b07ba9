package credcheck.consistency_rules.contradiction["summary-unsupported-name_test"]

import data.credcheck.consistency_rules.contradiction["summary-unsupported-name"] as rule
import data.credcheck.consistency_testing as t

test_fires_on_a_name_the_article_lacks if {
	r := rule.report with input as t.input_of([t.claim(0, {"names": [t.name("Paris", false, false)]})], [])
	r == {{"claim": 0, "message": "The summary names Paris, which the article does not mention."}}
}

test_quiet_on_a_name_the_article_gives if {
	r := rule.report with input as t.input_of([t.claim(0, {"names": [t.name("London", true, false)]})], [])
	count(r) == 0
}

test_quiet_on_a_sentence_opening if {
	r := rule.report with input as t.input_of([t.claim(0, {"names": [t.name("Shares", false, true)]})], [])
	count(r) == 0
}
