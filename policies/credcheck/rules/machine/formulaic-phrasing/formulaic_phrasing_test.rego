package credcheck.rules.machine["formulaic-phrasing_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["formulaic-phrasing"] as rule

testament := object.union(t.match(0, "testament", "significance", -1), {"text": "stands as a testament"})

parallel := object.union(t.match(1, "not only", "negative_parallelism", -1), {"text": "not only cuts costs but also"})

sentences := [t.sentence(0, "body"), t.sentence(1, "body")]

test_fires_on_each_of_several_constructions if {
	r := rule.report with input as t.doc(sentences, {"formulaic_phrases": [testament, parallel]})
	{f.sentence | some f in r} == {0, 1}
}

test_quiet_on_a_single_construction if {
	r := rule.report with input as t.doc(sentences, {"formulaic_phrases": [testament]})
	count(r) == 0
}

test_quiet_when_quoted if {
	r := rule.report with input as t.doc(sentences, {"formulaic_phrases": [testament, object.union(parallel, {"quoted": true})]})
	count(r) == 0
}

rooted(i) := object.union(t.match(i, "deeply rooted", "significance", -1), {"start": i * 100, "end": (i * 100) + 13})

test_quiet_inside_a_name if {
	# "Deeply Rooted Dance Theater", twice: a company's name, not a formula.
	named := [object.union(s, {"entities": [s.index]}) | some s in sentences]
	d := object.union(t.doc(named, {"formulaic_phrases": [rooted(0), rooted(1)]}), {"entities": [t.entity(0, "deeply rooted dance theater", 0), t.entity(1, "deeply rooted dance theater", 100)]})
	r := rule.report with input as d
	count(r) == 0
}
