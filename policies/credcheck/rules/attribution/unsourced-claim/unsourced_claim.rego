# METADATA
# title: Claim with no source
# description: |
#   A sentence asserts something a reader would want sourced (a figure with a
#   unit or scale, a named party's plan, a deal or choice a named party made,
#   a record) but neither it nor the sentence before it in the paragraph says
#   who says so. Wire style attributes every disputable fact the reporter did
#   not witness, in the sentence or carried from the one before. Forecasts,
#   the future tense, causes and background are not claims of this kind.
#   Direct quotes, headlines and headings are not checked. The finding points
#   at the first claim marker of the sentence.
# related_resources:
#   - ref: https://blog.ap.org/behind-the-news/when-is-it-ok-to-use-anonymous-sources
#     description: AP — attribute facts the reporter did not gather or confirm
#   - ref: https://www.bbc.co.uk/editorialguidelines/guidelines/accuracy
#     description: BBC Editorial Guidelines 3.2.3 — claims that cannot be corroborated should be attributed
# custom:
#   category: attribution
#   severity: warning
#   weight: 2
#   input: [entities, matches, numbers, sentences]
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

# A plan or a deal is a claim about a party: "Harbor has chosen Norden",
# not "selected events" or "Plans to reopen the pier". Records stand alone.
cue_marks contains m if {
	some m in input.matches.claim_cues
	m.quoted == false
	m.group == "record"
}

cue_marks contains m if {
	some m in input.matches.claim_cues
	m.quoted == false
	m.group != "record"
	lib.named_before(m)
}

candidates contains m.sentence if some m in cue_marks

candidates contains input.numbers[k].sentence if some k in figures

# The sentence before, in the same paragraph, is attributed: the
# attribution carries over. (Not the sentence after: "Revenue fell 11%. The
# chief executive has said demand is weak." does not source the figure.)
carried(i, paragraph, attributed) if {
	attributed[i - 1]
	input.sentences[i - 1].paragraph == paragraph
}

# "We partnered with…", "I lost 20%": the speaker vouches for it, as in an
# interview transcript or a first-person account.
# (Each `in` is one built-in call scanning the tokens, far cheaper than a
# Rego loop over them.)
first_person(s) if "i" in s.tokens

first_person(s) if "we" in s.tokens

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
	not first_person(s)

	# Cue indexes and figures are in text order: the first of each will do.
	marks := array.concat(
		[[m.start, m.end, m.text] | some k in s.cues.claim_cues; m := input.matches.claim_cues[k]; cue_marks[m]],
		[[n.start, n.end, n.text] | n := input.numbers[[k | some k in s.numbers; figs[k]][0]]],
	)
	[start, end, text] := sort(marks)[0]
	finding := {
		"sentence": i, "start": start, "end": end,
		"message": sprintf("claim with no source: nothing in this sentence or the one before says who states %q", [text]),
	}
}
