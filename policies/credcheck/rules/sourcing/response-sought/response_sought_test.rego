package credcheck.rules.sourcing["response-sought_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["response-sought"] as rule

declined := t.match(0, "declined to comment", "declined", 2)

asked := t.match(0, "asked about", "asked_opening", 0)

test_fires_on_a_declined_request if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"response_cues": [declined]})
	count(r) == 1
}

test_fires_on_a_question_opening_the_sentence if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"response_cues": [asked]})
	count(r) == 1
}

test_fires_after_but if {
	s := object.union(t.sentence(0, "body"), {"tokens": ["but", "when", "asked"]})
	r := rule.report with input as t.doc([s], {"response_cues": [object.union(asked, {"first_token": 1})]})
	count(r) == 1
}

test_quiet_on_a_question_inside_the_sentence if {
	# "Residents asked about the delay": anyone's question.
	s := object.union(t.sentence(0, "body"), {"tokens": ["residents", "asked", "about"]})
	r := rule.report with input as t.doc([s], {"response_cues": [object.union(asked, {"first_token": 1})]})
	count(r) == 0
}

test_quiet_inside_a_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"response_cues": [object.union(declined, {"quoted": true})]})
	count(r) == 0
}

test_quiet_on_silence_alone if {
	# "has not commented" is a no-comment cue, not a request.
	silent := t.match(0, "has not commented", "silent", 2)
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"no_comment_cues": [silent]})
	count(r) == 0
}
