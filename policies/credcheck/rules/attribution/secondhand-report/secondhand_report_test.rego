package credcheck.rules.attribution["secondhand-report_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["secondhand-report"] as rule

report_by := t.match(0, "according to a report by <Name>", "", 8)

outlet_sentence(tokens) := object.union(t.sentence(0, "body"), {"tokens": tokens})

outlet := object.union(t.match(0, "Reuters", "", 2), {"text": "Reuters", "last_token": 2})

test_fires_on_report_credit if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"secondhand_reports": [report_by]})
	{f.severity | some f in r} == {"warning"}
}

test_fires_as_error_in_lede if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {"secondhand_reports": [report_by]})
	{f.severity | some f in r} == {"error"}
}

test_fires_on_according_to_outlet if {
	s := outlet_sentence(["according", "to", "reuters", "the", "deal", "is", "done"])
	r := rule.report with input as t.doc([s], {"news_outlets": [outlet]})
	count(r) == 1
}

test_fires_on_outlet_reported if {
	s := outlet_sentence(["the", "deal", "reuters", "reported", "on", "monday"])
	r := rule.report with input as t.doc([s], {"news_outlets": [outlet]})
	count(r) == 1
}

test_fires_on_name_ending_like_an_outlet if {
	s := object.union(outlet_sentence(["the", "touchline", "herald", "reported", "on", "sunday"]), {"entities": [0]})
	herald := object.union(t.match(0, "herald", "", 2), {"start": 14, "end": 20})
	e := object.union(t.entity(0, "touchline herald", 4), {"text": "Touchline Herald", "end": 20, "first_token": 1, "last_token": 2})
	r := rule.report with input as object.union(t.doc([s], {"outlet_name_words": [herald]}), {"entities": [e]})
	{[f.start, f.end] | some f in r} == {[4, 20]}
}

test_fires_once_per_sentence if {
	second := object.union(report_by, {"start": 70, "end": 80})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"secondhand_reports": [report_by, second]})
	count(r) == 1
}

test_fires_as_info_when_article_says_it_could_not_verify if {
	cue := t.match(0, "could not (immediately |independently |)(verify|confirm)", "unverified", 1)
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"secondhand_reports": [report_by], "independence_cues": [cue]})
	{f.severity | some f in r} == {"info"}
}

headline_doc(matches) := object.union(t.doc([t.sentence(0, "headline"), t.sentence(1, "lede")], matches), {"headline": 0})

credit := t.match(1, "according to a report by <Name>", "", 8)

test_fires_on_flat_headline_over_credited_story if {
	r := rule.report with input as headline_doc({"secondhand_reports": [credit]})
	{f.sentence | some f in r} == {0, 1}
	some f in r
	f.sentence == 0
	f.severity == "error"
}

test_quiet_on_hedged_headline if {
	r := rule.report with input as headline_doc({"secondhand_reports": [credit], "hearsay_hedges": [t.match(0, "reportedly", "hearsay", 1)]})
	{f.sentence | some f in r} == {1}
}

test_quiet_on_headline_confirmed_first_hand if {
	s2 := object.union(t.sentence(2, "body"), {"entities": [0]})
	d := object.union(
		t.doc([t.sentence(0, "headline"), t.sentence(1, "lede"), s2], {
			"secondhand_reports": [credit],
			"announce_cues": [t.match(2, "confirmed", "", 4)],
			"deal_events": [t.match(0, "partners with", "partnership", 1), t.match(2, "partnership", "partnership", 6)],
		}),
		{"headline": 0, "entities": [t.entity(2, "joe tsai", 200)]},
	)
	r := rule.report with input as d
	{f.sentence | some f in r} == {1}
}

test_quiet_when_outlet_is_interviewer_only if {
	s := outlet_sentence(["the", "minister", "told", "reuters", "the", "deal", "is", "done"])
	o := object.union(outlet, {"first_token": 3, "last_token": 3})
	r := rule.report with input as t.doc([s], {"news_outlets": [o]})
	count(r) == 0
}

test_quiet_when_independently_confirmed if {
	cue := t.match(0, "independently (confirmed|verified)", "confirmed", 1)
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"secondhand_reports": [report_by], "independence_cues": [cue]})
	count(r) == 0
}

test_quiet_when_article_is_by_the_outlet if {
	s := outlet_sentence(["the", "deal", "reuters", "reported", "on", "monday"])
	d := object.union(t.doc([s], {"news_outlets": [outlet]}), {"article": {"outlet": "Reuters"}})
	r := rule.report with input as d
	count(r) == 0
}
