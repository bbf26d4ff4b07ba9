package credcheck.rules.hedge["vague-quantity_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.hedge["vague-quantity"] as rule

with_tokens(tokens) := object.union(t.sentence(0, "body"), {"tokens": tokens})

test_fires_on_vague_count if {
	m := t.match(0, "many", "quantity", 0)
	r := rule.report with input as t.doc([with_tokens(["many", "residents", "oppose", "it"])], {"vague_quantities": [m]})
	count(r) == 1
}

test_fires_on_superlative_of_fame if {
	m := object.union(t.match(0, "most famous", "superlative", 1), {"last_token": 3})
	r := rule.report with input as t.doc([with_tokens(["its", "the", "most", "famous", "pub"])], {"vague_quantities": [m]})
	count(r) == 1
	some f in r
	contains(f.message, "by what measure")
}

test_fires_on_prevalence_with_its_own_reason if {
	m := t.match(0, "widely", "prevalence", 2)
	r := rule.report with input as t.doc([with_tokens(["it", "is", "widely", "used"])], {"vague_quantities": [m]})
	some f in r
	f.cue == "widely"
	contains(f.message, "how widespread")
}

test_quiet_before_a_figure if {
	m := t.match(0, "some", "quantity", 0)
	r := rule.report with input as t.doc([with_tokens(["some", "4,000", "people", "came"])], {"vague_quantities": [m]})
	count(r) == 0
}

test_quiet_on_time if {
	m := t.match(0, "many", "quantity", 1)
	r := rule.report with input as t.doc([with_tokens(["for", "many", "years", "it", "stood"])], {"vague_quantities": [m]})
	count(r) == 0
}

test_quiet_inside_quote if {
	m := object.union(t.match(0, "several", "quantity", 0), {"quoted": true})
	r := rule.report with input as t.doc([with_tokens(["several", "firms", "agreed"])], {"vague_quantities": [m]})
	count(r) == 0
}

test_quiet_in_an_attributed_sentence if {
	m := t.match(0, "several", "quantity", 3)
	said := t.match(0, "said", "verb", 1)
	r := rule.report with input as t.doc(
		[with_tokens(["holt", "said", "they", "several", "firms", "met"])],
		{"vague_quantities": [m], "attribution_cues": [said]},
	)
	count(r) == 0
}

test_fires_when_the_source_itself_is_vague if {
	m := t.match(0, "many", "quantity", 0)
	believe := t.match(0, "believe", "verb", 2)
	r := rule.report with input as object.union(
		t.doc(
			[object.union(with_tokens(["many", "historians", "believe", "it", "burned"]), {"attributions": [0]})],
			{"vague_quantities": [m], "attribution_cues": [believe]},
		),
		{"attributions": [{"sentence": 0, "start": believe.start, "end": believe.end, "source": {"start": m.start, "end": m.end + 11}}]},
	)
	count(r) == 1
}
