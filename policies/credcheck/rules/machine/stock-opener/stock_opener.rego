# METADATA
# title: Stock sentence openers
# description: |
#   Several sentences open with formulaic transitions ("Interestingly,",
#   "Furthermore,", "Moreover,", "Additionally,"). Any one is ordinary; a run
#   of them is a trace of generated copy. Each opener is reported once the
#   article has at least min_count of them and they open at least min_share
#   of its sentences.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing (transitions are weak on their own)
# custom:
#   category: machine
#   severity: info
#   weight: 2
#   input: [matches, sentences, stats]
#   why: Chains of stock transitions pad copy and are common in generated text.
#   params:
#     min_count: 2
#     min_share: 0.06
#   examples:
#     fires: 'Interestingly, sales rose. Furthermore, costs fell. Moreover, margins grew.'
#     quiet: 'Sales rose. Costs fell, and margins grew, the company said.'
package credcheck.rules.machine["stock-opener"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["stock-opener"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	count(input.matches.stock_openers) >= params.min_count
	prose := lib.prose_zones
	openers := [m |
		some m in input.matches.stock_openers
		m.first_token == 0
		m.quoted == false
		prose[input.sentences[m.sentence].zone]
	]
	count(openers) >= params.min_count
	count(openers) / max([input.stats.sentences, 1]) >= params.min_share
	some m in openers
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q is one of %d stock openers in this article", [m.text, count(openers)]),
	}
}
