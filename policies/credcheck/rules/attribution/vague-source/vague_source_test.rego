package credcheck.rules.attribution["vague-source_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["vague-source"] as rule

familiar := t.match(0, "people familiar with the matter", "anonymous", 5)

experts := t.match(0, "experts say", "crowd", 0)

# Sentence 1 names Jane Roe and attributes with "said".
named_next(matches) := object.union(
	t.doc(
		[t.sentence(0, "body"), object.union(t.sentence(1, "body"), {"entities": [0]})],
		object.union(matches, {"attribution_cues": [t.match(1, "said", "verb", 6)]}),
	),
	{"entities": [t.entity(1, "jane roe", 110)]},
)

test_fires_on_anonymous_source if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"vague_sources": [familiar]})
	{f.severity | some f in r} == {"warning"}
}

test_fires_as_error_when_lede_rests_on_anonymous_source if {
	r := rule.report with input as t.doc([t.sentence(0, "lede")], {"vague_sources": [familiar]})
	{f.severity | some f in r} == {"error"}
}

test_fires_on_unresolved_crowd if {
	r := rule.report with input as t.doc([t.sentence(0, "body"), t.sentence(1, "body")], {"vague_sources": [experts]})
	count(r) == 1
}

test_fires_on_anonymous_source_even_with_named_source_after if {
	r := rule.report with input as named_next({"vague_sources": [familiar]})
	count(r) == 1
}

test_quiet_when_crowd_resolved_by_named_source if {
	r := rule.report with input as named_next({"vague_sources": [experts]})
	count(r) == 0
}

test_quiet_inside_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"vague_sources": [object.union(familiar, {"quoted": true})]})
	count(r) == 0
}
