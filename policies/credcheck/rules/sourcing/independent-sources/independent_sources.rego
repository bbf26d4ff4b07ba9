# METADATA
# title: Independent named sources
# description: |
#   The article credits more than one named person, each introduced with
#   who they are (as named-source requires), and they do not speak for the
#   same organisation: a story that hears from a company and from
#   an analyst outside it, or from both sides of a dispute. One credit per
#   named source beyond the first whose affiliation differs from those
#   before, at their first attribution. People whose description names no
#   organisation count as independent of each other.
# related_resources:
#   - ref: https://www.spj.org/ethicscode.asp
#     description: SPJ Code of Ethics — seek sources whose voices are seldom heard, diverse and independent
# custom:
#   category: sourcing
#   severity: info
#   weight: 2
#   input: [attributions, entities, matches, sentences]
#   why: A story that rests on one voice, or on several voices of one organisation, has not been checked against anyone else.
#   examples:
#     fires: '"We will appeal," said Jane Roe, a lawyer for Harbor Lines. "The ruling is narrow," said Tom Reyes, a professor at Norden University.'
#     quiet: '"We will appeal," said Jane Roe, a lawyer for Harbor Lines. "We disagree," Roe added.'
package credcheck.rules.sourcing["independent-sources"]

import data.credcheck.lib.sources

# Each introduced attribution's person, computed once.
keys[i] := sources.key(input.attributions[i]) if some i in introduced

starts[k] contains input.attributions[i].start if some i, k in keys

# The first attribution of each named person, as [start, key, index].
firsts := {[a.start, k, i] |
	some i, k in keys
	a := input.attributions[i]
	a.start == min(starts[k])
}

# Named people the article says something about (see named-source).
introduced := {i | some i in sources.persons; has_role(input.attributions[i])}

has_role(a) if sources.introduced(a)

has_role(a) if {
	a.speaker.role != null
	sources.within(a.sentence, "source_roles", a.speaker.role)
}

has_role(a) if sources.within(a.sentence, "source_roles", a.speaker)

# The organisation a person speaks for: the first name other than their
# own in the words describing them ("a lawyer for Harbor Lines"); their own
# key when none is given, so that each counts on its own.
affiliation(i, k) := org if {
	a := input.attributions[i]
	a.speaker.role != null
	orgs := sort([[e.start, e.key] |
		some j in input.sentences[a.sentence].entities
		e := input.entities[j]
		e.start >= a.speaker.role.start
		e.end <= a.speaker.role.end
		not overlaps(e, a.speaker)
	])
	count(orgs) > 0
	org := orgs[0][1]
} else := concat("", ["person:", k])

overlaps(x, y) if {
	x.start < y.end
	y.start < x.end
}

# People in order of first mention, with their organisations.
ordered := [[k, affiliation(i, k), i] | some [_, k, i] in sort(firsts)]

report contains finding if {
	some n, [k, org, i] in ordered
	n > 0
	not org in {o | some m, [_, o, _] in ordered; m < n}
	a := input.attributions[i]
	finding := {
		"sentence": a.sentence, "start": a.speaker.start, "end": a.speaker.end,
		"cue": a.speaker.text,
		"message": sprintf("another independent named source: %s", [a.speaker.text]),
	}
}
