# METADATA
# title: Announced in one article, silent in another
# description: |
#   One article of a story says, in the writer's own voice, that a party
#   "announced" or "confirmed" something, and another says the same party
#   "has not commented" or that neither it nor its partner commented. Both
#   cannot be true of one event. Read across articles only (the article
#   rule announced-vs-no-comment reads within one), and only silences of the
#   plain kind: "did not respond to a request for comment" and "declined to
#   comment further" are left alone, as a party can announce one thing and
#   not answer another. Announcements dated to a year are history, not
#   the event. One finding per party, citing every sentence of both kinds.
# custom:
#   category: contradiction
#   severity: error
#   weight: 6
#   why: If one article has a party announce a deal and another says it has said nothing, one of them is wrong, and readers of the first take a report for an announcement.
#   examples:
#     fires: 'One article: "Harbor has announced the partnership." Another: "Neither Harbor nor Norden has commented."'
#     quiet: 'One article: "Harbor has announced the partnership." Another: "Harbor did not respond to a request for comment."'
package credcheck.story_rules.contradiction["story-announced-vs-silent"]

import data.credcheck.story

announcing(k) := [s |
	some s in input.statements
	s.kind == "announce"
	not s.dated
	k in s.parties
]

silent(k) := [s |
	some s in input.statements
	s.kind == "silent"
	k in s.parties
]

parties contains k if {
	some s in input.statements
	s.kind == "announce"
	some k in s.parties
}

contradicted(k) if {
	some a in announcing(k)
	some n in silent(k)
	a.article != n.article
}

report contains finding if {
	some k in parties
	contradicted(k)
	xs := sort([[s.article, s.sentence, s.kind] | some s in array.concat(announcing(k), silent(k))])
	said := sort({sprintf("article %d", [x[0] + 1]) | some x in xs; x[2] == "announce"})
	quiet := sort({sprintf("article %d", [x[0] + 1]) | some x in xs; x[2] == "silent"})
	finding := {
		"message": sprintf("%s announced or confirmed it according to %s, but has not commented according to %s.", [story.name(k), concat(" and ", said), concat(" and ", quiet)]),
		"cites": [{"article": x[0], "sentence": x[1]} | some x in xs],
	}
}
