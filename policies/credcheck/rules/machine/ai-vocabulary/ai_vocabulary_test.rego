package credcheck.rules.machine["ai-vocabulary_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["ai-vocabulary"] as rule

word(i, headword) := t.match(0, headword, headword, i)

with_words(words, total) := object.union(
	t.doc([t.sentence(0, "body")], {"ai_vocabulary": words}),
	{"stats": {"words": total, "sentences": 20}},
)

five := [word(1, "underscore"), word(2, "pivotal"), word(3, "multifaceted"), word(4, "meticulous"), word(5, "showcase")]

test_fires_on_dense_distinct_words if {
	r := rule.report with input as with_words([word(1, "underscore"), word(4, "pivotal"), word(9, "multifaceted")], 500)
	count(r) == 1
	some f in r
	f.severity == "info"
	f.cue == "multifaceted, pivotal, underscore"
	f.start == 11
}

test_fires_as_warning_on_many_words if {
	r := rule.report with input as with_words(five, 1000)
	{f.severity | some f in r} == {"warning"}
}

test_fires_as_error_when_very_dense if {
	r := rule.report with input as with_words(five, 400)
	{f.severity | some f in r} == {"error"}
}

test_quiet_on_repeats_of_one_word if {
	r := rule.report with input as with_words([word(1, "pivotal"), word(4, "pivotal"), word(9, "pivotal")], 500)
	count(r) == 0
}

test_quiet_when_sparse if {
	r := rule.report with input as with_words([word(1, "underscore"), word(4, "pivotal"), word(9, "multifaceted")], 2000)
	count(r) == 0
}

test_quiet_when_quoted if {
	words := [object.union(word(1, "underscore"), {"quoted": true}), word(4, "pivotal"), word(9, "multifaceted")]
	r := rule.report with input as with_words(words, 500)
	count(r) == 0
}
