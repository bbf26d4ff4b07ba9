package credcheck.rules.sourcing["attributed-statement_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["attributed-statement"] as rule

# Sentence 0: 'The port authority said the berth would reopen.'
said(sentence, start, source) := {
	"sentence": sentence, "start": start, "end": start + 4, "lexicon": "attribution_cues", "term": "said", "group": "verb",
	"source": source, "speaker": null,
}

authority := {"start": 4, "end": 18, "text": "port authority"}

document(zones, attributions, matches) := object.union(
	t.doc([t.sentence(i, z) | some i, z in zones], matches),
	{"attributions": attributions},
)

test_fires_on_a_sourced_statement if {
	r := rule.report with input as document(["body"], [said(0, 19, authority)], {})
	count(r) == 1
	some f in r
	f.start == 19
	contains(f.message, "port authority")
}

test_fires_once_per_sentence if {
	r := rule.report with input as document(["body"], [said(0, 19, authority), said(0, 40, authority)], {})
	count(r) == 1
}

test_fires_per_sentence if {
	r := rule.report with input as document(["lede", "body"], [said(0, 19, authority), said(1, 60, authority)], {})
	count(r) == 2
}

test_quiet_without_a_source if {
	r := rule.report with input as document(["body"], [said(0, 19, null)], {})
	count(r) == 0
}

test_quiet_on_a_vague_source if {
	experts := {"start": 0, "end": 7, "text": "Experts"}
	vague := object.union(t.match(0, "experts", "plural", 0), {"start": 0, "end": 7})
	r := rule.report with input as document(["body"], [said(0, 8, experts)], {"vague_sources": [vague]})
	count(r) == 0
}

test_quiet_in_a_heading if {
	r := rule.report with input as document(["heading"], [said(0, 19, authority)], {})
	count(r) == 0
}

test_quiet_on_stances if {
	stance := object.union(said(0, 19, authority), {"group": "stance"})
	r := rule.report with input as document(["body"], [stance], {})
	count(r) == 0
}
