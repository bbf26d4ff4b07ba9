package credcheck.rules.attribution["unsourced-claim_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["unsourced-claim"] as rule

figure(i) := t.number(i, "11%", 11, "%")

said(i) := t.match(i, "said", "verb", 9)

plan := t.match(0, "will", "plan", 3)

with_numbers(d, numbers) := object.union(d, {
	"numbers": numbers,
	"sentences": [object.union(s, {"numbers": [k | some k, n in numbers; n.sentence == s.index]}) | some s in d.sentences],
})

test_fires_on_figure_without_source if {
	r := rule.report with input as with_numbers(t.doc([t.sentence(0, "body")], {}), [figure(0)])
	count(r) == 1
	some f in r
	f.end == 23
	f.start == 20
}

test_fires_once_per_sentence_on_first_mark if {
	r := rule.report with input as with_numbers(t.doc([t.sentence(0, "lede")], {"claim_cues": [plan]}), [figure(0)])
	count(r) == 1
	some f in r
	f.start == plan.start
	contains(f.message, "\"will\"")
}

test_fires_when_previous_sentence_is_in_another_paragraph if {
	r := rule.report with input as t.doc([t.sentence(0, "body"), t.sentence(1, "body")], {
		"attribution_cues": [said(0)],
		"claim_cues": [t.match(1, "will", "plan", 2)],
	})
	count(r) == 1
}

test_quiet_when_attributed if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"claim_cues": [plan], "attribution_cues": [said(0)]})
	count(r) == 0
}

test_quiet_when_carried_from_previous_sentence if {
	cur := object.union(t.sentence(1, "body"), {"paragraph": 0})
	r := rule.report with input as t.doc([t.sentence(0, "body"), cur], {
		"attribution_cues": [t.match(0, "according to", "frame", 4)],
		"claim_cues": [t.match(1, "will", "plan", 2)],
	})
	count(r) == 0
}

test_fires_when_only_quoted_attribution if {
	quoted := object.union(said(0), {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"claim_cues": [plan], "attribution_cues": [quoted]})
	count(r) == 1
}

test_quiet_inside_quote if {
	s := object.union(t.sentence(0, "body"), {"quoted": true})
	r := rule.report with input as t.doc([s], {"claim_cues": [object.union(plan, {"quoted": true})]})
	count(r) == 0
}

test_quiet_in_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"claim_cues": [plan]})
	count(r) == 0
}

test_quiet_on_year if {
	year := t.number(0, "2023", 2023, "year")
	r := rule.report with input as with_numbers(t.doc([t.sentence(0, "body")], {}), [year])
	count(r) == 0
}

test_units_are_configurable if {
	r := rule.report with input as with_numbers(t.doc([t.sentence(0, "body")], {}), [figure(0)])
		with data.credcheck.config as {"params": {"unsourced-claim": {"units": ["$"]}}}
	count(r) == 0
}
