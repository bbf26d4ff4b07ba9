# METADATA
# title: Primary source cited
# description: |
#   The article points to a record the reader could check rather than to
#   what someone said about it: a court filing, public records, a study
#   published in a journal, a DOI, official data or statistics, a written
#   statement, or a public body (agency, court, regulator, legislature,
#   statistics office) credited as the source. One credit per sentence.
# related_resources:
#   - ref: https://www.spj.org/ethicscode.asp
#     description: SPJ Code of Ethics — seek out original sources
# custom:
#   category: sourcing
#   severity: info
#   weight: 2
#   input: [matches, sentences]
#   why: A claim tied to a document or an official record can be checked at its source, not only taken on trust.
#   examples:
#     fires: The port handled 2.1 million containers last year, according to data from the harbour authority.
#     quiet: The port is said to be busier than ever.
package credcheck.rules.sourcing["primary-source"]

import data.credcheck.lib

# Cues by sentence, as [start, end, text] so that the first can be chosen.
cues[m.sentence] contains [m.start, m.end, m.text] if {
	some m in input.matches.primary_sources
	m.quoted == false
	input.sentences[m.sentence].zone in lib.prose_zones
}

report contains finding if {
	some i, found in cues
	[start, end, text] := min(found)
	finding := {
		"sentence": i, "start": start, "end": end, "cue": text,
		"message": sprintf("cites a primary source: %q", [text]),
	}
}
