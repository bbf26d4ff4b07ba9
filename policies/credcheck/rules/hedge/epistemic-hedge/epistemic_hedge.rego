# METADATA
# title: Epistemic hedge
# description: |
#   The writer signals doubt about a claim in their own voice: "probably",
#   "might", "seems to", "is thought to", "evidence suggests". A hedge that
#   matches the evidence is honest calibration, so the finding is a note
#   for the editor (info) rather than a fault: it asks whether the doubt is
#   the reporter's, and whose it should be. Left alone inside quotes, where
#   the doubt is the speaker's, and "May" the month.
# related_resources:
#   - ref: https://rgai.inf.u-szeged.hu/node/118
#     description: CoNLL-2010 shared task — detecting hedges and their scope
# custom:
#   category: hedge
#   severity: info
#   weight: 1
#   input: [matches, sentences]
#   why: Unattributed doubt leaves the reader unsure whose judgement it is; attribute it, or state what is known.
#   examples:
#     fires: The plant will probably close next year.
#     quiet: The vote in May passed 7-2, the council said.
package credcheck.rules.hedge["epistemic-hedge"]

# Words around "may" that make it the month: "in May", "May 3".
month_neighbours := {"in", "on", "since", "until", "by", "from", "last", "next", "early", "late", "mid", "of", "during", "through", "before", "after"}

report contains finding if {
	some m in input.matches.epistemic_hedges
	m.quoted == false
	not month(m)
	input.sentences[m.sentence].zone != "quote"
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q hedges the claim in the writer's own voice: whose doubt is it?", [m.text]),
	}
}

month(m) if {
	m.group == "modal"
	m.text == "May"
	m.first_token > 0
}

month(m) if {
	m.group == "modal"
	lower(m.text) == "may"
	input.sentences[m.sentence].tokens[m.first_token - 1] in month_neighbours
}

month(m) if {
	m.group == "modal"
	lower(m.text) == "may"
	regex.match(`^[0-9]`, input.sentences[m.sentence].tokens[m.last_token + 1])
}
