package credcheck.rules.machine["repeated-headline_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["repeated-headline"] as rule

sentences := [t.sentence(0, "headline"), t.sentence(1, "heading"), t.sentence(2, "heading")]

test_fires_on_each_repeat_as_one_problem if {
	d := object.union(t.doc(sentences, {}), {"headline": 0, "repeats": [{"sentence": 1, "of": 0}, {"sentence": 2, "of": 0}]})
	r := rule.report with input as d
	{f.sentence | some f in r} == {1, 2}
	{f.problem | some f in r} == {"headline"}
}

test_quiet_on_repeats_of_other_sentences if {
	d := object.union(t.doc(sentences, {}), {"headline": 0, "repeats": [{"sentence": 2, "of": 1}]})
	r := rule.report with input as d
	count(r) == 0
}

test_quiet_without_headline if {
	d := object.union(t.doc(sentences, {}), {"repeats": [{"sentence": 1, "of": 0}]})
	r := rule.report with input as d
	count(r) == 0
}
