package credcheck.rules.attribution["unsourced-claim_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["unsourced-claim"] as rule

figure(i) := t.number(i, "11%", 11, "%")

said(i) := t.match(i, "said", "verb", 9)

plan := t.match(0, "plans to", "plan", 3)

with_numbers(d, numbers) := object.union(d, {
	"numbers": numbers,
	"sentences": [object.union(s, {"numbers": [k | some k, n in numbers; n.sentence == s.index]}) | some s in d.sentences],
})

# A name at the start of sentence i, before any cue: the party a plan or a
# deal is about ("Harbor plans to…").
named(d, i) := object.union(d, {
	"entities": [t.entity(i, "harbor", i * 100)],
	"sentences": [with_name(s, i) | some s in d.sentences],
})

with_name(s, i) := object.union(s, {"entities": [0]}) if s.index == i

with_name(s, i) := s if s.index != i

test_fires_on_figure_without_source if {
	r := rule.report with input as with_numbers(t.doc([t.sentence(0, "body")], {}), [figure(0)])
	count(r) == 1
	some f in r
	f.end == 23
	f.start == 20
}

test_fires_once_per_sentence_on_first_mark if {
	d := named(t.doc([t.sentence(0, "lede")], {"claim_cues": [plan]}), 0)
	r := rule.report with input as with_numbers(d, [figure(0)])
	count(r) == 1
	some f in r
	f.start == plan.start
	contains(f.message, "\"plans to\"")
}

test_fires_on_a_named_partys_deal if {
	deal := t.match(0, "has chosen", "deal", 2)
	r := rule.report with input as named(t.doc([t.sentence(0, "lede")], {"claim_cues": [deal]}), 0)
	count(r) == 1
}

test_quiet_on_a_plan_with_no_party if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"claim_cues": [plan]})
	count(r) == 0
}

test_fires_on_a_record_without_party if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"claim_cues": [t.match(0, "record high", "record", 4)]})
	count(r) == 1
}

test_fires_when_previous_sentence_is_in_another_paragraph if {
	d := t.doc([t.sentence(0, "body"), t.sentence(1, "body")], {
		"attribution_cues": [said(0)],
		"claim_cues": [t.match(1, "plans to", "plan", 2)],
	})
	r := rule.report with input as named(d, 1)
	count(r) == 1
}

test_quiet_when_attributed if {
	d := t.doc([t.sentence(0, "body")], {"claim_cues": [plan], "attribution_cues": [said(0)]})
	r := rule.report with input as named(d, 0)
	count(r) == 0
}

test_quiet_when_carried_from_previous_sentence if {
	cur := object.union(t.sentence(1, "body"), {"paragraph": 0})
	d := t.doc([t.sentence(0, "body"), cur], {
		"attribution_cues": [t.match(0, "according to", "frame", 4)],
		"claim_cues": [t.match(1, "plans to", "plan", 2)],
	})
	r := rule.report with input as named(d, 1)
	count(r) == 0
}

test_fires_after_a_no_comment_sentence if {
	# "Neither Harbor nor Norden has commented. Shares rose 11%."
	cur := object.union(t.sentence(1, "body"), {"paragraph": 0})
	silent := t.match(0, "neither harbor nor norden has commented", "silent", 0)
	verb := object.union(t.match(0, "commented", "verb", 0), {"start": silent.end - 9, "end": silent.end})
	d := t.doc([t.sentence(0, "body"), cur], {"attribution_cues": [verb], "no_comment_cues": [silent]})
	r := rule.report with input as with_numbers(d, [figure(1)])
	count(r) == 1
}

test_quiet_in_first_person if {
	s := object.union(t.sentence(0, "body"), {"tokens": ["we", "cut", "costs", "11%"]})
	r := rule.report with input as with_numbers(t.doc([s], {}), [figure(0)])
	count(r) == 0
}

test_fires_when_only_quoted_attribution if {
	quoted := object.union(said(0), {"quoted": true})
	d := t.doc([t.sentence(0, "body")], {"claim_cues": [plan], "attribution_cues": [quoted]})
	r := rule.report with input as named(d, 0)
	count(r) == 1
}

test_quiet_inside_quote if {
	s := object.union(t.sentence(0, "body"), {"quoted": true})
	r := rule.report with input as named(t.doc([s], {"claim_cues": [object.union(plan, {"quoted": true})]}), 0)
	count(r) == 0
}

test_quiet_in_headline if {
	r := rule.report with input as named(t.doc([t.sentence(0, "headline")], {"claim_cues": [plan]}), 0)
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
