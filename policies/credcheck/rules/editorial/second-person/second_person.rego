# METADATA
# title: Writer addresses the reader
# description: |
#   A sentence of the story speaks to the reader as "you" in the writer's
#   own voice, outside quotes. News reports what happened to others; copy
#   that keeps turning to the reader argues, advises or sells. It is information, not an error: service pieces ("if you
#   have symptoms, call your doctor") use it for good reason, and the
#   scoring weight, fitted on labelled news, decides what it costs.
# custom:
#   category: editorial
#   severity: info
#   weight: 1
#   why: Reporting speaks about people; copy that speaks to the reader is arguing or advising.
#   examples:
#     fires: Your city council does not want you to see this budget.
#     quiet: '"You cannot build a port on hope," the mayor said.'
package credcheck.rules.editorial["second-person"]

import data.credcheck.lib

# Every such pronoun outside quotes (the sentence's cues hold only the
# matches outside quotes): how often the writer does it is the signal.
report contains finding if {
	some s in input.sentences
	s.zone in lib.prose_zones
	some k in s.cues.writer_pronouns
	m := input.matches.writer_pronouns[k]
	pronoun(m)
	finding := {
		"sentence": s.index, "start": m.start, "end": m.end,
		"message": sprintf("%q speaks to the reader in the writer's own voice", [m.text]),
	}
}

pronoun(m) if m.group == "you"
