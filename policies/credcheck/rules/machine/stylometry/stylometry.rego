# METADATA
# title: Statistics of generated prose
# description: |
#   The prose has the statistical shape of generated text rather than of
#   reporting: sentences of even length, long words, few specifics (names,
#   figures, quotes and attributions per 1,000 words) and a vocabulary that
#   repeats itself. Each signal is scored from 0 (typical of news) to 1
#   (typical of generated text) between the bounds in the parameters; the
#   finding's strength is their mean, it is reported from min_strength, and
#   its points grow with it, provided the sentences are more even than news
#   copy's at all. The message lists the signals that count. Human
#   writing can look like this too (opinion, explainers, non-native
#   writers), so the finding only feeds the machine sub-score.
# related_resources:
#   - ref: https://arxiv.org/abs/2308.09067
#     description: Muñoz-Ortiz et al. (2024) — human news has more varied sentence lengths and vocabulary than LLM news
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing
# custom:
#   category: machine
#   severity: info
#   weight: 6
#   input: [sentences, stats]
#   why: Reporting is dense with names, figures, quotes and sources, and uneven in rhythm; copy that is neither often went out without a reporter.
#   params:
#     min_words: 80
#     min_strength: 0.5
#     warning_strength: 0.7
#     evenness: {typical: 0.45, generated: 0.25}
#     word_length: {typical: 4.8, generated: 5.4}
#     specifics: {typical: 130, generated: 70}
#     diversity: {typical: 0.84, generated: 0.80}
#   examples:
#     fires: A 200-word text of evenly long, abstract sentences that names no one and quotes no one.
#     quiet: A wire story with names, figures, quotes and attributions in sentences of varied length.
package credcheck.rules.machine.stylometry

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params.stylometry
} else := lib.params(rego.metadata.chain())

report contains finding if {
	input.stats.words >= params.min_words
	input.stats.sentences >= 3
	values := [input.stats.sentence_length_cv, input.stats.word_length_mean, input.stats.specifics_per_1000, input.stats.mattr]
	bounds := [params.evenness, params.word_length, params.specifics, params.diversity]

	# Even sentence lengths are the signal the research finds most reliable;
	# long words, few specifics and a narrow vocabulary without it describe
	# plenty of human copy too (short briefs, explainers, service pieces).
	# So the rule stops here, before the arithmetic of the other three, when
	# the lengths are no more even than news's typical spread.
	even := (values[0] - bounds[0].typical) / (bounds[0].generated - bounds[0].typical)
	even > 0

	# Each signal scores 0 at the typical value of news and 1 at the
	# generated one, clamped (evenness, above 0 here, only from above).
	# Written out rather than as a function: arithmetic is the costly part
	# of this rule, and calls add to it.
	scores := array.concat([min([1, even])], [max([0, min([1, (v - b.typical) / (b.generated - b.typical)])]) |
		some i in [1, 2, 3]
		v := values[i]
		b := bounds[i]
	])
	strength := sum(scores) / count(scores)
	strength >= params.min_strength
	labels := [
		["sentences of even length", sprintf("spread %.2f", [values[0]])],
		["long words", sprintf("%.1f letters", [values[1]])],
		["few specifics", sprintf("%.0f names, figures, quotes and attributions per 1,000 words", [values[2]])],
		["a repetitive vocabulary", sprintf("MATTR %.2f", [values[3]])],
	]
	reasons := [sprintf("%s (%s)", [l[0], l[1]]) | some i, l in labels; scores[i] >= 0.5]
	first := input.sentences[[i | some i, s in input.sentences; s.zone in lib.prose_zones][0]]
	finding := {
		"sentence": first.index, "start": first.start, "end": first.end,
		"strength": strength,
		"severity": severity(strength),
		"cue": sprintf("strength %.2f", [strength]),
		"message": sprintf("the prose has the statistics of generated text (strength %.2f): %s", [strength, concat(", ", reasons)]),
	}
}

default severity(_) := "info"

severity(strength) := "warning" if strength >= params.warning_strength
