# METADATA
# title: Response sought
# description: |
#   The article shows that the reporter went to a party for its side: it
#   replied ("said in response to questions"), was asked ("Asked about the
#   delay, Roe said"), or declined or did not answer a request for comment.
#   A silence that does not say anyone asked ("has not commented") is not
#   credited.
#   Either way the party had its chance, and the reader is told. One credit
#   per sentence. Whether a silence contradicts an announcement is judged
#   by announced-vs-no-comment; this rule credits the effort.
# related_resources:
#   - ref: https://www.spj.org/ethicscode.asp
#     description: SPJ Code of Ethics — give subjects an opportunity to respond
# custom:
#   category: sourcing
#   severity: info
#   weight: 2
#   input: [matches, sentences]
#   why: Seeking a response from the people a story is about is basic fairness, and saying so shows the story was reported.
#   examples:
#     fires: The harbour board did not respond to a request for comment.
#     quiet: The harbour board is under pressure.
package credcheck.rules.sourcing["response-sought"]

import data.credcheck.lib

cues[m.sentence] contains [m.start, m.end, m.text] if {
	some m in input.matches.response_cues
	m.quoted == false
	m.group != "asked_opening"
	input.sentences[m.sentence].zone in lib.prose_zones
}

# "Asked about the delay, Roe said": a question put to the speaker opens
# the sentence. Elsewhere "asked about" is anyone's question.
cues[m.sentence] contains [m.start, m.end, m.text] if {
	some m in input.matches.response_cues
	m.group == "asked_opening"
	opens(m)
	m.quoted == false
	input.sentences[m.sentence].zone in lib.prose_zones
}

opens(m) if m.first_token == 0

opens(m) if {
	m.first_token == 1
	input.sentences[m.sentence].tokens[0] in {"but", "and", "yet"}
}

report contains finding if {
	some i, found in cues
	[start, end, text] := min(found)
	finding := {
		"sentence": i, "start": start, "end": end, "cue": text,
		"message": sprintf("a response was sought: %q", [text]),
	}
}
