# METADATA
# title: Headline or lede overstates the body
# description: |
#   The headline or lede states a deal as done ("has partnered", "acquires")
#   while the body hedges the same deal by the same party ("has reportedly
#   entered into a partnership", "is in talks to acquire"). The hedge must
#   come shortly before the deal word in the body sentence, so that it
#   qualifies the deal and not something else. The finding is on the
#   headline or lede sentence.
# related_resources:
#   - ref: https://credweb.org/cciv/r/1/
#     description: Credibility Coalition indicators — title representativeness ("title overstates claims in the body")
# custom:
#   category: contradiction
#   severity: error
#   weight: 5
#   why: Readers of the headline or first paragraph take away a certainty the reporting does not have.
#   params:
#     hedge_window: 6
#   examples:
#     fires: 'Harbor Lines has acquired Norden Freight. … Harbor Lines is in talks to acquire Norden Freight, people said.'
#     quiet: 'Harbor Lines is in talks to acquire Norden Freight. … Harbor Lines is reportedly in talks to acquire Norden Freight.'
package credcheck.rules.contradiction["headline-overstates-body"]

import data.credcheck.lib

params := lib.params(rego.metadata.chain())

story_zones := {"headline", "lede"}

# Deal words stated flatly in the headline or lede.
stated contains m if {
	some m in input.matches.deal_events
	not m.quoted
	input.sentences[m.sentence].zone in story_zones
	not hedged_sentence(m.sentence)
}

hedged_sentence(i) if {
	some h in hedges
	h.sentence == i
}

hedges contains h if {
	some h in input.matches.hearsay_hedges
	not h.quoted
	h.group == "hearsay"
}

hedges contains h if {
	some h in input.matches.soft_status
	not h.quoted
}

# Deal words in the body with a hedge just before them.
hedged contains [m, h] if {
	some m in input.matches.deal_events
	not m.quoted
	input.sentences[m.sentence].zone == "body"
	some h in hedges
	h.sentence == m.sentence
	h.last_token < m.first_token
	m.first_token - h.last_token <= params.hedge_window
}

parties(i) := {input.entities[k].key | some k in input.sentences[i].entities}

report contains finding if {
	some s in stated
	body := min({m.sentence | some [m, _] in hedged; m.group == s.group; count(parties(s.sentence) & parties(m.sentence)) > 0})
	some [m, h] in hedged
	m.sentence == body
	m.group == s.group
	h.start == min({x.start | some [y, x] in hedged; y.sentence == body; y.group == s.group})
	finding := object.union(lib.at(s), {
		"cue": s.text,
		"message": sprintf("the %s states the %s as fact (%q), but line %d hedges it (%q … %q)", [input.sentences[s.sentence].zone, s.group, s.text, lib.line(body), h.text, m.text]),
	})
}
