package credcheck.rules.attribution["weasel-passive_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.attribution["weasel-passive"] as rule

seen := object.union(t.match(0, "(is|are|was|were) (widely |generally |often |)seen as", "", 2), {"text": "is seen as"})

test_fires_on_agentless_passive if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"weasel_passives": [seen]})
	{f.start | some f in r} == {seen.start}
	some f in r
	contains(f.message, "is seen as")
}

test_fires_in_headline if {
	r := rule.report with input as t.doc([t.sentence(0, "headline")], {"weasel_passives": [seen]})
	count(r) == 1
}

test_quiet_when_sentence_is_attributed if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"weasel_passives": [seen], "attribution_cues": [t.match(0, "said", "verb", 9)]})
	count(r) == 0
}

test_quiet_inside_quote if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"weasel_passives": [object.union(seen, {"quoted": true})]})
	count(r) == 0
}
