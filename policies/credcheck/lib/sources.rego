# METADATA
# title: Named-source helpers
# description: |
#   Which attributions credit a named person, who that person is, and what
#   describes them. Shared by the sourcing rules, which credit named,
#   identified and independent sources.
package credcheck.lib.sources

import data.credcheck.lib

# METADATA
# description: |
#   Attributions, by index, that credit a person by name: a speaker of two
#   words or more ("Jane Roe", "Mara Holt") in running prose, not an
#   institution ("Harbor Authority") nor a news outlet.
persons contains i if {
	some i, a in input.attributions
	a.speaker != null
	a.group != "stance"
	a.speaker.words >= 2
	input.sentences[a.sentence].zone in lib.prose_zones
	not within(a.sentence, "institutions", a.speaker)
	not within(a.sentence, "news_outlets", a.speaker)
}

# METADATA
# description: |
#   Whether a match of lexicon name in sentence i lies inside span (an
#   object with start and end), outside quotes.
within(i, name, span) if {
	some k in input.sentences[i].cues[name]
	m := input.matches[name][k]
	m.start >= span.start
	m.end <= span.end
}

# METADATA
# description: |
#   Who a person is, across mentions: the surname, so that "Jane Roe" and
#   a later "Roe" count once.
key(a) := k if {
	words := split(lower(a.speaker.text), " ")
	k := trim_suffix(trim_suffix(words[count(words) - 1], "'s"), "’s")
}

# METADATA
# description: |
#   Whether attribution a introduces its speaker: a description set off
#   beside the name ("Jane Roe, an analyst at Ledger, said", "said Jane
#   Roe, who chairs the board") holding a role word. A formal title before
#   a name ("President Jane Roe") is left out: it names office holders
#   anyone can quote, and on the development set it was as common in
#   unreliable copy as in reliable.
introduced(a) if {
	a.speaker.role != null
	a.speaker.role.start >= a.speaker.end
	within(a.sentence, "source_roles", a.speaker.role)
}

introduced(a) if {
	a.speaker.role != null
	a.speaker.role.end <= a.speaker.start
	not overlaps(a.speaker.role, a.speaker)
	within(a.sentence, "source_roles", a.speaker.role)
}

overlaps(x, y) if {
	x.start < y.end
	y.start < x.end
}
