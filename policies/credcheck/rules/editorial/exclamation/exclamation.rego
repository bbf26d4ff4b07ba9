# METADATA
# title: Exclamation in the writer's voice
# description: |
#   A sentence of the story's body ends with an exclamation mark in the
#   writer's own voice, outside quotes. News copy states; exclamations
#   carry the writer's excitement or outrage to the reader. It is
#   information: the scoring weight, fitted on labelled news, decides what
#   it costs.
# custom:
#   category: editorial
#   severity: info
#   weight: 1
#   input: [endings, sentences]
#   why: An exclamation carries the writer's feeling, not the news.
#   examples:
#     fires: The council raised the harbour fees again!
#     quiet: '"We did it!" the captain shouted as the boat docked.'
package credcheck.rules.editorial.exclamation

import data.credcheck.lib

report contains finding if {
	some i in input.endings.exclamation
	input.sentences[i].zone in lib.prose_zones
	finding := {
		"sentence": i,
		"message": "exclaims in the writer's own voice",
	}
}
