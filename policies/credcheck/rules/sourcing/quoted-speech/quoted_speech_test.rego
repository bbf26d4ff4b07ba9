package credcheck.rules.sourcing["quoted-speech_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["quoted-speech"] as rule

quote(sentence, words) := {"start": (sentence * 100) + 1, "end": (sentence * 100) + 40, "sentence": sentence, "words": words}

said(i) := t.match(i, "said", "verb", 8)

document(zones, quotes, matches) := object.union(
	t.doc([t.sentence(i, z) | some i, z in zones], matches),
	{"quotes": quotes},
)

test_fires_on_a_quote_credited_in_its_sentence if {
	r := rule.report with input as document(["body"], [quote(0, 9)], {"attribution_cues": [said(0)]})
	count(r) == 1
	some f in r
	f.cue == "9-word quote"
}

test_fires_on_a_quote_credited_in_the_next_sentence if {
	r := rule.report with input as document(["body", "body"], [quote(0, 12)], {"attribution_cues": [said(1)]})
	count(r) == 1
}

test_quiet_on_scare_quotes if {
	r := rule.report with input as document(["body"], [quote(0, 1)], {"attribution_cues": [said(0)]})
	count(r) == 0
}

test_quiet_on_an_uncredited_quote if {
	r := rule.report with input as document(["body", "body"], [quote(0, 9)], {})
	count(r) == 0
}

test_quiet_in_a_block_quote if {
	r := rule.report with input as document(["quote"], [quote(0, 9)], {"attribution_cues": [said(0)]})
	count(r) == 0
}
