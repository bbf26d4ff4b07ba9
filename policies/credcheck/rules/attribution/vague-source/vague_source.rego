# METADATA
# title: Vague or anonymous source
# description: |
#   The claim rests on people the reader cannot weigh: "people familiar with
#   the matter", "sources said", or a crowd ("experts say", "critics argue")
#   that the next sentences never resolve into a named person. Anonymous
#   sourcing carrying the headline or lede is an error; elsewhere a warning.
# related_resources:
#   - ref: https://blog.ap.org/behind-the-news/when-is-it-ok-to-use-anonymous-sources
#     description: AP — anonymous sources only when essential, described as specifically as possible
#   - ref: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions
#     description: MOS:WEASEL — "experts say", "some people say"
# custom:
#   category: attribution
#   severity: warning
#   weight: 3
#   input: [entities, matches, sentences]
#   why: A source the reader cannot identify cannot be weighed; name them, say why they cannot be named, or describe them precisely.
#   params:
#     resolve_within: 2
#   examples:
#     fires: The talks have stalled, people familiar with the matter said.
#     quiet: 'Analysts expect a deal. "It is close," said Jane Roe, an analyst at Ledger Research.'
package credcheck.rules.attribution["vague-source"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["vague-source"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	some m in input.matches.vague_sources
	m.quoted == false
	zone := input.sentences[m.sentence].zone
	zone != "quote"
	not resolved(m)
	finding := {
		"sentence": m.sentence, "start": m.start, "end": m.end,
		"severity": severity(m, zone),
		"message": message(m),
	}
}

# A crowd ("analysts say") is resolved when one of the next sentences gives
# a named, attributed source. Anonymous sources stay anonymous.
resolved(m) if {
	m.group == "crowd"
	some j in numbers.range(m.sentence + 1, m.sentence + params.resolve_within)
	j in lib.attributed
	some k in input.sentences[j].entities
	input.entities[k].kind == "name"
	not input.entities[k].quoted
}

default severity(_, _) := "warning"

severity(m, zone) := "error" if {
	m.group == "anonymous"
	zone in lib.story_zones
}

message(m) := sprintf("%q: an anonymous source; say why they cannot be named, or describe them precisely", [m.text]) if m.group == "anonymous"

message(m) := sprintf("%q: an unnamed crowd that no named source backs up in the next sentences", [m.text]) if m.group != "anonymous"
