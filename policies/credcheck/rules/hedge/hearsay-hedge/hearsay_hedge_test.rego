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

test_quiet_when_the_sentence_names_the_outlet if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {
		"hearsay_hedges": [hedge],
		"news_outlets": [t.match(0, "The Ledger", "", 8)],
	})
	count(r) == 0
}

# "… reportedly agreed, according to Jane Roe": the source holds a name.
frame := object.union(t.match(0, "according to", "source_after", 6), {"start": 45, "end": 57})

named_doc := object.union(t.doc([object.union(t.sentence(0, "lede"), {"entities": [0], "attributions": [0]})], {"hearsay_hedges": [hedge], "attribution_cues": [frame]}), {
	"entities": [t.entity(0, "jane roe", 60)],
	"attributions": [{"sentence": 0, "start": 45, "end": 57, "lexicon": "attribution_cues", "term": "according to", "source": {"start": 58, "end": 70, "text": "Jane Roe"}}],
})

test_quiet_when_the_source_is_named if {
	r := rule.report with input as named_doc
	count(r) == 0
}

test_fires_when_the_source_names_no_one if {
	d := object.union(named_doc, {"attributions": [object.union(named_doc.attributions[0], {"source": {"start": 80, "end": 87, "text": "reports"}})]})
	r := rule.report with input as d
	count(r) == 1
}

test_fires_when_a_verb_names_the_party if {
	# "Harbor reportedly rejected the offer": "rejected" is not a report.
	verb := object.union(frame, {"group": "verb", "term": "rejected"})
	d := object.union(named_doc, {"matches": {"hearsay_hedges": [hedge], "attribution_cues": [verb]}})
	r := rule.report with input as d
	count(r) == 1
}
