# METADATA
# title: Claim with no source
# description: |
#   A sentence asserts something a reader would want sourced (a figure, a
#   plan, a deal, a cause, a record) but neither it nor the sentence before it
#   in the paragraph says who says so. Wire style attributes every disputable
#   fact the reporter did not witness, in the sentence or carried from the one
#   before. Direct quotes, headlines and headings are not checked.
# related_resources:
#   - ref: https://blog.ap.org/behind-the-news/when-is-it-ok-to-use-anonymous-sources
#     description: AP — attribute facts the reporter did not gather or confirm
#   - ref: https://www.bbc.co.uk/editorialguidelines/guidelines/accuracy
#     description: BBC Editorial Guidelines 3.2.3 — claims that cannot be corroborated should be attributed
# custom:
#   category: attribution
#   severity: warning
#   weight: 2
#   why: An unattributed claim asks the reader to trust the outlet alone; naming the source lets them judge it.
#   params:
#     units: ["%", "pp", "$", "US$", "€", "£", "¥", "HK$", "A$", "C$", "₹"]
#   examples:
#     fires: Sales in the region fell 11% last quarter.
#     quiet: Sales in the region fell 11% last quarter, the company said.
package credcheck.rules.attribution["unsourced-claim"]

import data.credcheck.lib

params := lib.params(rego.metadata.chain())

# Claim markers by sentence: cue matches and figures with a unit.
marks contains [m.sentence, m.start, m.end, m.text] if {
	some m in input.matches.claim_cues
	not m.quoted
}

marks contains [n.sentence, n.start, n.end, n.text] if {
	units := {u | some u in params.units}
	some n in input.numbers
	not n.quoted
	n.unit in units
}

marks contains [n.sentence, n.start, n.end, n.text] if {
	some n in input.numbers
	not n.quoted
	n.scale != ""
}

claims contains i if {
	some [i, _, _, _] in marks
	s := input.sentences[i]
	s.zone in lib.prose_zones
	not s.quoted
	not lib.sourced(i)
}

report contains finding if {
	some i in claims
	first := min({mark[1] | some mark in marks; mark[0] == i})
	some mark in marks
	mark[0] == i
	mark[1] == first
	finding := {
		"sentence": i, "start": first, "end": mark[2], "cue": mark[3],
		"message": sprintf("claim with no source: nothing in this sentence or the one before says who states %q", [mark[3]]),
	}
}
