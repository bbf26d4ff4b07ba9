# METADATA
# title: Announced, then silent
# description: |
#   In the writer's own voice the article says a party "announced" or
#   "confirmed" something, and elsewhere that the same party "has not
#   commented", "declined to comment" or "did not respond". Both cannot be
#   true of one event: either the announcement is second-hand or the silence
#   is stale. The party is the name that comes before each cue. Left alone
#   when the silence is only about going further ("declined to comment
#   beyond its statement"), when it is a reporter's question left
#   unanswered ("did not respond to a request for comment": the party
#   announced one thing and did not answer another), when the
#   announcement is dated to a year, and inside quotes. Both sentences are reported, as one problem.
# related_resources:
#   - ref: https://nlp.stanford.edu/pubs/contradiction-acl08.pdf
#     description: de Marneffe, Rafferty and Manning (2008), Finding Contradictions in Text
# custom:
#   category: contradiction
#   severity: error
#   weight: 6
#   why: A story cannot have a party both announce a deal and stay silent on it; one of the two statements is wrong and the reader cannot tell which.
#   examples:
#     fires: 'Harbor Lines has announced a partnership with Norden Freight. Neither Harbor Lines nor Norden Freight has commented on the deal.'
#     quiet: 'Norden Freight confirmed the partnership. Harbor Lines has not commented further.'
package credcheck.rules.contradiction["announced-vs-no-comment"]

import data.credcheck.lib

# Silences are rarer than announcements, so they are found first and the
# announcements only looked at when there is one.
silences contains m if {
	some m in input.matches.no_comment_cues
	m.group == "silent"
	m.quoted == false
}

announcements contains m if {
	count(silences) > 0
	some m in input.matches.announce_cues
	m.quoted == false
	not dated(m.sentence)
}

# An announcement dated to a year ("In 2023 Norden announced") is history,
# not the event the silence is about.
dated(i) if {
	some k in input.sentences[i].numbers
	input.numbers[k].unit == "year"
}

# Sentence pairs, with the first announcement and silence of each.
pairs contains [a.sentence, n.sentence] if {
	some n in silences
	some a in announcements
	a.sentence != n.sentence
	count(lib.names_before(a) & lib.names_before(n)) > 0
}

# The first announcement and silence of two sentences that name a party in
# common, in text order: another announcement in the same sentence may be
# about someone else ("Norden announced a route, and Harbor has announced a
# deal").
pair_in(ai, ni) := sort([[a.start, n.start, a, n] |
	some a in announcements
	a.sentence == ai
	some n in silences
	n.sentence == ni
	count(lib.names_before(a) & lib.names_before(n)) > 0
])[0]

# The party both sentences name, as the announcement writes it: the
# longest shared name ("Harrowgate Energy" rather than "Energy").
party(a, shared) := text if {
	longest := sort([[0 - count(k), k] | some k in shared])[0][1]
	text := [e.text |
		some j in input.sentences[a.sentence].entities
		e := input.entities[j]
		e.key == longest
	][0]
}

report contains finding if {
	some [ai, ni] in pairs
	[_, _, a, n] := pair_in(ai, ni)
	who := party(a, lib.names_before(a) & lib.names_before(n))
	problem := sprintf("%d-%d", [ai, ni])
	some finding in [
		{
			"sentence": a.sentence, "start": a.start, "end": a.end, "problem": problem,
			"message": sprintf("says %s %q this, but line %d says %s has not commented (%q)", [who, a.text, lib.line(ni), who, n.text]),
		},
		{
			"sentence": n.sentence, "start": n.start, "end": n.end, "problem": problem,
			"message": sprintf("says %s has not commented (%q), but line %d says %s %q it", [who, n.text, lib.line(ai), who, a.text]),
		},
	]
}
