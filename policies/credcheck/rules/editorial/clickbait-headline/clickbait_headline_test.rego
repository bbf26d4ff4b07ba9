package credcheck.rules.editorial["clickbait-headline_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.editorial["clickbait-headline"] as rule

headline(text, tokens, upper) := object.union(t.sentence(0, "headline"), {"text": text, "tokens": tokens, "upper": upper})

body(tokens, upper) := object.union(t.sentence(1, "body"), {"tokens": tokens, "upper": upper})

doc(sentences, matches) := object.union(t.doc(sentences, matches), {"headline": 0})

test_fires_on_a_cliffhanger_formula if {
	d := doc([headline("You won't believe it", [], []), body([], [])], {"clickbait_phrases": [t.match(0, "you won't believe", "cliffhanger", 0)]})
	r := rule.report with input as d
	{f.cue | some f in r} == {"cliffhanger"}
}

test_fires_on_two_shouted_words if {
	h := headline("Cases have DECLINED in REOPENED states", ["cases", "have", "declined", "in", "reopened", "states"], [2, 4])
	r := rule.report with input as doc([h, body([], [])], {})
	{f.cue | some f in r} == {"capitals"}
}

test_fires_on_a_shouted_kicker if {
	h := headline("SHOCKING: the vote", ["shocking", "the", "vote"], [0])
	r := rule.report with input as doc([h, body([], [])], {"shouted_kickers": [t.match(0, "SHOCKING", "", 0)]})
	{f.cue | some f in r} == {"kicker"}
}

test_fires_on_an_exclamation if {
	r := rule.report with input as doc([headline("Sunbathers are immune!", [], []), body([], [])], {})
	{f.cue | some f in r} == {"exclamation"}
}

test_fires_as_info_on_a_question if {
	r := rule.report with input as doc([headline("Will the council act?", [], []), body([], [])], {})
	{[f.cue, f.severity] | some f in r} == {["question", "info"]}
}

test_quiet_on_one_shouted_word if {
	h := headline("Cases have DECLINED", ["cases", "have", "declined"], [2])
	r := rule.report with input as doc([h, body([], [])], {})
	count(r) == 0
}

test_quiet_on_acronyms_the_text_also_writes_in_capitals if {
	h := headline("UCLA and NASA study", ["ucla", "and", "nasa", "study"], [0, 2])
	b := body(["the", "ucla", "and", "nasa", "team"], [1, 3])
	r := rule.report with input as doc([h, b], {})
	count(r) == 0
}

test_quiet_on_capitals_inside_a_name if {
	h := object.union(headline("ACME CORP buys mill", ["acme", "corp", "buys", "mill"], [0, 1]), {"entities": [0]})
	d := object.union(doc([h, body([], [])], {}), {"entities": [object.union(t.entity(0, "acme corp", 0), {"last_token": 1})]})
	r := rule.report with input as d
	count(r) == 0
}

test_quiet_on_an_exclamation_inside_quote_marks if {
	r := rule.report with input as doc([headline("Nurses hear ‘Help me!’ every night", [], []), body([], [])], {})
	count(r) == 0
}

test_quiet_on_a_plain_headline if {
	r := rule.report with input as doc([headline("Council approves budget", ["council", "approves", "budget"], []), body([], [])], {})
	count(r) == 0
}

test_quiet_without_a_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"clickbait_phrases": [t.match(0, "you won't believe", "cliffhanger", 0)]})
	count(r) == 0
}

test_fires_once_on_a_kicker_with_more_capitals if {
	h := headline("BREAKING VIDEO REPORT on the vote", ["breaking", "video", "report", "on", "the", "vote"], [0, 1, 2])
	r := rule.report with input as doc([h, body([], [])], {"shouted_kickers": [t.match(0, "BREAKING", "", 0)]})
	{f.cue | some f in r} == {"kicker"}
}
