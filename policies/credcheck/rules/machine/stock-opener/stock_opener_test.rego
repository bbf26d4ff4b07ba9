package credcheck.rules.machine["stock-opener_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["stock-opener"] as rule

opener(i, term) := t.match(i, term, "", 0)

sentences := [t.sentence(0, "body"), t.sentence(1, "body"), t.sentence(2, "body")]

test_fires_on_each_of_several_openers if {
	r := rule.report with input as t.doc(sentences, {"stock_openers": [opener(0, "interestingly"), opener(2, "furthermore")]})
	count(r) == 2
}

test_quiet_on_a_single_opener if {
	r := rule.report with input as t.doc(sentences, {"stock_openers": [opener(0, "moreover")]})
	count(r) == 0
}

test_quiet_mid_sentence if {
	mid := object.union(opener(2, "furthermore"), {"first_token": 3})
	r := rule.report with input as t.doc(sentences, {"stock_openers": [opener(0, "interestingly"), mid]})
	count(r) == 0
}

test_quiet_when_rare if {
	d := object.union(t.doc(sentences, {"stock_openers": [opener(0, "interestingly"), opener(2, "furthermore")]}), {"stats": {"words": 2000, "sentences": 100}})
	r := rule.report with input as d
	count(r) == 0
}
