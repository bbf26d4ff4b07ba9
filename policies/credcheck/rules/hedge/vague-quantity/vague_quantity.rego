# METADATA
# title: Vague quantity
# description: |
#   A quantity left vague where a figure would do ("many residents",
#   "several companies", "some experts"), a claim of prevalence ("widely",
#   "generally") or a superlative of fame ("the most famous"). Each is a
#   weasel word when the article could count or name. Uses before a figure
#   ("some 4,000 people"), of time ("many years"), inside quotes, and in
#   what a source is reported to have said are left alone (but not in the
#   source itself: "many historians believe"). The finding is a note (info)
#   with no weight: on news copy it fires as often in reliable as in
#   unreliable reporting, so it informs the editor and measures hedging,
#   but does not lower the score.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions
#     description: MOS:WEASEL — numerically vague subjects
# custom:
#   category: hedge
#   severity: info
#   weight: 0
#   input: [attributions, matches, sentences]
#   why: '"Many" and "some" let a writer imply scale without evidence; a figure or a named example lets the reader judge it.'
#   examples:
#     fires: Many residents oppose the plan.
#     quiet: Some 4,000 residents signed the petition, organisers said.
package credcheck.rules.hedge["vague-quantity"]

import data.credcheck.lib

attributed := lib.attributed

time_words := {"years", "times", "hours", "days", "months", "weeks", "decades", "centuries", "minutes", "seconds", "more", "less", "fewer", "other", "others"}

report contains finding if {
	some m in input.matches.vague_quantities
	m.quoted == false
	not exact(m)
	input.sentences[m.sentence].zone != "quote"

	not reported(m)
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"cue": m.text,
		"message": sprintf("%q %s", [m.text, object.get(explanations, m.group, explanations.quantity)]),
	}
}

explanations := {
	"quantity": "leaves the quantity vague: a figure or a named example would let the reader judge it",
	"prevalence": "claims how widespread something is without saying who measured it",
	"superlative": "ranks without evidence: say by what measure, or who ranks it so",
}

# "Holt said Lumora talked to several companies": the vagueness is in what
# a source said, reported as such. "Many historians believe…" is not: there
# the vague quantity is the source.
reported(m) if {
	attributed[m.sentence]
	not in_source(m)
}

in_source(m) if {
	some k in input.sentences[m.sentence].attributions
	a := input.attributions[k]
	a.source.start <= m.start
	m.end <= a.source.end
}

# "some 4,000", "many years": an approximation of a figure, or time.
exact(m) if {
	m.group == "quantity"
	next := input.sentences[m.sentence].tokens[m.last_token + 1]
	regex.match(`^[0-9]`, next)
}

exact(m) if {
	m.group == "quantity"
	input.sentences[m.sentence].tokens[m.last_token + 1] in time_words
}
