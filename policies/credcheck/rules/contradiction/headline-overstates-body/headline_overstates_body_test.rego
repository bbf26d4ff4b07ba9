package credcheck.rules.contradiction["headline-overstates-body_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.contradiction["headline-overstates-body"] as rule

# Sentence 0 (lede): "Norvale has partnered with Tessaro."
# Sentence 1 (body): "Norvale has reportedly struck a strategic alliance with Tessaro."
lede_deal := t.match(0, "partnered", "partnership", 2)

body_hedge := t.match(1, "reportedly", "hearsay", 2)

body_deal := t.match(1, "partnership", "partnership", 7)

sentences := [
	object.union(t.sentence(0, "lede"), {"entities": [0]}),
	object.union(t.sentence(1, "body"), {"entities": [1]}),
]

entities := [t.entity(0, "norvale", 0), t.entity(1, "norvale", 100)]

document(matches) := object.union(t.doc(sentences, matches), {"entities": entities})

test_fires_when_body_hedges_the_lede if {
	r := rule.report with input as document({"deal_events": [lede_deal, body_deal], "hearsay_hedges": [body_hedge]})
	count(r) == 1
	some f in r
	f.sentence == 0
	contains(f.message, "line 2")
}

test_fires_on_soft_status if {
	r := rule.report with input as document({"deal_events": [lede_deal, body_deal], "soft_status": [t.match(1, "in talks", "", 3)]})
	count(r) == 1
}

test_fires_once_per_sentence if {
	second := t.match(0, "alliance", "partnership", 5)
	r := rule.report with input as document({"deal_events": [lede_deal, second, body_deal], "hearsay_hedges": [body_hedge]})
	count(r) == 1
}

test_quiet_when_lede_is_hedged_too if {
	lede_hedge := t.match(0, "reportedly", "hearsay", 1)
	r := rule.report with input as document({"deal_events": [lede_deal, body_deal], "hearsay_hedges": [lede_hedge, body_hedge]})
	count(r) == 0
}

test_quiet_when_hedge_is_far_from_the_deal if {
	r := rule.report with input as document({
		"deal_events": [lede_deal, t.match(1, "partnership", "partnership", 12)],
		"soft_status": [t.match(1, "considering", "", 0)],
	})
	count(r) == 0
}

test_quiet_when_hedge_follows_the_deal if {
	r := rule.report with input as document({"deal_events": [lede_deal, body_deal], "soft_status": [t.match(1, "considering", "", 9)]})
	count(r) == 0
}

test_quiet_for_another_party if {
	ents := [t.entity(0, "norvale", 0), t.entity(1, "halden", 100)]
	r := rule.report with input as object.union(document({"deal_events": [lede_deal, body_deal], "hearsay_hedges": [body_hedge]}), {"entities": ents})
	count(r) == 0
}

test_quiet_for_another_kind_of_deal if {
	r := rule.report with input as document({"deal_events": [lede_deal, t.match(1, "takeover", "acquisition", 7)], "hearsay_hedges": [body_hedge]})
	count(r) == 0
}
