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
#   Each announcing sentence is paired with the first silence about one of
#   its parties, and each silent sentence with the first announcement, so a
#   sentence is reported once however many others contradict it.
# related_resources:
#   - ref: https://nlp.stanford.edu/pubs/contradiction-acl08.pdf
#     description: de Marneffe, Rafferty and Manning (2008), Finding Contradictions in Text
# custom:
#   category: contradiction
#   severity: error
#   weight: 6
#   input: [entities, matches, numbers, sentences]
#   why: A story cannot have a party both announce a deal and stay silent on it; one of the two statements is wrong and the reader cannot tell which.
#   examples:
#     fires: 'Harbor Lines has announced a partnership with Norden Freight. Neither Harbor Lines nor Norden Freight has commented on the deal.'
#     quiet: 'Norden Freight confirmed the partnership. Harbor Lines has not commented further.'
package credcheck.rules.contradiction["announced-vs-no-comment"]

import data.credcheck.lib

# The silences and announcements of sentence i outside quotes, in text
# order, reached through the sentence's cue index.
silences_in(i) := [m | some m in lib.cues(i, "no_comment_cues"); m.group == "silent"]

announcements_in(i) := [m | some m in lib.cues(i, "announce_cues"); not dated(i)]

# An announcement dated to a year ("In 2023 Norden announced") is history,
# not the event the silence is about.
dated(i) if {
	some k in input.sentences[i].numbers
	input.numbers[k].unit == "year"
}

# The parties each silence and (only when there is one) each announcement
# in the writer's voice is about, as [party, sentence] pairs: one pass over
# the cues, each cue costing the names before it, so the work follows the
# cues and not the sentences × parties. A cue with no name before it is
# about no one and pairs with nothing.
silent_pairs contains [k, n.sentence] if {
	some n in input.matches.no_comment_cues
	n.group == "silent"
	n.quoted == false
	some k in lib.names_before(n)
}

announced_pairs contains [k, a.sentence] if {
	count(silent_pairs) > 0
	some a in input.matches.announce_cues
	a.quoted == false
	not dated(a.sentence)
	some k in lib.names_before(a)
}

silent_sentences := {i | some [_, i] in silent_pairs}

announcing_sentences := {i | some [_, i] in announced_pairs}

# The first two sentences, in text order, that announce something of party
# k or say it is silent (k named before the cue). Two, so that one other
# than any given sentence is among them.
announcing(k) := array.slice(sort({i | some [p, i] in announced_pairs; p == k}), 0, 2)

silent_about(k) := array.slice(sort({i | some [p, i] in silent_pairs; p == k}), 0, 2)

# The sentence each announcing sentence is paired with: the first other
# sentence silent about a party one of its announcements names; and the
# other way round.
silence_for(ai) := min({ni |
	some a in announcements_in(ai)
	some k in lib.names_before(a)
	some ni in silent_about(k)
	ni != ai
})

announcement_for(ni) := min({ai |
	some n in silences_in(ni)
	some k in lib.names_before(n)
	some ai in announcing(k)
	ai != ni
})

# The first announcement and silence of two sentences that name a party in
# common, in text order: another announcement in the same sentence may be
# about someone else ("Norden announced a route, and Harbor has announced a
# deal").
pair_in(ai, ni) := [x[2], x[3]] if {
	x := sort([[a.start, n.start, a, n] |
		some a in announcements_in(ai)
		some n in silences_in(ni)
		count(lib.names_before(a) & lib.names_before(n)) > 0
	])[0]
}

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
	some ai in announcing_sentences
	ni := silence_for(ai)
	[a, n] := pair_in(ai, ni)
	who := party(a, lib.names_before(a) & lib.names_before(n))
	finding := {
		"sentence": a.sentence, "start": a.start, "end": a.end, "problem": sprintf("%d-%d", [ai, ni]),
		"message": sprintf("says %s %q this, but line %d says %s has not commented (%q)", [who, a.text, lib.line(ni), who, n.text]),
	}
}

report contains finding if {
	some ni in silent_sentences
	ai := announcement_for(ni)
	[a, n] := pair_in(ai, ni)
	who := party(a, lib.names_before(a) & lib.names_before(n))
	finding := {
		"sentence": n.sentence, "start": n.start, "end": n.end, "problem": sprintf("%d-%d", [ai, ni]),
		"message": sprintf("says %s has not commented (%q), but line %d says %s %q it", [who, n.text, lib.line(ai), who, a.text]),
	}
}
