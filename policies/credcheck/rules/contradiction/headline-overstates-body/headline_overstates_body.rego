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
#   input: [entities, matches, sentences]
#   why: Readers of the headline or first paragraph take away a certainty the reporting does not have.
#   params:
#     hedge_window: 6
#   examples:
#     fires: 'Harbor Lines has acquired Norden Freight. … Harbor Lines is in talks to acquire Norden Freight, people said.'
#     quiet: 'Harbor Lines is in talks to acquire Norden Freight. … Harbor Lines is reportedly in talks to acquire Norden Freight.'
package credcheck.rules.contradiction["headline-overstates-body"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["headline-overstates-body"]
} else := lib.params(rego.metadata.chain())

hedges contains h if {
	some h in input.matches.hearsay_hedges
	h.group == "hearsay"
	h.quoted == false
}

hedges contains h if {
	some h in input.matches.soft_status
	h.quoted == false
}

# Deal words in the body with a hedge shortly before them.
hedged contains [m, h] if {
	some h in hedges
	input.sentences[h.sentence].zone == "body"
	some m in lib.cues(h.sentence, "deal_events")
	h.last_token < m.first_token
	m.first_token - h.last_token <= params.hedge_window
}

# Deal words stated flatly in the headline or lede; only looked for when
# the body hedges a deal.
stated contains m if {
	count(hedged) > 0
	some m in input.matches.deal_events
	m.quoted == false
	input.sentences[m.sentence].zone in lib.story_zones
	not hedged_sentence(m.sentence)
}

hedged_sentence(i) if input.sentences[i].cues.hearsay_hedges

hedged_sentence(i) if input.sentences[i].cues.soft_status

parties(i) := {input.entities[k].key | some k in input.sentences[i].entities}

# Each headline or lede sentence is reported once, against the first body
# sentence that hedges the same kind of deal by the same party.
evidence contains [s.sentence, s.start, s.end, s.text, s.group, m.sentence, h.start, h.text, m.text] if {
	some [m, h] in hedged
	some s in stated
	s.group == m.group
	count(parties(s.sentence) & parties(m.sentence)) > 0
}

report contains finding if {
	some i in {e[0] | some e in evidence}
	[_, start, end, text, group, body, _, hedge, deal] := sort([e | some e in evidence; e[0] == i])[0]
	finding := {
		"sentence": i, "start": start, "end": end,
		"message": sprintf("the %s states the %s as fact (%q), but line %d hedges it (%q … %q)", [input.sentences[i].zone, group, text, lib.line(body), hedge, deal]),
	}
}
