# METADATA
# title: Machine-favoured vocabulary
# description: |
#   The article uses several distinct words that language models favour far
#   more than human writers did ("underscores", "pivotal", "multifaceted",
#   "meticulous"), counted per 1,000 words of prose. One or two such words
#   prove nothing, so the rule counts distinct headwords, leaves quotes out,
#   and fires only above both thresholds; the finding lists the words. Its
#   severity grows with the evidence: info at the thresholds, warning from
#   warning_distinct headwords, error when at least warning_distinct
#   headwords come at error_per_1000 or more, a density human news copy does
#   not reach. It is a style signal for the machine sub-score, not a verdict
#   on who wrote the text.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing (AI vocabulary)
#   - ref: https://arxiv.org/abs/2406.07016
#     description: Kobak et al. (2024) — excess vocabulary after the release of LLMs
# custom:
#   category: machine
#   severity: info
#   weight: 4
#   input: [matches, stats]
#   why: Dense machine-favoured vocabulary suggests unedited generated copy, which needs a human check of every claim.
#   params:
#     min_distinct: 3
#     min_per_1000: 3
#     warning_distinct: 5
#     error_per_1000: 9
#   examples:
#     fires: The pivotal deal underscores a multifaceted strategy that showcases meticulous planning.
#     quiet: The deal gives the company a second supplier, its chief executive said.
package credcheck.rules.machine["ai-vocabulary"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["ai-vocabulary"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	# Cheap checks first: most articles have too few hits to go on.
	hits := [m | some m in input.matches.ai_vocabulary; m.quoted == false]
	count(hits) >= params.min_distinct
	headwords := {m.group | some m in hits}
	count(headwords) >= params.min_distinct
	per_1000 := (count(headwords) * 1000) / max([input.stats.words, 1])
	per_1000 >= params.min_per_1000
	words := concat(", ", sort(headwords))
	finding := {
		"sentence": hits[0].sentence, "start": hits[0].start, "end": hits[0].end,
		"cue": words,
		"severity": severity(count(headwords), per_1000),
		"message": sprintf("%d distinct machine-favoured words (%.1f per 1,000 words): %s", [count(headwords), per_1000, words]),
	}
}

default severity(_, _) := "info"

severity(distinct, per_1000) := "warning" if {
	distinct >= params.warning_distinct
	per_1000 < params.error_per_1000
}

severity(distinct, per_1000) := "error" if {
	distinct >= params.warning_distinct
	per_1000 >= params.error_per_1000
}
