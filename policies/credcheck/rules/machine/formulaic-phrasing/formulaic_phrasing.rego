# METADATA
# title: Formulaic phrasing
# description: |
#   Several constructions that generated copy leans on: inflated significance
#   ("stands as a testament to", "heralding a new chapter"), negative
#   parallelism ("not only … but also"), didactic asides ("it is worth
#   noting"), the "despite its challenges" formula, and a trailing clause that
#   comments on the sentence (", underscoring …"). Human writers use each of
#   them now and then, so every one is reported only once the article holds
#   at least min_count outside quotes.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing (language and tone)
# custom:
#   category: machine
#   severity: info
#   weight: 2
#   input: [entities, matches, sentences]
#   why: Stock constructions pad copy with judgement instead of facts and often mark generated text.
#   params:
#     min_count: 2
#   examples:
#     fires: 'The deal stands as a testament to its ambition. It not only cuts costs but also opens markets.'
#     quiet: The deal cuts costs and opens markets, the company said.
package credcheck.rules.machine["formulaic-phrasing"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["formulaic-phrasing"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	count(input.matches.formulaic_phrases) >= params.min_count
	hits := [m | some m in input.matches.formulaic_phrases; m.quoted == false; not lib.in_name(m)]
	count(hits) >= params.min_count
	some m in hits
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q is a formulaic %s construction, one of %d in this article", [m.text, replace(m.group, "_", " "), count(hits)]),
	}
}
