package credcheck.rules.sourcing["independent-sources_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["independent-sources"] as rule

# Sentence 0: "…said Jane Roe, a lawyer for Harbor." Sentence 1: "…said Tom
# Reyes, a professor at Norden." Each description holds a role word and
# an organisation.
person(i, name, org) := {
	"sentence": i, "start": (i * 100) + 5, "end": (i * 100) + 9, "lexicon": "attribution_cues", "term": "said", "group": "verb",
	"source": {"start": (i * 100) + 10, "end": (i * 100) + 18, "text": name},
	"speaker": {
		"entity": i * 2, "start": (i * 100) + 10, "end": (i * 100) + 18, "text": name, "words": 2,
		"role": {"start": (i * 100) + 20, "end": (i * 100) + 50, "text": org},
	},
}

role(i) := object.union(t.match(i, "lawyer", "expert", 0), {"start": (i * 100) + 22, "end": (i * 100) + 28})

org(i, key) := object.union(t.entity(i, key, (i * 100) + 40), {"end": (i * 100) + 46})

document(attributions, orgs) := object.union(
	t.doc(
		[object.union(t.sentence(0, "body"), {"entities": [0]}), object.union(t.sentence(1, "body"), {"entities": [1]})],
		{"source_roles": [role(0), role(1)]},
	),
	{"attributions": attributions, "entities": orgs},
)

test_fires_on_a_second_source_from_elsewhere if {
	r := rule.report with input as document([person(0, "Jane Roe", "harbor"), person(1, "Tom Reyes", "norden")], [org(0, "harbor"), org(1, "norden")])
	count(r) == 1
	some f in r
	f.sentence == 1
}

test_quiet_with_one_source if {
	r := rule.report with input as document([person(0, "Jane Roe", "harbor")], [org(0, "harbor"), org(1, "norden")])
	count(r) == 0
}

test_quiet_when_both_speak_for_one_organisation if {
	r := rule.report with input as document([person(0, "Jane Roe", "harbor"), person(1, "Tom Reyes", "harbor")], [org(0, "harbor"), org(1, "harbor")])
	count(r) == 0
}

test_quiet_when_the_same_person_speaks_twice if {
	r := rule.report with input as document([person(0, "Jane Roe", "harbor"), person(1, "Jane Roe", "norden")], [org(0, "harbor"), org(1, "norden")])
	count(r) == 0
}
