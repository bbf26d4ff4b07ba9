package credcheck.rules.contradiction["announced-vs-no-comment_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.contradiction["announced-vs-no-comment"] as rule

# Sentence 0: "Harbor has announced a partnership with Norden."
# Sentence 1: "Neither Harbor nor Norden has commented."
announce := t.match(0, "has announced", "", 1)

silence := object.union(t.match(1, "neither <Name> nor <Name> (has|have|had) (commented|responded|confirmed)", "silent", 0), {"end": 140})

sentences := [
	object.union(t.sentence(0, "lede"), {"entities": [0, 1]}),
	object.union(t.sentence(1, "body"), {"entities": [2, 3]}),
]

entities := [t.entity(0, "harbor", 0), t.entity(0, "norden", 40), t.entity(1, "harbor", 108), t.entity(1, "norden", 118)]

document(matches) := t.named(object.union(t.doc(sentences, matches), {"entities": entities}))

test_fires_on_both_sentences_as_one_problem if {
	r := rule.report with input as document({"announce_cues": [announce], "no_comment_cues": [silence]})
	{f.sentence | some f in r} == {0, 1}
	{f.problem | some f in r} == {"0-1"}
	some f in r
	f.sentence == 0
	contains(f.message, "harbor")
}

test_fires_naming_the_party_as_written if {
	# "Harbor Lines has announced…" / "Neither Harbor Lines nor Norden…":
	# the entity lists hold the full name and, as some inputs do, its head.
	ents := [
		object.union(t.entity(0, "harbor lines", 0), {"text": "Harbor Lines"}),
		object.union(t.entity(0, "lines", 7), {"text": "Lines"}),
		object.union(t.entity(1, "harbor lines", 108), {"text": "Harbor Lines"}),
		object.union(t.entity(1, "lines", 115), {"text": "Lines"}),
	]
	s := [object.union(t.sentence(0, "lede"), {"entities": [0, 1]}), object.union(t.sentence(1, "body"), {"entities": [2, 3]})]
	r := rule.report with input as t.named(object.union(t.doc(s, {"announce_cues": [announce], "no_comment_cues": [silence]}), {"entities": ents}))
	some f in r
	startswith(f.message, "says Harbor Lines ")
}

test_quiet_when_announcer_is_another_party if {
	# Sentence 0 is "Norden has announced…": only norden comes before the cue.
	ents := [t.entity(0, "norden", 0), t.entity(1, "harbor", 108)]
	s := [object.union(t.sentence(0, "lede"), {"entities": [0]}), object.union(t.sentence(1, "body"), {"entities": [1]})]
	r := rule.report with input as t.named(object.union(t.doc(s, {"announce_cues": [announce], "no_comment_cues": [silence]}), {"entities": ents}))
	count(r) == 0
}

test_quiet_when_silence_is_limited if {
	limited := object.union(silence, {"group": "limited"})
	r := rule.report with input as document({"announce_cues": [announce], "no_comment_cues": [limited]})
	count(r) == 0
}

# "X announced Y" and later "X did not respond to a request for comment":
# a question went unanswered, which does not unsay the announcement.
test_quiet_when_a_request_went_unanswered if {
	unanswered := object.union(silence, {"group": "unanswered"})
	r := rule.report with input as document({"announce_cues": [announce], "no_comment_cues": [unanswered]})
	count(r) == 0
}

test_quiet_when_announcement_is_dated if {
	d := document({"announce_cues": [announce], "no_comment_cues": [silence]})
	dated := object.union(d, {
		"sentences": [object.union(d.sentences[0], {"numbers": [0]}), d.sentences[1]],
		"numbers": [t.number(0, "2023", 2023, "year")],
	})
	r := rule.report with input as dated
	count(r) == 0
}

test_quiet_when_announcement_is_quoted if {
	r := rule.report with input as document({"announce_cues": [object.union(announce, {"quoted": true})], "no_comment_cues": [silence]})
	count(r) == 0
}

test_fires_when_another_party_announces_first_in_the_sentence if {
	# "Norden announced a route, and Harbor has announced a partnership."
	# "Neither Harbor nor Norden…" is silence from Harbor only here.
	norden_route := t.match(0, "announced", "", 1)
	harbor_deal := object.union(t.match(0, "has announced", "", 8), {"start": 60, "end": 73})
	ents := [t.entity(0, "norden", 0), t.entity(0, "harbor", 40), t.entity(1, "harbor", 108)]
	s := [object.union(t.sentence(0, "lede"), {"entities": [0, 1]}), object.union(t.sentence(1, "body"), {"entities": [2]})]
	d := t.named(object.union(t.doc(s, {"announce_cues": [norden_route, harbor_deal], "no_comment_cues": [silence]}), {"entities": ents}))
	r := rule.report with input as d
	some f in r
	f.sentence == 0
	f.start == 60
}

# Sentence 0 announces; sentences 1 and 2 are both silent about Harbor.
# The announcement is reported once, against the first silence, and each
# silence once, against the announcement: one finding per cue, so that no
# finding's problem or points depend on the order of evaluation.
test_each_sentence_reported_once if {
	silence2 := object.union(t.match(2, "has not commented", "silent", 0), {"end": 240})
	ents := [t.entity(0, "harbor", 0), t.entity(1, "harbor", 108), t.entity(2, "harbor", 205)]
	s := [
		object.union(t.sentence(0, "lede"), {"entities": [0]}),
		object.union(t.sentence(1, "body"), {"entities": [1]}),
		object.union(t.sentence(2, "body"), {"entities": [2]}),
	]
	d := t.named(object.union(t.doc(s, {"announce_cues": [announce], "no_comment_cues": [silence, silence2]}), {"entities": ents}))
	r := rule.report with input as d
	count(r) == 3
	{[f.sentence, f.problem] | some f in r} == {[0, "0-1"], [1, "0-1"], [2, "0-2"]}
}

# Every sentence announcing and every sentence silent about one party: the
# findings grow with the sentences, not with their pairs.
test_findings_grow_with_sentences_not_pairs if {
	n := 20
	s := [object.union(t.sentence(i, "body"), {"entities": [i]}) | some i in numbers.range(0, n - 1)]
	ents := [t.entity(i, "harbor", i * 100) | some i in numbers.range(0, n - 1)]
	anns := [t.match(i, "has announced", "", 1) | some i in numbers.range(0, n - 1); i % 2 == 0]
	sils := [object.union(t.match(i, "has not commented", "silent", 1), {"end": (i * 100) + 30}) | some i in numbers.range(0, n - 1); i % 2 == 1]
	d := t.named(object.union(t.doc(s, {"announce_cues": anns, "no_comment_cues": sils}), {"entities": ents}))
	r := rule.report with input as d
	count(r) == n
	count({f.sentence | some f in r}) == n
}
