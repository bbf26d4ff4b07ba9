# METADATA
# title: Attributed direct quote
# description: |
#   A direct quote of a full statement (five words or more) that the
#   article attributes: a reporting verb or "according to" outside the
#   quote, in the sentence where the quote starts or the next one (a long
#   quote is often attributed after its first sentence). Quoting people in
#   their own words, and saying who they are, is how reporting shows its
#   sources. Scare quotes around a word or two earn nothing, nor do quotes
#   nobody is credited with.
# custom:
#   category: sourcing
#   severity: info
#   weight: 1
#   input: [matches, quotes, sentences]
#   params:
#     min_words: 5
#   why: A statement in the speaker's own words, credited to them, can be checked and weighed.
#   examples:
#     fires: '"We will reopen the berth in May," the harbour master said.'
#     quiet: 'The so-called "reform" passed.'
package credcheck.rules.sourcing["quoted-speech"]

import data.credcheck.lib

params := p if {
	p := data.credcheck.config.params["quoted-speech"]
} else := lib.params(rego.metadata.chain())

report contains finding if {
	some q in input.quotes
	q.words >= params.min_words
	q.sentence >= 0
	input.sentences[q.sentence].zone in lib.prose_zones
	credited(q.sentence)
	finding := {
		"sentence": q.sentence, "start": q.start, "end": q.end,
		"cue": sprintf("%d-word quote", [q.words]),
		"message": sprintf("a %d-word direct quote credited to its speaker", [q.words]),
	}
}

credited(i) if i in lib.attributed

credited(i) if (i + 1) in lib.attributed
