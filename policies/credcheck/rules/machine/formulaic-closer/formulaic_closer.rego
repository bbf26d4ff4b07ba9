# METADATA
# title: Formulaic closer
# description: |
#   A paragraph opening "In conclusion," or "In summary," or a heading such
#   as "Conclusion" or "Final Thoughts": the essay formula of generated copy.
#   News stories end on their last fact or quote.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Signs_of_AI_writing
#     description: Wikipedia — Signs of AI writing (section summaries and conclusions)
# custom:
#   category: machine
#   severity: warning
#   weight: 3
#   input: [matches, sentences]
#   why: A summary closer repeats the story instead of reporting and is a common trace of generated copy.
#   examples:
#     fires: In conclusion, the partnership is a strategic move for both firms.
#     quiet: Overall revenue rose 4% in the quarter, the company said.
package credcheck.rules.machine["formulaic-closer"]

import data.credcheck.lib

# "In conclusion," opening a sentence of running prose.
report contains finding if {
	some m in input.matches.formulaic_closers
	m.group == "opener"
	m.quoted == false
	m.first_token == 0
	m.followed_by == ","
	input.sentences[m.sentence].zone in lib.prose_zones
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q opens a summary paragraph, an essay formula that news copy does not use", [m.text]),
	}
}

# A heading that is nothing but "Conclusion".
report contains finding if {
	some m in input.matches.formulaic_closers
	m.group == "heading"
	s := input.sentences[m.sentence]
	s.zone == "heading"
	m.first_token == 0
	m.last_token == count(s.tokens) - 1
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("a %q heading closes the story like an essay", [m.text]),
	}
}
