# METADATA
# title: Named source with a role
# description: |
#   The article credits a named person and says who they are: "said Jane
#   Roe, an analyst at Ledger Research", "Health Minister Jo Bell said",
#   "Mara Holt, who chairs the board, told…". The reader can weigh the
#   source and check the quote. One credit per person, at the first
#   attribution that gives their role; later quotes from the same person
#   add nothing. Names of institutions and news outlets are not people.
# related_resources:
#   - ref: https://www.spj.org/ethicscode.asp
#     description: SPJ Code of Ethics — identify sources clearly
# custom:
#   category: sourcing
#   severity: info
#   weight: 2
#   input: [attributions, matches, sentences]
#   why: A named source with a stated role can be weighed and checked; it is the strongest sign a story was reported.
#   examples:
#     fires: '"We expect the vote next week," said Jane Roe, a spokeswoman for the harbour board.'
#     quiet: '"We expect the vote next week," a spokeswoman said.'
package credcheck.rules.sourcing["named-source"]

import data.credcheck.lib.sources

# Attributions that name a person with a role, by person.
identified contains [sources.key(a), a.start, i] if {
	some i in sources.persons
	a := input.attributions[i]
	sources.introduced(a)
}

# The starts of each person's attributions, grouped once: a comprehension
# per person over all of them would cost the square of their number.
starts[k] contains s if some [k, s, _] in identified

first[k] := min(ss) if some k, ss in starts

report contains finding if {
	some [k, start, i] in identified
	first[k] == start
	a := input.attributions[i]
	role := object.get(a.speaker, ["role", "text"], a.speaker.text)
	finding := {
		"sentence": a.sentence, "start": a.speaker.start, "end": a.speaker.end,
		"cue": a.speaker.text,
		"message": sprintf("named source with a role: %s (%s)", [a.speaker.text, role]),
	}
}
