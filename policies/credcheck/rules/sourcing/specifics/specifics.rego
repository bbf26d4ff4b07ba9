# METADATA
# title: Dated, sourced specifics
# description: |
#   A sentence places a reported event on a named day ("on Tuesday", "late
#   Friday") or puts a sum of money on it, and says in the same sentence
#   where it comes from ("the board said on Tuesday"). A neighbouring
#   attribution is not enough: it credited unsourced asides as often as
#   facts. One credit per sentence, so the credit follows how much of
#   the reporting is dated and sourced, not how long the article is.
#   Percentages, counts, years and day-of-month dates are left out: on the
#   development set they were as common in unreliable copy (statistics
#   quoted second-hand, anniversaries) as in reporting.
# custom:
#   category: sourcing
#   severity: info
#   weight: 1
#   input: [matches, numbers, sentences]
#   why: A dated, sourced statement can be checked against the record; an undated, unsourced one cannot.
#   params:
#     units: [$, US$, €, £, ¥, HK$, C$, A$]
#   examples:
#     fires: The harbour authority said on Tuesday that the new crane cost $4 million.
#     quiet: The port has been busy for years.
package credcheck.rules.sourcing.specifics

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params.specifics
} else := lib.params(rego.metadata.chain())

units := {u | some u in params.units}

# The specifics of each sentence, grouped once: a sum of money, or a named
# weekday, as [start, end, text].
specific[n.sentence] contains [n.start, n.end, n.text] if {
	some n in input.numbers
	n.quoted == false
	units[n.unit]
}

specific[m.sentence] contains [m.start, m.end, m.text] if {
	some m in input.matches.date_references
	m.quoted == false
}

report contains finding if {
	some i, found in specific
	input.sentences[i].zone in lib.prose_zones
	i in lib.attributed
	[start, end, text] := min(found)
	finding := {
		"sentence": i, "start": start, "end": end, "cue": text,
		"message": sprintf("a sourced specific: %q", [text]),
	}
}
