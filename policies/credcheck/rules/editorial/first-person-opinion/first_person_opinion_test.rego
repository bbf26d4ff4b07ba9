package credcheck.rules.editorial["first-person-opinion_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["first-person-opinion"] as rule

cue := t.match(0, "i believe that", "opinion", 0)

para(i) := {"index": i, "zone": "body", "first_sentence": i, "last_sentence": i}

with_text(s, text) := object.union(s, {"text": text})

test_fires_in_the_writers_voice if {
	r := rule.report with input as t.doc([with_text(t.sentence(0, "body"), "I believe that the plan failed.")], {"opinion_cues": [cue]})
	count(r) == 1
}

test_quiet_in_an_interview_transcript if {
	s0 := with_text(t.sentence(0, "body"), "Jane Roe: I believe that the plan failed.")
	s1 := with_text(t.sentence(1, "body"), "Sputnik: Why?")
	d := object.union(t.doc([s0, s1], {"opinion_cues": [cue]}), {"paragraphs": [para(0), para(1)]})
	r := rule.report with input as d
	count(r) == 0
}

test_quiet_when_a_source_is_credited if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"opinion_cues": [cue],
		"attribution_cues": [t.match(0, "said", "", 9)],
	})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"opinion_cues": [object.union(cue, {"quoted": true})]})
	count(r) == 0
}

test_quiet_in_the_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"opinion_cues": [cue]})
	count(r) == 0
}
