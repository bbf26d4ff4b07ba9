package credcheck.consistency_rules.contradiction["summary-negation-dropped_test"]

import data.credcheck.consistency_rules.contradiction["summary-negation-dropped"] as rule
import data.credcheck.consistency_testing as t

test_fires_when_the_summary_drops_the_negation if {
	r := rule.report with input as t.input_of([t.claim(0, {})], [t.source(0, [t.negation("not", ["charged"], {"claim_has": true})])])
	r == {{"claim": 0, "message": "The article says \"not charged\", but the summary drops the negation."}}
}

test_quiet_when_the_summary_negates_too if {
	n := t.negation("not", ["charg"], {"claim_has": true, "claim_negates": true})
	r := rule.report with input as t.input_of([t.claim(0, {})], [t.source(0, [n])])
	count(r) == 0
}

test_quiet_on_another_source_sentence if {
	r := rule.report with input as t.input_of([t.claim(0, {"source": 3})], [t.source(0, [t.negation("not", ["charg"], {"claim_has": true})])])
	count(r) == 0
}

test_quiet_on_a_longer_passage_from_the_same_sentence if {
	# The claim rests on sentences 0 to 1; the source listed is sentence 0 alone.
	r := rule.report with input as t.input_of([t.claim(0, {"source_last": 1})], [t.source(0, [t.negation("not", ["charg"], {"claim_has": true})])])
	count(r) == 0
}
