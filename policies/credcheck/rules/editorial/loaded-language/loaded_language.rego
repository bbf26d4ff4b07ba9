# METADATA
# title: Loaded language
# description: |
#   Words that judge instead of report, in the writer's own voice: peacock
#   words that praise without evidence ("visionary", "tech behemoth"), loaded
#   words that carry the writer's feelings ("heartening", "disastrous") and
#   editorializing phrases that tell the reader what to think ("clearly", "of
#   course"), and verbs used instead of "said" that pass judgement on what was
#   said ("revealed that", "claimed that"). Quotes, block quotes and names
#   ("Iconic Motors") are left alone, and so are "claims that" and the like in
#   sentences about lawsuits and charges, where they are the legal terms.
# related_resources:
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Puffery
#     description: MOS:PUFFERY
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Editorializing
#     description: MOS:EDITORIAL
# custom:
#   category: editorial
#   severity: warning
#   weight: 2
#   input: [entities, matches, sentences]
#   why: Judgement words in news copy blur reporting and opinion; attribute the judgement or cut it.
#   examples:
#     fires: The heartening deal gives the tech behemoth a foothold.
#     quiet: '"It is a heartening deal," said Jane Roe.'
package credcheck.rules.editorial["loaded-language"]

import data.credcheck.lib

report contains finding if {
	some m in input.matches.loaded_language
	m.quoted == false
	s := input.sentences[m.sentence]
	s.zone != "quote"
	not lib.in_name(m)
	not legal(m)
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"severity": severity(m.group),
		"message": message(m),
	}
}

legal(m) if {
	m.group == "said"
	input.sentences[m.sentence].cues.accusers
}

severity(group) := "info" if group in {"editorializing", "said"}

severity(group) := "warning" if not group in {"editorializing", "said"}

message(m) := sprintf("%q praises without evidence in the writer's own voice", [m.text]) if m.group == "peacock"

message(m) := sprintf("%q carries the writer's feelings into news copy", [m.text]) if m.group == "loaded"

message(m) := sprintf("%q tells the reader what to think", [m.text]) if m.group == "editorializing"

message(m) := sprintf("%q judges the statement it reports; \"said\" is neutral", [m.text]) if m.group == "said"
