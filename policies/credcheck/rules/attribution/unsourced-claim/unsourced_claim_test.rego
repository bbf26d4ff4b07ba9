package credcheck.rules.attribution["unsourced-claim_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["unsourced-claim"] as rule

figure(i) := {"sentence": i, "start": (i * 100) + 20, "end": (i * 100) + 23, "text": "11%", "value": 11, "unit": "%", "scale": "", "quoted": false}

plan := t.match(0, "will", "plan", 3)

test_fires_on_figure_without_source if {
	r := rule.report with input as object.union(t.doc([t.sentence(0, "body", {})], {}), {"numbers": [figure(0)]})
	count(r) == 1
	some f in r
	f.cue == "11%"
	f.start == 20
}

test_fires_once_per_sentence_on_first_mark if {
	r := rule.report with input as object.union(
		t.doc([t.sentence(0, "lede", {})], {"claim_cues": [plan]}),
		{"numbers": [figure(0)]},
	)
	count(r) == 1
	some f in r
	f.cue == "will"
}

test_fires_when_previous_sentence_is_in_another_paragraph if {
	prev := t.sentence(0, "body", {"attribution_cues": ["said"]})
	r := rule.report with input as t.doc([prev, t.sentence(1, "body", {})], {"claim_cues": [t.match(1, "will", "plan", 2)]})
	count(r) == 1
}

test_quiet_when_attributed if {
	s := t.sentence(0, "body", {"attribution_cues": ["said"]})
	r := rule.report with input as t.doc([s], {"claim_cues": [plan]})
	count(r) == 0
}

test_quiet_when_carried_from_previous_sentence if {
	prev := t.sentence(0, "body", {"attribution_cues": ["according to"]})
	cur := object.union(t.sentence(1, "body", {}), {"paragraph": 0})
	r := rule.report with input as t.doc([prev, cur], {"claim_cues": [t.match(1, "will", "plan", 2)]})
	count(r) == 0
}

test_quiet_inside_quote if {
	s := object.union(t.sentence(0, "body", {}), {"quoted": true})
	r := rule.report with input as t.doc([s], {"claim_cues": [plan]})
	count(r) == 0
}

test_quiet_in_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline", {})], {"claim_cues": [plan]})
	count(r) == 0
}

test_quiet_on_year if {
	year := object.union(figure(0), {"text": "2023", "value": 2023, "unit": "year"})
	r := rule.report with input as object.union(t.doc([t.sentence(0, "body", {})], {}), {"numbers": [year]})
	count(r) == 0
}

test_units_are_configurable if {
	r := rule.report with input as object.union(t.doc([t.sentence(0, "body", {})], {}), {"numbers": [figure(0)]})
		with data.credcheck.config as {"params": {"unsourced-claim": {"units": ["$"]}}}
	count(r) == 0
}
