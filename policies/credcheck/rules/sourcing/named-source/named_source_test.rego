package credcheck.rules.sourcing["named-source_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.sourcing["named-source"] as rule

# Sentence 0: '"It is done," said Jane Roe, an analyst at Ledger.'
# The speaker "Jane Roe" spans 30-38, the description 40-62.
roe(role) := {
	"sentence": 0, "start": 25, "end": 29, "lexicon": "attribution_cues", "term": "said", "group": "verb",
	"source": {"start": 30, "end": 38, "text": "Jane Roe"},
	"speaker": {"entity": 0, "start": 30, "end": 38, "text": "Jane Roe", "words": 2, "role": role},
}

appositive := {"start": 40, "end": 62, "text": "an analyst at Ledger"}

analyst := object.union(t.match(0, "analyst", "expert", 0), {"start": 43, "end": 50})

document(attributions, matches) := object.union(t.doc([t.sentence(0, "body")], matches), {"attributions": attributions})

test_fires_on_a_name_with_a_described_role if {
	r := rule.report with input as document([roe(appositive)], {"source_roles": [analyst]})
	count(r) == 1
	some f in r
	f.start == 30
	contains(f.message, "Jane Roe")
}

test_fires_once_per_person if {
	later := object.union(roe(appositive), {"start": 80, "end": 84})
	r := rule.report with input as document([roe(appositive), later], {"source_roles": [analyst]})
	count(r) == 1
}

test_quiet_without_a_role if {
	r := rule.report with input as document([roe(null)], {"source_roles": [analyst]})
	count(r) == 0
}

test_quiet_when_the_description_has_no_role_word if {
	r := rule.report with input as document([roe(appositive)], {})
	count(r) == 0
}

test_quiet_for_a_formal_title_before_the_name if {
	# "President Jane Roe said": the role is the source, name included.
	titled := object.union(roe({"start": 20, "end": 38, "text": "President Jane Roe"}), {"speaker": {"start": 30}})
	president := object.union(t.match(0, "president", "title", 0), {"start": 20, "end": 29, "capitalised": true})
	r := rule.report with input as document([titled], {"source_roles": [president]})
	count(r) == 0
}

test_quiet_for_an_institution if {
	ledger := object.union(t.match(0, "inc", "organisation", 0), {"start": 35, "end": 38})
	r := rule.report with input as document([roe(appositive)], {"source_roles": [analyst], "institutions": [ledger]})
	count(r) == 0
}

test_quiet_for_a_one_word_name if {
	single := object.union(roe(appositive), {"speaker": {"words": 1}})
	r := rule.report with input as document([single], {"source_roles": [analyst]})
	count(r) == 0
}

test_quiet_for_a_stance if {
	stance := object.union(roe(appositive), {"group": "stance"})
	r := rule.report with input as document([stance], {"source_roles": [analyst]})
	count(r) == 0
}
