package credcheck.rules.hedge["hearsay-hedge_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.hedge["hearsay-hedge"] as rule

hedge := t.match(0, "reportedly", "hearsay", 2)

test_fires_in_body if {
	r := rule.report with input as t.doc([t.sentence(0, "body", {})], {"hearsay_hedges": [hedge]})
	count(r) == 1
	some f in r
	f.severity == "warning"
	f.cue == "reportedly"
	f.start == hedge.start
}

test_fires_as_error_in_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline", {})], {"hearsay_hedges": [hedge]})
	{f.severity | some f in r} == {"error"}
}

test_fires_as_error_in_lede if {
	r := rule.report with input as t.doc([t.sentence(0, "lede", {})], {"hearsay_hedges": [hedge]})
	{f.severity | some f in r} == {"error"}
}

test_fires_on_alleged_without_accuser if {
	m := t.match(0, "allegedly", "allegation", 3)
	r := rule.report with input as t.doc([t.sentence(0, "body", {})], {"hearsay_hedges": [m]})
	count(r) == 1
}

test_quiet_inside_quote if {
	m := object.union(hedge, {"quoted": true})
	r := rule.report with input as t.doc([t.sentence(0, "body", {})], {"hearsay_hedges": [m]})
	count(r) == 0
}

test_quiet_in_block_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "quote", {})], {"hearsay_hedges": [hedge]})
	count(r) == 0
}

test_quiet_on_alleged_with_named_accuser if {
	m := t.match(0, "alleged", "allegation", 1)
	s := t.sentence(0, "body", {"accusers": ["prosecutors"]})
	r := rule.report with input as t.doc([s], {"hearsay_hedges": [m]})
	count(r) == 0
}

test_quiet_on_alleged_with_attribution if {
	m := t.match(0, "allegedly", "allegation", 4)
	s := t.sentence(0, "body", {"attribution_cues": ["said"]})
	r := rule.report with input as t.doc([s], {"hearsay_hedges": [m]})
	count(r) == 0
}

test_quiet_without_matches if {
	r := rule.report with input as t.doc([t.sentence(0, "body", {})], {})
	count(r) == 0
}
