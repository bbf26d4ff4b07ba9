package credcheck.rules.editorial["conspiracy-framing_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["conspiracy-framing"] as rule

cue := t.match(0, "mainstream media", "media", 1)

test_fires_in_the_writers_voice if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"suppression_framing": [cue]})
	{f.cue | some f in r} == {"media"}
}

test_fires_in_the_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"suppression_framing": [cue]})
	count(r) == 1
}

test_quiet_when_the_sentence_credits_a_source if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"suppression_framing": [t.match(0, "a cover-up", "hidden", 4)],
		"attribution_cues": [t.match(0, "denied", "", 40)],
	})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"suppression_framing": [object.union(cue, {"quoted": true})]})
	count(r) == 0
}

test_quiet_in_a_block_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "quote")], {"suppression_framing": [cue]})
	count(r) == 0
}

test_fires_when_the_only_speech_verb_is_inside_the_framing if {
	framing := object.union(t.match(0, "the media won't tell", "media", 0), {"end": 30})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"suppression_framing": [framing],
		"attribution_cues": [t.match(0, "tell", "verb", 3)],
	})
	count(r) == 1
}
