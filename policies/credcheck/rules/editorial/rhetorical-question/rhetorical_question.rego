# METADATA
# title: Question in the writer's voice
# description: |
#   A sentence of the story's body asks a question in the writer's own
#   voice, outside quotes ("Why would they hide it?"). News answers
#   questions with reporting; rhetorical questions steer the reader to a
#   conclusion the copy does not show. The headline is left to
#   clickbait-headline. It is information: the scoring weight, fitted on
#   labelled news, decides what it costs.
# custom:
#   category: editorial
#   severity: info
#   weight: 1
#   input: [endings, sentences]
#   why: A question in the writer's voice suggests what the reporting does not show; report the answer or who asks it.
#   examples:
#     fires: The board approved the fee in private. Why would it need to hide the vote?
#     quiet: '"Why now?" asked Dana Reyes, who chairs the residents group.'
package credcheck.rules.editorial["rhetorical-question"]

import data.credcheck.lib

report contains finding if {
	some i in input.endings.question
	input.sentences[i].zone in lib.prose_zones
	finding := {
		"sentence": i,
		"message": "asks a question in the writer's own voice",
	}
}
