package credcheck.rules.machine["repeated-headline_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["repeated-headline"] as rule

sentences := [t.sentence(0, "headline"), t.sentence(1, "heading"), t.sentence(2, "heading")]

test_fires_once_on_the_first_of_two_copies if {
	d := object.union(t.doc(sentences, {}), {"headline": 0, "repeats": [{"sentence": 2, "of": 0}, {"sentence": 1, "of": 0}]})
	r := rule.report with input as d
	[f.sentence | some f in r] == [1]
	{f.severity | some f in r} == {"warning"}
}

test_fires_as_a_note_on_a_single_copy if {
	d := object.union(t.doc(sentences, {}), {"headline": 0, "repeats": [{"sentence": 1, "of": 0}]})
	r := rule.report with input as d
	{f.severity | some f in r} == {"info"}
	{f.strength | some f in r} == {1 / 3}
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
