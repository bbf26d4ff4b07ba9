# METADATA
# title: Claim with no source
# description: |
#   A sentence asserts something a reader would want sourced (a figure, a
#   plan, a deal, a cause, a record) but neither it nor the sentence before it
#   in the paragraph says who says so. Wire style attributes every disputable
#   fact the reporter did not witness, in the sentence or carried from the one
#   before. Direct quotes, headlines and headings are not checked. The
#   finding points at the first claim marker of the sentence.
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

params := p if {
	p := data.credcheck.config.params["unsourced-claim"]
} else := lib.params(rego.metadata.chain())

units := {u | some u in params.units}

# Figures with a unit or a scale word ("11%", "$2 billion", "4 million").
figures contains k if {
	wanted := units
	some k, n in input.numbers
	n.quoted == false
	wanted[n.unit]
}

figures contains k if {
	some k, n in input.numbers
	n.quoted == false
	n.scale != ""
}

candidates contains m.sentence if {
	some m in input.matches.claim_cues
	m.quoted == false
}

candidates contains input.numbers[k].sentence if some k in figures

# The sentence before, in the same paragraph, is attributed: the
# attribution carries over.
carried(i, paragraph, attributed) if {
	attributed[i - 1]
	input.sentences[i - 1].paragraph == paragraph
}

report contains finding if {
	attributed := lib.attributed
	prose := lib.prose_zones
	figs := figures
	some i in candidates
	not attributed[i]
	s := input.sentences[i]
	prose[s.zone]
	s.quoted == false
	not carried(i, s.paragraph, attributed)

	# Cue indexes and figures are in text order: the first of each will do.
	marks := array.concat(
		[[m.start, m.end, m.text] | m := input.matches.claim_cues[s.cues.claim_cues[0]]],
		[[n.start, n.end, n.text] | n := input.numbers[[k | some k in s.numbers; figs[k]][0]]],
	)
	[start, end, text] := sort(marks)[0]
	finding := {
		"sentence": i, "start": start, "end": end,
		"message": sprintf("claim with no source: nothing in this sentence or the one before says who states %q", [text]),
	}
}
