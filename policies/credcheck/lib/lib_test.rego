package credcheck.lib_test

import data.credcheck.lib
import data.credcheck.lib.testing as t

# A sentence of the given words with the reporting verb text at token k;
# facts the engine computes (passive) are given.
verb_sentence(words, k, text, facts) := t.doc(
	[object.union(t.sentence(0, "body"), {"tokens": [lower(w) | some w in words], "capitals": count([w | some w in words; w == upper(w)])})],
	{"attribution_cues": [object.union(t.match(0, lower(text), "verb", k), object.union({"text": text, "capitalised": text != lower(text)}, facts))]},
)

test_reporting_verb_attributes if {
	0 in lib.attributed with input as verb_sentence(["the", "mayor", "said", "it", "would", "close"], 2, "said", {})
}

test_agentless_passive_does_not_attribute if {
	not 0 in lib.attributed with input as verb_sentence(["the", "sauce", "was", "added", "later"], 3, "added", {"passive": true})
}

test_capitalised_verb_inside_running_text_is_a_name if {
	not 0 in lib.attributed with input as verb_sentence(["trade", "with", "the", "united", "states", "grew"], 4, "States", {})
}

test_capitalised_verb_opening_a_sentence_is_a_verb if {
	0 in lib.attributed with input as verb_sentence(["Says", "the", "mayor"], 0, "Says", {})
}

test_capitalised_verb_in_title_case_line_is_a_verb if {
	# Tokens in upper case here stand for capitalised words as written.
	d := verb_sentence(["MAYOR", "SAYS", "PORT", "WILL", "REOPEN"], 1, "Says", {})
	0 in lib.attributed with input as d
}
