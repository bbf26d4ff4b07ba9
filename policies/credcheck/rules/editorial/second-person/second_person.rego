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

# Every such pronoun outside quotes: how often the writer does it is the
# signal. The matches are read directly, not sentence by sentence, so the
# rule costs what the article's pronouns cost. A newsletter or share
# prompt ("in your inbox") is page residue, which scraper-residue reports.
report contains finding if {
	some m in input.matches.writer_pronouns
	m.quoted == false
	pronoun(m)
	input.sentences[m.sentence].zone in lib.prose_zones
	not input.sentences[m.sentence].cues.boilerplate_lines
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"message": sprintf("%q speaks to the reader in the writer's own voice", [m.text]),
	}
}

pronoun(m) if m.group == "you"
