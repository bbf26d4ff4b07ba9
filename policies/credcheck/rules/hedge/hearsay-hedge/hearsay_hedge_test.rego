package credcheck.rules.hedge["hearsay-hedge_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.hedge["hearsay-hedge"] as rule

hedge := t.match(0, "reportedly", "hearsay", 2)

test_fires_in_body if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"hearsay_hedges": [hedge]})
	count(r) == 1
	some f in r
	f.severity == "warning"
	contains(f.message, "reportedly")
	f.start == hedge.start
}

test_fires_as_error_in_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"hearsay_hedges": [hedge]})
	{f.severity | some f in r} == {"error"}
}

test_fires_as_error_in_lede if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {"hearsay_hedges": [hedge]})
	{f.severity | some f in r} == {"error"}
}

test_fires_on_alleged_without_accuser if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"hearsay_hedges": [t.match(0, "allegedly", "allegation", 3)]})
	count(r) == 1
}

test_fires_on_hearsay_even_with_attribution if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"hearsay_hedges": [hedge], "attribution_cues": [t.match(0, "said", "verb", 6)]})
	count(r) == 1
}

test_quiet_inside_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"hearsay_hedges": [object.union(hedge, {"quoted": true})]})
	count(r) == 0
}

test_quiet_in_block_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "quote")], {"hearsay_hedges": [hedge]})
	count(r) == 0
}

test_quiet_on_alleged_with_named_accuser if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"hearsay_hedges": [t.match(0, "alleged", "allegation", 1)],
		"accusers": [t.match(0, "prosecutors", "", 5)],
	})
	count(r) == 0
}

test_quiet_on_alleged_with_attribution if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {
		"hearsay_hedges": [t.match(0, "allegedly", "allegation", 4)],
		"attribution_cues": [t.match(0, "said", "verb", 1)],
	})
	count(r) == 0
}

test_quiet_without_matches if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {})
	count(r) == 0
}
