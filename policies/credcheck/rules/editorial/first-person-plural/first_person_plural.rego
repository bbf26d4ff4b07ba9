# METADATA
# title: Writer speaks as "we"
# description: |
#   A sentence of the story speaks as "we" or "our" in the writer's own
#   voice, outside quotes ("our freedoms", "we must ask"). News reports in
#   the third person; a writer who speaks for a "we" is taking a side. It is information, not an error: the scoring
#   weight, fitted on labelled news, decides what it costs. "US" in
#   capitals is the country.
# custom:
#   category: editorial
#   severity: info
#   weight: 1
#   why: A news writer who speaks for "us" takes a side; say who holds the view.
#   examples:
#     fires: We must ask why the council kept our harbour fees secret.
#     quiet: '"We will reopen the berth in May," the harbour master said.'
package credcheck.rules.editorial["first-person-plural"]

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
		"message": sprintf("%q speaks for a \"we\" in the writer's own voice", [m.text]),
	}
}

pronoun(m) if {
	m.group == "we"
	m.text != "US"
}
