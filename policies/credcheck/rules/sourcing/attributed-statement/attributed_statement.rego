# METADATA
# title: Attributed statement
# description: |
#   A sentence of the story that says who said it: a reporting verb or
#   "according to" with the source it credits ("the ministry said", "said
#   Jane Roe", "according to the port authority"). Attribution is the
#   basic practice of sourced reporting; a story that attributes sentence
#   after sentence tells the reader where each claim comes from. One
#   credit per sentence. Vague sources ("experts say", "some people
#   believe") earn nothing, and neither do quotes, headings or verbs with
#   no source found.
# related_resources:
#   - ref: https://www.ap.org/about/news-values-and-principles/
#     description: AP News Values and Principles — attribution
# custom:
#   category: sourcing
#   severity: info
#   weight: 1
#   why: Attribution lets the reader see where each claim comes from and weigh it.
#   examples:
#     fires: The port authority said the berth would reopen in May.
#     quiet: Experts say the berth will reopen in May.
package credcheck.rules.sourcing["attributed-statement"]

import data.credcheck.lib
import data.credcheck.lib.sources

# Attributions, by sentence, that credit a source the sentence names.
credited[a.sentence] contains a.start if {
	some a in input.attributions
	a.lexicon == "attribution_cues"
	a.group in {"verb", "frame", "source_after"}
	a.source != null
	input.sentences[a.sentence].zone in lib.prose_zones
	not sources.within(a.sentence, "vague_sources", a.source)
}

report contains finding if {
	some i, starts in credited
	start := min(starts)
	some a in input.attributions
	a.sentence == i
	a.start == start
	finding := {
		"sentence": i, "start": a.start, "end": a.end,
		"message": sprintf("attributed to %s", [a.source.text]),
	}
}
