package credcheck.rules.contradiction["number-mismatch_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.contradiction["number-mismatch"] as rule

figure(i, text, value, before, after) := {
	"sentence": i, "start": (i * 100) + 20, "end": ((i * 100) + 20) + count(text), "text": text,
	"value": value, "unit": "$", "scale": "billion", "before": before, "after": after, "quoted": false,
}

sentences := [t.sentence(0, "lede", {}), t.sentence(1, "body", {})]

with_numbers(numbers, matches) := object.union(t.doc(sentences, matches), {"numbers": numbers})

test_fires_on_both_figures if {
	n := [figure(0, "$2.4 billion", 2400000000, ["agreed", "a"], ["deal"]), figure(1, "$3.1 billion", 3100000000, ["the"], ["deal", "was"])]
	r := rule.report with input as with_numbers(n, {})
	{f.sentence | some f in r} == {0, 1}
}

test_quiet_for_equal_values if {
	n := [figure(0, "$2.4 billion", 2400000000, [], ["deal"]), figure(1, "$2.4bn", 2400000000, [], ["deal"])]
	r := rule.report with input as with_numbers(n, {})
	count(r) == 0
}

test_fires_on_valued_at_against_noun_after if {
	n := [figure(0, "$2.4 billion", 2400000000, ["deal", "valued", "at"], ["the", "two"]), figure(1, "$3.1 billion", 3100000000, ["fund", "the"], ["deal", "with"])]
	r := rule.report with input as with_numbers(n, {})
	count(r) == 2
}

test_quiet_for_noun_merely_nearby if {
	n := [figure(0, "$4.8 billion", 4800000000, ["fund", "the"], ["deal", "with"]), figure(1, "$1.9 billion", 1900000000, ["billion", "deal", "with"], ["of", "cash"])]
	r := rule.report with input as with_numbers(n, {})
	count(r) == 0
}

test_quiet_for_different_nouns if {
	n := [figure(0, "$2.4 billion", 2400000000, [], ["deal"]), figure(1, "$3.1 billion", 3100000000, [], ["revenue"])]
	r := rule.report with input as with_numbers(n, {})
	count(r) == 0
}

test_quiet_for_approximate_figure if {
	n := [figure(0, "$2.4 billion", 2400000000, [], ["deal"]), figure(1, "$3.1 billion", 3100000000, ["about"], ["deal"])]
	about := object.union(t.match(1, "about", "", 1), {"start": 115, "end": 120})
	r := rule.report with input as with_numbers(n, {"approximators": [about]})
	count(r) == 0
}

test_quiet_for_updated_figure if {
	n := [figure(0, "$2.4 billion", 2400000000, [], ["deal"]), figure(1, "$3.1 billion", 3100000000, [], ["deal"])]
	d := with_numbers(n, {})
	s := [sentences[0], object.union(sentences[1], {"cues": {"update_cues": ["initially"]}})]
	r := rule.report with input as object.union(d, {"sentences": s})
	count(r) == 0
}

test_quiet_for_different_units if {
	n := [figure(0, "$2.4 billion", 2400000000, [], ["deal"]), object.union(figure(1, "€3.1 billion", 3100000000, [], ["deal"]), {"unit": "€"})]
	r := rule.report with input as with_numbers(n, {})
	count(r) == 0
}
