package credcheck.rules.machine.stylometry_test

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine.stylometry as rule

# A document of the given statistics with no names, figures or quotes.
document(stats) := object.union(
	t.doc([t.sentence(0, "lede"), t.sentence(1, "body"), t.sentence(2, "body")], {}),
	{"stats": object.union({"words": 200, "sentences": 10}, stats)},
)

generated := {"sentence_length_cv": 0.2, "word_length_mean": 5.5, "specifics_per_1000": 0, "mattr": 0.79}

reported := {"sentence_length_cv": 0.5, "word_length_mean": 4.6, "specifics_per_1000": 160, "mattr": 0.86}

test_fires_on_generated_statistics if {
	r := rule.report with input as document(generated)
	count(r) == 1
	some f in r
	f.strength > 0.9
	f.severity == "warning"
	f.sentence == 0
}

test_fires_weaker_when_fewer_signals_agree if {
	mixed := object.union(generated, {"sentence_length_cv": 0.42, "word_length_mean": 4.9})
	r := rule.report with input as document(mixed)
	some f in r
	f.strength < 0.75
	f.strength >= 0.5
}

test_quiet_when_sentence_lengths_vary_as_in_news if {
	# Long words, no specifics and a narrow vocabulary, but sentences as
	# uneven as reporting's: a service piece or a brief, not generated text.
	r := rule.report with input as document(object.union(generated, {"sentence_length_cv": 0.5}))
	count(r) == 0
}

test_quiet_on_reporting if {
	r := rule.report with input as document(reported)
	count(r) == 0
}

test_quiet_when_one_signal_alone_is_extreme if {
	# Only the vocabulary looks generated: one signal cannot carry the mean.
	one := object.union(reported, {"mattr": 0.5})
	r := rule.report with input as document(one)
	count(r) == 0
}

test_quiet_on_short_texts if {
	r := rule.report with input as object.union(document(generated), {"stats": object.union(generated, {"words": 40, "sentences": 3})})
	count(r) == 0
}
